import '../../core/zod-setup';
import { render } from 'preact';
import { t } from '../../lib/i18n';
import { textLocale } from '../shared/format';
import { ReportPage } from './report-page';

document.documentElement.lang = textLocale();
document.title = t('extensionName');
render(<ReportPage />, document.getElementById('app')!);
