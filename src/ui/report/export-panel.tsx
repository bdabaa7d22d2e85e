import { useState } from 'preact/hooks';
import type { GlasshouseDatabase } from '../../db';
import { t } from '../../lib/i18n';
import type { ReportFormat } from '../shared/actions';

const FORMATS: { format: ReportFormat; key: string }[] = [
  { format: 'json', key: 'exportJson' },
  { format: 'csv', key: 'exportCsv' },
  { format: 'html', key: 'exportHtml' },
];

type Status = { state: 'done' | 'failed'; text: string } | null;

/** The three exports, with a progress bar while a large one is built (the same code path as the popup's buttons). */
export function ExportPanel({ db }: { db: GlasshouseDatabase }) {
  const [busy, setBusy] = useState<{ format: ReportFormat; percent: number } | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const run = async (format: ReportFormat) => {
    // Buttons stay focusable while an export runs (a disabled button would drop the keyboard focus).
    if (busy) return;
    setStatus(null);
    setBusy({ format, percent: 0 });
    try {
      // Loaded when asked for (papaparse, the writers and their schemas): the page opens without them (bench figure 6).
      const { saveReport } = await import('../shared/export-report');
      const file = await saveReport(format, { db, onProgress: (fraction) => setBusy({ format, percent: Math.round(fraction * 100) }) });
      setStatus({ state: 'done', text: t('exportDone', [file.name]) });
    } catch (error) {
      setStatus({ state: 'failed', text: t('actionFailed', [error instanceof Error ? error.message : String(error)]) });
    } finally {
      setBusy(null);
    }
  };
  const busyLabel = busy ? t(FORMATS.find((f) => f.format === busy.format)!.key) : '';
  return (
    <section class="card" aria-labelledby="export-heading" data-section="export">
      <h2 id="export-heading">{t('reportExportHeading')}</h2>
      <p class="small">{t('reportExportIntro')}</p>
      <div class="action-row">
        {FORMATS.map(({ format, key }) => (
          <button
            key={format}
            type="button"
            data-action={`export-${format}`}
            aria-disabled={busy ? 'true' : undefined}
            onClick={() => run(format)}
          >
            {t(key)}
          </button>
        ))}
      </div>
      {busy && (
        <p class="progress-line" data-progress={busy.percent}>
          <label for="export-progress">{t('reportExportProgress', [busyLabel])}</label>
          <progress id="export-progress" max={100} value={busy.percent}>
            {`${busy.percent} %`}
          </progress>
        </p>
      )}
      <p role="status" class={`status small ${status?.state === 'failed' ? 'error' : ''}`} data-outcome={status?.state}>
        {status?.text ?? ''}
      </p>
    </section>
  );
}
