import { useEffect } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { useWorkerQuery } from '../shared/use-worker';
import { DiagnosticsPanel } from './diagnostics';
import type { FindingRow } from './finding-rows';
import { FixingAdvice } from './fixing';
import { ObjectionPanel } from './objection';
import { PlatformDetails } from './platform-details';
import { ScanPanel } from './scan-panel';

/**
 * The Glasshouse page's sections that the worker answers for (`overview/get`, the popup's message):
 * each platform in detail, objecting, fixing, the full-history scan and the diagnostics.
 */
export function OverviewSections({ imports = 0, rows }: { imports?: number; rows?: readonly FindingRow[] }) {
  const { loaded, reload } = useWorkerQuery({ type: 'overview/get' });
  // `imports` counts the reports imported on this page: each one changes what the overview says.
  useEffect(() => {
    if (imports > 0) void reload();
  }, [imports]);
  if (loaded.state === 'loading') return <p class="muted">{t('loading')}</p>;
  if (loaded.state === 'failed') return <p role="alert">{t('popupLoadFailed', [loaded.error])}</p>;
  const { platforms, unwritten } = loaded.value;
  return (
    <>
      <section id="overview" aria-labelledby="overview-heading" data-section="overview">
        <h2 id="overview-heading">{t('homeNavOverview')}</h2>
        <div class="platforms">
          {platforms.map((p) => (
            <PlatformDetails key={p.summary.platform} overview={p} />
          ))}
        </div>
      </section>
      <ObjectionPanel platforms={platforms} reload={reload} rows={rows} />
      <FixingAdvice platforms={platforms} />
      <ScanPanel />
      <section id="diagnostics" aria-labelledby="diagnostics-heading" data-section="diagnostics-section">
        <h2 id="diagnostics-heading">{t('diagHeading')}</h2>
        <DiagnosticsPanel platforms={platforms} unwritten={unwritten} />
      </section>
    </>
  );
}
