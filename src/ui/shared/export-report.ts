import type { ExposureReport, ReportFinding } from '../../report/report-schema';
import type { ReportStrings } from '../../report/report-strings';
import { ExposureReportSchema, ReportFindingSchema } from '../../report/report-schema';
import { z } from '../../core/zod-setup';
import { openDatabase, readReportTables, type GlasshouseDatabase } from '../../db';
import { toCsv } from '../../report/csv';
import { toHtml } from '../../report/html';
import { writeParsedReport } from '../../report/json';
import type { ReportFormat } from './actions';
import { todayInputValue } from './format';
import { buildReportInChunks, EXPORT_CHUNK, part, pause, reportStrings, userTimeZone, type ProgressListener } from './report-build';

export { buildReportInChunks, EXPORT_CHUNK, reportStrings, userTimeZone, type ProgressListener } from './report-build';

/**
 * The one export path of the popup's and the report page's buttons: read the database, build the
 * report with src/report/, download it. Large reports are built and written in chunks with a pause
 * between, so the page stays responsive and can show progress; the result is byte for byte what
 * `toJson` / `toCsv` / `toHtml` give for the whole report.
 */

const FindingsSchema = z.array(ReportFindingSchema);

/**
 * `toJson(report)`. The schema's parse (which checks the report and puts its keys in order) is the slow
 * part: it is done a chunk of findings at a time with a pause between, and the text written once.
 */
async function jsonInChunks(report: ExposureReport, onProgress: ProgressListener | undefined, chunkSize: number): Promise<string> {
  const findings: ReportFinding[] = [];
  for (let start = 0; start < report.findings.length; start += chunkSize) {
    findings.push(...FindingsSchema.parse(report.findings.slice(start, start + chunkSize)));
    onProgress?.(Math.min(1, (start + chunkSize) / report.findings.length));
    await pause();
  }
  const ordered = ExposureReportSchema.parse({ ...report, findings: [] });
  return writeParsedReport({ ...ordered, findings });
}

/** `toCsv(report)`, rows a chunk at a time: every chunk after the first without its byte-order mark and header. */
async function csvInChunks(report: ExposureReport, onProgress: ProgressListener | undefined, chunkSize: number): Promise<string> {
  const header = toCsv({ ...report, findings: [] });
  const parts = [header];
  for (let start = 0; start < report.findings.length; start += chunkSize) {
    const text = toCsv({ ...report, findings: report.findings.slice(start, start + chunkSize) });
    if (!text.startsWith(header)) throw new Error('unexpected CSV layout');
    parts.push(text.slice(header.length));
    onProgress?.(Math.min(1, (start + chunkSize) / report.findings.length));
    await pause();
  }
  return parts.join('');
}

export interface ReportFile {
  name: string;
  mime: string;
  text: string;
  findings: number;
}

const FILE_TYPES: Record<ReportFormat, { extension: string; mime: string }> = {
  json: { extension: 'json', mime: 'application/json' },
  csv: { extension: 'csv', mime: 'text/csv;charset=utf-8' },
  html: { extension: 'html', mime: 'text/html;charset=utf-8' },
};

/** Writes an already built report in one of the three formats. */
export async function reportFileOf(
  report: ExposureReport,
  format: ReportFormat,
  options: { strings?: ReportStrings; timeZone?: string; onProgress?: ProgressListener; chunkSize?: number; now?: number } = {},
): Promise<ReportFile> {
  const chunkSize = options.chunkSize ?? EXPORT_CHUNK;
  const text =
    format === 'json'
      ? await jsonInChunks(report, options.onProgress, chunkSize)
      : format === 'csv'
        ? await csvInChunks(report, options.onProgress, chunkSize)
        : toHtml(report, options.strings ?? reportStrings(), { timeZone: options.timeZone ?? userTimeZone() });
  options.onProgress?.(1);
  const { extension, mime } = FILE_TYPES[format];
  const day = todayInputValue(new Date(options.now ?? Date.now()));
  return { name: `glasshouse-report-${day}.${extension}`, mime, text, findings: report.findings.length };
}

/** Hands a file to the browser's downloads: a Blob behind an object URL and a click on `<a download>` (no permission needed). */
export function downloadFile(file: Pick<ReportFile, 'name' | 'mime' | 'text'>): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Firefox reads the address after click() returns: revoking it at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Builds the report of everything stored and downloads it. `db` defaults to the extension's own
 * database (opened for this export and closed after).
 */
export async function saveReport(
  format: ReportFormat,
  options: { db?: GlasshouseDatabase; onProgress?: ProgressListener; now?: number } = {},
): Promise<ReportFile> {
  const db = options.db ?? openDatabase();
  const now = options.now ?? Date.now();
  try {
    options.onProgress?.(0);
    const tables = await readReportTables(db, { now });
    options.onProgress?.(0.1);
    const report = await buildReportInChunks({ ...tables, now }, part(options.onProgress, 0.1, 0.5));
    const file = await reportFileOf(report, format, { onProgress: part(options.onProgress, 0.5, 1), now });
    downloadFile(file);
    return file;
  } finally {
    if (!options.db) db.close();
  }
}
