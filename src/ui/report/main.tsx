import '../../core/zod-setup';
import { render } from 'preact';
import { t } from '../../lib/i18n';

// The report page; the report issue builds the table, charts and exports here.
render(
  <main>
    <h1>{t('reportTitle')}</h1>
  </main>,
  document.getElementById('app')!,
);
