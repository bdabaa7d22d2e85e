import { useState } from 'preact/hooks';
import type { Platform } from '../../core';
import { t } from '../../lib/i18n';
import { exportReport, startFullScan, type ActionOutcome, type ReportFormat } from '../shared/actions';
import { ExternalLink } from '../shared/links';

const FORMATS: { format: ReportFormat; key: string }[] = [
  { format: 'json', key: 'exportJson' },
  { format: 'csv', key: 'exportCsv' },
  { format: 'html', key: 'exportHtml' },
];
const SCANS: Platform[] = ['facebook', 'instagram'];

/** Export, the full report page and the full-history scan: the features themselves live in src/ui/shared/actions.ts. */
export function ReportActions() {
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  const run = async (action: () => Promise<ActionOutcome>) => {
    setOutcome(null);
    try {
      setOutcome(await action());
    } catch (error) {
      setOutcome({ state: 'failed', messageKey: 'actionFailed', substitutions: [String(error instanceof Error ? error.message : error)] });
    }
  };
  return (
    <section class="card" aria-labelledby="report-heading" data-section="report">
      <h2 id="report-heading">{t('reportHeading')}</h2>
      <p class="actions">
        <ExternalLink href="../report/index.html" class="button">
          {t('openReport')}
        </ExternalLink>
      </p>
      <div class="action-row" role="group" aria-labelledby="export-label">
        <span id="export-label" class="small">
          {t('exportGroup')}
        </span>
        {FORMATS.map(({ format, key }) => (
          <button key={format} type="button" data-action={`export-${format}`} onClick={() => run(() => exportReport(format))}>
            {t(key)}
          </button>
        ))}
      </div>
      <div class="action-row" role="group" aria-labelledby="scan-label">
        <span id="scan-label" class="small">
          {t('scanGroup')}
        </span>
        {SCANS.map((platform) => (
          <button key={platform} type="button" data-action={`scan-${platform}`} onClick={() => run(() => startFullScan(platform))}>
            {t(`platform_${platform}`)}
          </button>
        ))}
      </div>
      <p role="status" class="status small" data-outcome={outcome?.state}>
        {outcome ? t(outcome.messageKey, outcome.substitutions) : ''}
      </p>
    </section>
  );
}
