// `npm run bench`: builds the extension and the bench bundles, runs each figure in turn, writes
// bench/results/<figure>.json and bench/RESULTS.md. `npm run bench -- --only=scan-cost,bundle-size`
// reruns some figures; RESULTS.md is then rewritten from every results file present.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildBenchBundle, buildExtension, ROOT } from './lib/build.js';
import { describeMachine, loadAverage } from './lib/machine.js';
import { writeResultsMarkdown } from './lib/results-md.js';
import * as pageOverhead from './figures/page-overhead.js';
import * as scanCost from './figures/scan-cost.js';
import * as incremental from './figures/incremental.js';
import * as storage from './figures/storage.js';
import * as exportsFigure from './figures/exports.js';
import * as bundleSize from './figures/bundle-size.js';
import * as contentMemory from './figures/content-memory.js';
import * as pageOverheadHeavy from './figures/page-overhead-heavy.js';
import * as pageOverheadInstagram from './figures/page-overhead-instagram.js';

// New figures go last: the analyses of the others name them by number.
const FIGURES = [
  pageOverhead,
  scanCost,
  incremental,
  storage,
  exportsFigure,
  bundleSize,
  contentMemory,
  pageOverheadHeavy,
  pageOverheadInstagram,
];
const RESULTS = `${ROOT}bench/results/`;

const { values } = parseArgs({ options: { only: { type: 'string' } } });
const only = values.only ? new Set(values.only.split(',')) : null;
const chosen = FIGURES.filter((f) => !only || only.has(f.id));
if (chosen.length === 0) {
  console.error(`no such figure; figures: ${FIGURES.map((f) => f.id).join(', ')}`);
  process.exit(2);
}

const started = Date.now();
const log = (line) => console.log(line);
const machine = describeMachine();
log(`Glasshouse bench on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.chromium}, node ${machine.node}`);

/** Runs `fn` with console.log and console.warn silenced (crxjs and rolldown report build steps there). */
async function quietly(fn) {
  const { log: originalLog, warn: originalWarn } = console;
  console.log = () => undefined;
  console.warn = () => undefined;
  try {
    return await fn();
  } finally {
    console.log = originalLog;
    console.warn = originalWarn;
  }
}

const env = {
  root: ROOT,
  log,
  extensionDir: '',
  pageBundle: '',
  reportBundle: '',
  coreBundle: '',
  buildErrors: /** @type {Record<string,string>} */ ({}),
  results: /** @type {Record<string, any>} */ ({}),
};
log('building the extension (vite.config.ts, mode chrome → bench/.work/dist/chrome) and the bench bundles');
for (const [key, make] of [
  ['extensionDir', () => buildExtension()],
  ['pageBundle', () => buildBenchBundle('page')],
  ['reportBundle', () => buildBenchBundle('report')],
  ['coreBundle', () => buildBenchBundle('core')],
]) {
  // Other engineers edit the sources meanwhile: a build caught mid-edit gets a second chance.
  for (let attempt = 1; attempt <= 2 && !env[key]; attempt += 1) {
    try {
      env[key] = await quietly(make);
      delete env.buildErrors[key];
    } catch (error) {
      env.buildErrors[key] = String(error instanceof Error ? error.message : error)
        .split('\n')
        .filter((line) => line.trim())
        .slice(0, 4)
        .join(' ');
      log(`  ${key}: build failed (attempt ${attempt}): ${env.buildErrors[key]}`);
      if (attempt === 1) await new Promise((done) => setTimeout(done, 5000));
    }
  }
}

mkdirSync(RESULTS, { recursive: true });
// Figures read earlier ones' numbers for their analysis: a partial rerun sees the last full run's.
for (const name of readdirSync(RESULTS).filter((n) => n.endsWith('.json'))) {
  try {
    const record = JSON.parse(readFileSync(`${RESULTS}${name}`, 'utf8'));
    env.results[record.id] = record;
  } catch {
    // A results file cut short by an interrupted run is rewritten below.
  }
}
for (const figure of chosen) {
  const number = FIGURES.indexOf(figure) + 1;
  log(`\n[${number}] ${figure.title}`);
  const t0 = Date.now();
  const loadBefore = loadAverage();
  let result;
  try {
    result = await figure.run(env);
  } catch (error) {
    const reason = String(error instanceof Error ? error.message : error).split('\n')[0];
    log(`  failed: ${reason}`);
    if (error instanceof Error && error.stack) log(error.stack.split('\n').slice(1, 4).join('\n'));
    result = { status: 'NOT MEASURED', headline: `not measured: ${reason}`, goal: '—', runs: '—', rows: [], analysis: [], data: {} };
  }
  const record = {
    figure: number,
    id: figure.id,
    title: figure.title,
    measuredAt: new Date().toISOString(),
    durationS: Math.round((Date.now() - t0) / 100) / 10,
    loadAverage: { before: loadBefore, after: loadAverage() },
    machine,
    ...result,
  };
  env.results[figure.id] = record;
  writeFileSync(`${RESULTS}${figure.id}.json`, `${JSON.stringify(record, null, 2)}\n`);
  log(`  ${record.status}: ${record.headline} (${record.durationS} s)`);
}

const records = readdirSync(RESULTS)
  .filter((name) => name.endsWith('.json'))
  .map((name) => JSON.parse(readFileSync(`${RESULTS}${name}`, 'utf8')))
  .filter((r) => FIGURES.some((f) => f.id === r.id))
  .sort((a, b) => a.figure - b.figure);
writeResultsMarkdown(`${ROOT}bench/RESULTS.md`, {
  machine,
  records,
  totalS: Math.round((Date.now() - started) / 1000),
  partial: Boolean(only),
});
log(`\nwrote bench/results/*.json and bench/RESULTS.md in ${Math.round((Date.now() - started) / 1000)} s`);
