// The report builders for node (figure 5), bundled by vite.bench.config.ts --mode report.
import '../../src/core/zod-setup';

export { buildReport, toCsv, toHtml, toJson, ENGLISH_REPORT_STRINGS } from '../../src/report';
