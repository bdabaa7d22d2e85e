import type { PlatformOverview } from '../../core';
import { t } from '../../lib/i18n';
import { useWorkerQuery } from '../shared/use-worker';
import { DiagnosticsPanel } from './diagnostics';
import { EmptyState } from './empty-state';
import { FixingAdvice } from './fixing';
import { ObjectionPanel } from './objection';
import { PlatformSummaryView } from './platform-summary';
import { ReportActions } from './report-actions';

export function Popup() {
  const { loaded, reload } = useWorkerQuery({ type: 'overview/get' });
  return (
    <>
      <header class="page-header">
        <h1>{t('extensionName')}</h1>
        <a href="../options/index.html" target="_blank" rel="noopener" class="header-link">
          {t('popupSettingsLink')}
          <span class="visually-hidden"> {t('opensInNewTab')}</span>
        </a>
      </header>
      <main>
        {loaded.state === 'loading' && <p class="muted">{t('loading')}</p>}
        {loaded.state === 'failed' && <p role="alert">{t('popupLoadFailed', [loaded.error])}</p>}
        {loaded.state === 'ready' && <Loaded platforms={loaded.value.platforms} reload={reload} />}
      </main>
      {loaded.state === 'ready' && (
        <footer>
          <DiagnosticsPanel platforms={loaded.value.platforms} />
        </footer>
      )}
    </>
  );
}

function Loaded({ platforms, reload }: { platforms: PlatformOverview[]; reload: () => Promise<void> }) {
  const total = platforms.reduce((n, p) => n + p.summary.total, 0);
  return (
    <>
      {/* data-total and section[data-platform] [data-count] are read by the browser tests. */}
      <div data-total={total}>
        {total === 0 && <EmptyState />}
        {platforms.map((p) => (
          <PlatformSummaryView key={p.summary.platform} overview={p} />
        ))}
      </div>
      <ObjectionPanel platforms={platforms} reload={reload} />
      <FixingAdvice platforms={platforms} />
      <ReportActions />
    </>
  );
}
