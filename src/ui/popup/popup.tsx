import type { PlatformOverview } from '../../core';
import { t } from '../../lib/i18n';
import { useWorkerQuery } from '../shared/use-worker';
import { HOME_PAGE } from './next-step';
import { PlatformVerdict } from './platform-verdict';

/**
 * One screen (400 × 600 CSS px, issue 18): per platform one sentence, the counts and the next step.
 * Everything else is on the Glasshouse page (src/ui/report/), one click away.
 */
export function Popup() {
  const { loaded } = useWorkerQuery({ type: 'overview/get' });
  return (
    <>
      <header class="page-header">
        <h1>{t('extensionName')}</h1>
        <nav class="header-links" aria-label={t('popupLinksLabel')}>
          <a href={HOME_PAGE} target="_blank" rel="noopener" data-link="home">
            {t('popupOpenHome')}
            <span class="visually-hidden"> {t('opensInNewTab')}</span>
          </a>
          <a href="../options/index.html" target="_blank" rel="noopener">
            {t('popupSettingsLink')}
            <span class="visually-hidden"> {t('opensInNewTab')}</span>
          </a>
        </nav>
      </header>
      <main>
        {loaded.state === 'loading' && <p class="muted">{t('loading')}</p>}
        {loaded.state === 'failed' && <p role="alert">{t('popupLoadFailed', [loaded.error])}</p>}
        {loaded.state === 'ready' && <Loaded platforms={loaded.value.platforms} unwritten={loaded.value.unwritten ?? 0} />}
      </main>
    </>
  );
}

function Loaded({ platforms, unwritten }: { platforms: PlatformOverview[]; unwritten: number }) {
  const total = platforms.reduce((n, p) => n + p.summary.total, 0);
  // data-total, data-empty and section[data-platform] [data-count] are read by the browser tests.
  return (
    <div data-total={total} data-empty={total === 0 ? '' : undefined}>
      {/* Batches whose write keeps failing (a full disk): the counts below leave them out, so the popup says so. */}
      {unwritten > 0 && (
        <p class="error small" data-unwritten={unwritten}>
          {t('popupUnwritten')}
        </p>
      )}
      {platforms.map((p) => (
        <PlatformVerdict key={p.summary.platform} overview={p} />
      ))}
    </div>
  );
}
