import { useState } from 'preact/hooks';
import type { GlasshouseDatabase } from '../../db';
import { t } from '../../lib/i18n';
import { REPORT_LIMITS } from '../../report/report-schema';
import { formatCount } from '../shared/format';
import type { ImportErrorCode, ImportOutcome } from './report-import';

/** Each refusal in the user's language; the technical detail (which field) follows it. */
const REFUSAL_KEYS: Record<ImportErrorCode, string> = {
  unreadable: 'reportImportUnreadable',
  empty: 'reportImportEmpty',
  'too-large': 'reportImportTooLarge',
  'not-json': 'reportImportNotJson',
  truncated: 'reportImportTruncated',
  'not-a-report': 'reportImportNotReport',
  'newer-version': 'reportImportNewer',
  'unsupported-version': 'reportImportUnsupported',
  invalid: 'reportImportInvalid',
  'not-importable': 'reportImportInvalid',
  'write-failed': 'reportImportWriteFailed',
};

type Status = { state: 'working' | 'done'; text: string } | { state: 'refused'; text: string; detail: string } | null;

async function importFile(db: GlasshouseDatabase, file: File): Promise<ImportOutcome> {
  // Checked before reading: a huge file is refused without being loaded into memory.
  if (file.size > REPORT_LIMITS.fileBytes) return { ok: false, code: 'too-large', error: `${file.size} bytes` };
  try {
    // Loaded when a file is chosen (the report's parser and schemas): the page opens without them (bench figure 6).
    const { importReportText } = await import('./report-import');
    return await importReportText(db, await file.text(), Date.now());
  } catch (error) {
    return { ok: false, code: 'unreadable', error: error instanceof Error ? error.message : String(error) };
  }
}

/** Import of a JSON report: a bad file is refused with a clear message and changes nothing. */
export function ImportPanel({ db, onImported }: { db: GlasshouseDatabase; onImported: () => Promise<void> }) {
  const [status, setStatus] = useState<Status>(null);
  const onChange = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setStatus({ state: 'working', text: t('reportImporting') });
    const outcome = await importFile(db, file);
    // The same file can be chosen again.
    input.value = '';
    if (!outcome.ok) {
      setStatus({
        state: 'refused',
        text: t('reportImportRefused', [t(REFUSAL_KEYS[outcome.code])]),
        detail: t('reportImportDetail', [outcome.error]),
      });
      return;
    }
    const { posts, added, updated } = outcome.result;
    setStatus({ state: 'done', text: t('reportImportDone', [formatCount(posts), formatCount(added), formatCount(updated)]) });
    await onImported();
  };
  return (
    <section class="card" aria-labelledby="import-heading" data-section="import">
      <h2 id="import-heading">{t('reportImportHeading')}</h2>
      <p class="small" id="import-intro">
        {t('reportImportIntro')}
      </p>
      <p>
        <label for="import-file">{t('reportImportLabel')}</label>
        <input type="file" id="import-file" accept=".json,application/json" aria-describedby="import-intro" onChange={onChange} />
      </p>
      <p role="status" class="status small" data-import={status && status.state !== 'refused' ? status.state : undefined}>
        {status && status.state !== 'refused' ? status.text : ''}
      </p>
      <div role="alert" class="error" data-import={status?.state === 'refused' ? 'refused' : undefined}>
        {status?.state === 'refused' && (
          <>
            <p>{status.text}</p>
            <p class="small wrap">{status.detail}</p>
          </>
        )}
      </div>
    </section>
  );
}
