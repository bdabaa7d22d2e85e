export * from './report-schema';
export { buildReport, reportFromDetected, summarize, compareFindings, publicationYear, type ReportInput } from './build-report';
export { toJson, writeParsedReport, parseReportJson, type ReportParseResult, type ReportParseErrorCode } from './json';
export { toCsv, CSV_COLUMNS } from './csv';
export { toHtml, linkablePostUrl, type HtmlReportOptions } from './html';
export { chartsSection, type Chart, type ChartPart, type ChartShape, type ChartsSection, type ChartSvg } from './chart-model';
export { REPORT_STRING_KEYS, reportStringsFrom, type ReportStrings, type ReportStringKey } from './report-strings';
export { ENGLISH_REPORT_STRINGS } from './english-report-strings';
export { escapeHtml, revealInvisible } from './text';
