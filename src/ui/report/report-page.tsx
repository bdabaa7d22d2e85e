import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { openDatabase, readReportTables, type GlasshouseDatabase } from '../../db';
import { t } from '../../lib/i18n';
// The chart model alone, not the report barrel: that would bring the CSV writer and papaparse to the page's first load (bench figure 6).
import { chartsSection, type ChartsSection } from '../../report/chart-model';
import { ArchiveImport } from '../shared/ArchiveImport';
import { buildReportInChunks, reportStrings, userTimeZone } from '../shared/report-build';
import { ChartsView } from './charts-view';
import { ExportPanel } from './export-panel';
import { toFindingRow, type FindingRow } from './finding-rows';
import { FindingsTable } from './findings-table';
import { ImportPanel } from './import-panel';
import { OverviewSections } from './overview-sections';

type Loaded = { state: 'loading' } | { state: 'failed'; error: string } | { state: 'ready'; rows: FindingRow[] };

/** The page's sections, in the order of its contents list; the popup links to #object and #posts. */
const SECTIONS = [
  { id: 'overview', key: 'homeNavOverview' },
  { id: 'object', key: 'objectHeading' },
  { id: 'fix', key: 'fixHeading' },
  { id: 'scan', key: 'homeScanHeading' },
  { id: 'diagnostics', key: 'diagHeading' },
  { id: 'posts', key: 'reportFindingsHeading' },
] as const;

/**
 * The Glasshouse page, the app's home (issue 18): everything the one-screen popup leaves out. The
 * overview, objection, fixing advice, full-history scan and diagnostics come from the worker
 * (`overview/get`, as the popup); the posts part reads IndexedDB itself: the charts of the HTML
 * file, the exports, the imports and a table of every finding, read once into memory (small rows).
 */
export function ReportPage({ db: given }: { db?: GlasshouseDatabase }) {
  const db = useMemo(() => given ?? openDatabase(), [given]);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [charts, setCharts] = useState<{ section: ChartsSection; findings: number } | null>(null);
  const strings = useMemo(reportStrings, []);
  // An import changes the counts: the overview (and with it the toolbar badge) is asked again.
  const [imports, setImports] = useState(0);

  const load = useCallback(async () => {
    try {
      const tables = await readReportTables(db, { history: false });
      setLoaded({ state: 'ready', rows: tables.posts.map(toFindingRow) });
      // The charts come second: the table is usable while they are drawn.
      const report = await buildReportInChunks({ ...tables, now: Date.now() });
      setCharts({ section: chartsSection(report, strings, { timeZone: userTimeZone() }), findings: report.findings.length });
    } catch (error) {
      setLoaded({ state: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
  }, [db, strings]);
  useEffect(() => void load(), [load]);

  return (
    <>
      <header class="page-header">
        <h1>{t('extensionName')}</h1>
        <nav aria-label={t('homeNavLabel')} class="header-links">
          {SECTIONS.map(({ id, key }) => (
            <a key={id} href={`#${id}`}>
              {t(key)}
            </a>
          ))}
          <a class="button" href="../fix/index.html" data-link="fix">
            {t('fixTitle')}
          </a>
        </nav>
      </header>
      <main class="report">
        <OverviewSections imports={imports} rows={loaded.state === 'ready' ? loaded.rows : undefined} />
        <section id="posts" aria-labelledby="posts-heading" data-section="posts">
          <h2 id="posts-heading">{t('reportFindingsHeading')}</h2>
          <p>{t('reportIntro')}</p>
          {loaded.state === 'loading' && <p class="muted">{t('loading')}</p>}
          {loaded.state === 'failed' && <p role="alert">{t('reportLoadFailed', [loaded.error])}</p>}
          {loaded.state === 'ready' && (
            <div data-total={loaded.rows.length}>
              {loaded.rows.length === 0 && <p data-empty>{t('reportNothingSeen')}</p>}
              <div class="report-actions">
                <ExportPanel db={db} />
                <ImportPanel
                  db={db}
                  onImported={async () => {
                    await load();
                    setImports((n) => n + 1);
                  }}
                />
              </div>
              {charts !== null && <ChartsView section={charts.section} findings={charts.findings} />}
              {loaded.rows.length > 0 && <FindingsTable rows={loaded.rows} />}
              <ArchiveImport database={async () => (await db.open()) as GlasshouseDatabase} />
            </div>
          )}
        </section>
      </main>
    </>
  );
}
