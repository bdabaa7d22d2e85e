// bench/RESULTS.md: the machine, the date, and per figure its goal, median and spread, PASS/MISS,
// and what would fix a miss. Each figure's section ends with bench/notes/<figure id>.md when it exists:
// the hand-written account of what changed, before and after. It lives beside the bench rather than in
// RESULTS.md, which is rewritten from the results files on every run and would lose it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const cell = (text) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ');

/**
 * @param {string} path
 * @param {{ machine: Record<string, unknown>, records: any[], totalS: number, partial: boolean }} run
 */
export function writeResultsMarkdown(path, { machine, records, totalS, partial }) {
  const notesDir = join(dirname(path), 'notes');
  /** The figure's notes file, as written (trailing blank lines dropped), or null. */
  const notesOf = (id) => {
    const file = join(notesDir, `${id}.md`);
    return existsSync(file) ? readFileSync(file, 'utf8').trimEnd() : null;
  };
  const dates = records.map((r) => r.measuredAt).sort();
  const lines = [
    '# Glasshouse benchmarks',
    '',
    'Written by `npm run bench` (bench/run.js); the raw numbers of each figure are in `bench/results/<figure>.json`.',
    'Every figure is a median over several runs with its spread (min–max); every comparison is a ratio measured',
    'in the same run, the two sides alternating (A B, B A, …). The machine is shared and noisy, so the page',
    'figures use main-thread CPU time (CDP thread ticks) rather than wall time wherever they can.',
    '',
    '## How it runs',
    '',
    '- `npm run bench` runs every figure; `npm run bench -- --only=scan-cost,bundle-size` reruns some (RESULTS.md is then rebuilt from every results file).',
    '- It first builds the extension from the working tree with the same vite config and mode as `npm run build`, into `bench/.work/dist/chrome`',
    '  (so a test using `dist/` meanwhile is not disturbed), and the bench bundles (`vite.bench.config.ts` → `bench/.work/`: the detection code for',
    '  in-page runs, unminified, with the extension APIs stubbed; the report builders and message schemas for node).',
    '- Page figures run Debian’s Chromium headless through playwright-core with fixture pages served at https://www.facebook.com addresses;',
    '  the worker’s heap is read through puppeteer-core on the same browser (Playwright opens CDP sessions on pages only).',
    '- Run counts are given per figure. Goals the brief did not set (figures 4, 5 and 7, and the options and report-page budgets of figure 6)',
    '  are the bench’s own: what a user would notice, not fitted to the results.',
    '- Each figure’s section ends with its notes, `bench/notes/<figure id>.md` (what changed, before and after), written by hand and kept across runs.',
    '- Nothing of this runs in `npm test`.',
    '',
    '## Machine',
    '',
    '| | |',
    '| --- | --- |',
    `| CPU | ${cell(machine.cpu)} |`,
    `| cores | ${machine.cores} |`,
    `| memory | ${machine.memoryGiB} GiB |`,
    `| OS | ${cell(machine.os)} |`,
    `| Chromium | ${cell(machine.chromium)} (headless, extension loaded unpacked) |`,
    `| Node | ${machine.node} |`,
    `| sources | working tree at commit ${machine.commit ?? 'unknown'} (with whatever was uncommitted at the time) |`,
    `| date | ${dates[0]?.slice(0, 16).replace('T', ' ')} – ${dates.at(-1)?.slice(11, 16)} UTC |`,
    `| duration | ${partial ? 'partial rerun: ' : ''}${totalS} s for the figures run last; per figure below |`,
    `| load average (1 min) during the figures | ${records.map((r) => `${r.figure}: ${r.loadAverage?.before}→${r.loadAverage?.after}`).join(', ')} |`,
    '',
    '## Summary',
    '',
    '| # | figure | result | goal | status |',
    '| --- | --- | --- | --- | --- |',
    ...records.map((r) => `| ${r.figure} | ${cell(r.title)} | ${cell(r.headline)} | ${cell(r.goal)} | **${r.status}** |`),
    '',
  ];
  for (const r of records) {
    lines.push(`## ${r.figure}. ${r.title} — ${r.status}`, '');
    lines.push(`- Goal: ${r.goal}`);
    lines.push(`- Runs: ${r.runs}`);
    lines.push(`- Measured: ${r.measuredAt.slice(0, 16).replace('T', ' ')} UTC, ${r.durationS} s`);
    lines.push('');
    if (r.rows?.length) {
      lines.push('| metric | median (min–max) | goal | status |', '| --- | --- | --- | --- |');
      for (const row of r.rows)
        lines.push(`| ${cell(row.metric)} | ${cell(row.value)} | ${cell(row.goal ?? '')} | ${cell(row.status ?? '')} |`);
      lines.push('');
    }
    for (const paragraph of r.analysis ?? []) lines.push(paragraph, '');
    const notes = notesOf(r.id);
    if (notes) lines.push(`<!-- bench/notes/${r.id}.md, kept across runs: edit it there, not here -->`, '', notes, '');
  }
  writeFileSync(path, `${lines.join('\n').trimEnd()}\n`);
}
