import type { PlatformSummary } from '../../core';
import { t } from '../../lib/i18n';
import { useWorker } from '../shared/use-worker';

function PlatformCounts({ summary }: { summary: PlatformSummary }) {
  const name = t(`platform_${summary.platform}`);
  return (
    <section aria-labelledby={`h-${summary.platform}`} data-platform={summary.platform}>
      <h2 id={`h-${summary.platform}`}>{name}</h2>
      {summary.total === 0 ? (
        <p class="muted">{t('popupNothingSeen')}</p>
      ) : (
        <dl class="counts">
          <div>
            <dt>{t('popupCountPublic')}</dt>
            <dd class="exposed" data-count="eligible">
              {summary.eligible}
            </dd>
          </div>
          <div>
            <dt>{t('popupCountNotPublic')}</dt>
            <dd class="safe" data-count="not-eligible">
              {summary.notEligible}
            </dd>
          </div>
          <div>
            <dt>{t('popupCountUnknown')}</dt>
            <dd class="unknown" data-count="unknown">
              {summary.unknown}
            </dd>
          </div>
        </dl>
      )}
    </section>
  );
}

export function Popup() {
  const summary = useWorker({ type: 'summary/get' });
  return (
    <main>
      <h1>{t('extensionName')}</h1>
      {summary.state === 'loading' && <p class="muted">{t('loading')}</p>}
      {summary.state === 'failed' && <p role="alert">{t('popupLoadFailed', [summary.error])}</p>}
      {summary.state === 'ready' && (
        <div data-total={summary.value.platforms.reduce((n, p) => n + p.total, 0)}>
          {summary.value.platforms.map((p) => (
            <PlatformCounts key={p.platform} summary={p} />
          ))}
        </div>
      )}
    </main>
  );
}
