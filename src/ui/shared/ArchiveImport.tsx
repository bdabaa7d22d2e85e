import { useState } from 'preact/hooks';
import type { ArchiveComparison } from '../../archive';
import { ArchiveError } from '../../archive/errors';
import { openDatabase, type GlasshouseDatabase } from '../../db';
import { t } from '../../lib/i18n';
import { formatCount, formatDate } from './format';

type State =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'failed'; message: string }
  | { kind: 'done'; comparisons: ArchiveComparison[]; files: string[] };

/** How many never-seen posts are listed; the rest are counted. */
const LISTED = 100;

let shared: Promise<GlasshouseDatabase> | undefined;
const defaultDatabase = () =>
  (shared ??= openDatabase()
    .open()
    .then((db) => db as GlasshouseDatabase));

/**
 * Import of Meta's "Download Your Information" export (JSON): the ZIP, or the unpacked folder. Read in
 * this page and compared with what Glasshouse saw; nothing is sent anywhere and nothing is stored.
 * Mount it in an extension page (the report page); `database` is injectable for tests.
 */
export function ArchiveImport({ database = defaultDatabase }: { database?: () => Promise<GlasshouseDatabase> }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const read = async (list: FileList | null) => {
    const files = [...(list ?? [])];
    if (files.length === 0) return;
    setState({ kind: 'reading' });
    let archiveKey: ((error: ArchiveError) => string) | undefined;
    try {
      // Loaded when files are chosen (fflate, the export's readers and schemas): the page opens without them (bench figure 6).
      const { archiveErrorKey, compareExport, readPickedFiles } = await import('./archive-import');
      archiveKey = archiveErrorKey;
      const contents = await readPickedFiles(files);
      setState({ kind: 'done', comparisons: await compareExport(await database(), contents), files: contents.files });
    } catch (error) {
      const message =
        error instanceof ArchiveError && archiveKey
          ? t(archiveKey(error), [error.file ?? '', error.detail])
          : t('archiveError_unreadable', [String(error instanceof Error ? error.message : error)]);
      setState({ kind: 'failed', message });
    }
  };
  return (
    <section class="card" aria-labelledby="archive-heading" data-section="archive-import">
      <h2 id="archive-heading">{t('archiveHeading')}</h2>
      <p class="small">{t('archiveIntro')}</p>
      <p>
        <label>
          {t('archivePickFiles')}{' '}
          <input
            type="file"
            accept=".zip,.json,application/zip,application/json"
            multiple
            data-archive-input="files"
            onChange={(event) => void read((event.currentTarget as HTMLInputElement).files)}
          />
        </label>
      </p>
      <p>
        <label>
          {t('archivePickFolder')}{' '}
          <input
            type="file"
            multiple
            data-archive-input="folder"
            ref={(input) => input?.setAttribute('webkitdirectory', '')}
            onChange={(event) => void read((event.currentTarget as HTMLInputElement).files)}
          />
        </label>
      </p>
      <div role="status" data-archive-state={state.kind}>
        {state.kind === 'reading' && <p class="muted">{t('archiveReading')}</p>}
        {state.kind === 'done' && <p class="small muted">{t('archiveNothingStored')}</p>}
      </div>
      {state.kind === 'failed' && (
        <p role="alert" data-archive-error>
          {state.message}
        </p>
      )}
      {state.kind === 'done' && state.comparisons.map((c) => <Comparison key={c.platform} comparison={c} />)}
    </section>
  );
}

function Comparison({ comparison }: { comparison: ArchiveComparison }) {
  const { platform, total, matched, unseen } = comparison;
  const matchedPublic = matched.filter((m) => m.observed.eligible === 'yes').length;
  const headingId = `archive-${platform}`;
  return (
    <div data-archive-platform={platform} data-total={total} data-matched={matched.length} data-unseen={unseen.length}>
      <h3 id={headingId}>{t(`platform_${platform}`)}</h3>
      <p>{t('archiveCounts', [formatCount(total), formatCount(matched.length), formatCount(unseen.length)])}</p>
      {matched.length > 0 && <p>{t('archiveMatchedPublic', [formatCount(matchedPublic)])}</p>}
      {unseen.length > 0 && (
        <>
          <p data-not-covered={comparison.notCoveredByScan}>
            {comparison.scanReachedBack !== undefined
              ? t('archiveNotCovered', [formatCount(comparison.notCoveredByScan), formatDate(comparison.scanReachedBack)])
              : t('archiveNoScan', [formatCount(comparison.notCoveredByScan)])}
          </p>
          <h4>{t('archiveUnseenHeading')}</h4>
          <p class="small muted">{t('archiveUnseenExplain')}</p>
          <ul class="archive-unseen" aria-labelledby={headingId}>
            {unseen.slice(0, LISTED).map((post, i) => (
              <li key={`${post.publishedAt}-${i}`} data-audience="unknown">
                <span class="muted small">{formatDate(post.publishedAt)}</span> {post.text || t('archiveNoText')}
              </li>
            ))}
          </ul>
          {unseen.length > LISTED && <p class="small muted">{t('archiveMore', [formatCount(unseen.length - LISTED)])}</p>}
        </>
      )}
    </div>
  );
}
