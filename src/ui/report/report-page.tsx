import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { openDatabase, readReportTables, type GlasshouseDatabase } from '../../db';
import { t } from '../../lib/i18n';
import { chartsHtml } from '../../report/html';
import { buildReportInChunks, reportStrings, userTimeZone } from '../shared/export-report';
import { ChartsView } from './charts-view';
import { ExportPanel } from './export-panel';
import { toFindingRow, type FindingRow } from './finding-rows';
import { FindingsTable } from './findings-table';
import { ImportPanel } from './import-panel';

type Loaded = { state: 'loading' } | { state: 'failed'; error: string } | { state: 'ready'; rows: FindingRow[] };

/**
 * The full report: the charts of the HTML file, the exports, the import of a JSON report, and a
 * table of every finding. The posts are read once into memory (small rows) and the table works on
 * that array; the worker is not involved, extension pages read IndexedDB themselves.
 */
export function ReportPage({ db: given }: { db?: GlasshouseDatabase }) {
  const db = useMemo(() => given ?? openDatabase(), [given]);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [charts, setCharts] = useState<{ markup: string; findings: number } | null>(null);
  const strings = useMemo(reportStrings, []);

  const load = useCallback(async () => {
    try {
      const tables = await readReportTables(db, { history: false });
      setLoaded({ state: 'ready', rows: tables.posts.map(toFindingRow) });
      // The charts come second: the table is usable while they are drawn.
      const report = await buildReportInChunks({ ...tables, now: Date.now() });
      setCharts({ markup: chartsHtml(report, strings, { timeZone: userTimeZone() }), findings: report.findings.length });
    } catch (error) {
      setLoaded({ state: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
  }, [db, strings]);
  useEffect(() => void load(), [load]);

  return (
    <>
      <header class="page-header">
        <h1>{t('reportTitle')}</h1>
        <a class="button" href="../fix/index.html" data-link="fix">
          {t('fixTitle')}
        </a>
      </header>
      <main class="report">
        <p>{t('reportIntro')}</p>
        {loaded.state === 'loading' && <p class="muted">{t('loading')}</p>}
        {loaded.state === 'failed' && <p role="alert">{t('reportLoadFailed', [loaded.error])}</p>}
        {loaded.state === 'ready' && (
          <div data-total={loaded.rows.length}>
            {loaded.rows.length === 0 && <p data-empty>{t('reportNothingSeen')}</p>}
            <div class="report-actions">
              <ExportPanel db={db} />
              <ImportPanel db={db} onImported={load} />
            </div>
            {charts !== null && <ChartsView markup={charts.markup} findings={charts.findings} />}
            {loaded.rows.length > 0 && <FindingsTable rows={loaded.rows} />}
          </div>
        )}
      </main>
    </>
  );
}
