import Papa from 'papaparse';
import type { ExposureReport, ReportFinding } from './report-schema';
import { clip, revealInvisible } from './text';

/** The columns, in order; machine names in English whatever the user's language, so scripts can rely on them. */
export const CSV_COLUMNS = [
  'platform',
  'post_id',
  'url',
  'kind',
  'owner_id',
  'owner_name',
  'audience',
  'eligible',
  'evidence',
  'published_at',
  'first_seen',
  'last_seen',
  'excerpt',
  'audience_changes',
] as const;

/**
 * Cells a spreadsheet would run as a formula get a leading apostrophe (OWASP "CSV injection").
 * Papaparse's own `escapeFormulae: true` uses /^[=+\-@\t\r].*$/, which misses a cell with a line
 * break after the formula ("=HYPERLINK(…)\nmore"): this one tests the first character only.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Spreadsheets cap a cell at 32,767 characters; a longer one would spill into the next row. */
const MAX_CELL = 32_000;

const cell = (value: string | undefined) => (value === undefined ? '' : revealInvisible(clip(value, MAX_CELL)));

/** "2025-05-01T10:00:00.000Z public; 2025-06-02T08:00:00.000Z friends": each audience the post was seen with. */
const audienceChanges = (finding: ReportFinding) => finding.history.map((step) => `${step.observedAt} ${step.audience}`).join('; ');

function row(finding: ReportFinding): string[] {
  return [
    finding.platform,
    finding.postId,
    finding.url,
    finding.kind,
    finding.owner.id,
    finding.owner.name,
    finding.audience,
    finding.eligible,
    finding.evidence,
    finding.publishedAt,
    finding.firstSeen,
    finding.lastSeen,
    finding.excerpt,
    audienceChanges(finding),
  ].map(cell);
}

/**
 * One row per post or comment, in the report's order. UTF-8 with a byte-order mark (so spreadsheet
 * programs read accents right), CRLF line ends (RFC 4180), formula cells neutralised.
 */
export function toCsv(report: ExposureReport): string {
  const csv = Papa.unparse(
    { fields: [...CSV_COLUMNS], data: report.findings.map(row) },
    { newline: '\r\n', escapeFormulae: FORMULA_START, quotes: false, header: true },
  );
  // Papaparse ends a header-only file with a line break and any other without: end both with one.
  return `\uFEFF${csv.replace(/\r\n$/, '')}\r\n`;
}
