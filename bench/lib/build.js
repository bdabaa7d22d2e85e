// The builds the benchmarks measure: the extension from the current sources (the same vite config and
// mode as `npm run build`, into bench/.work/ so a test running on dist/ meanwhile is not disturbed),
// and the bench's own bundles (vite.bench.config.ts).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WORK = `${ROOT}bench/.work/`;
export const EXTENSION_DIR = `${WORK}dist/chrome`;
export const BUNDLES = { page: `${WORK}page/bench-page.js`, report: `${WORK}report/report.mjs`, core: `${WORK}core/core.mjs` };

/** Builds dist/chrome's twin into bench/.work/dist/chrome; returns its path. */
export async function buildExtension() {
  await build({ root: ROOT, mode: 'chrome', logLevel: 'error', build: { outDir: EXTENSION_DIR, emptyOutDir: true } });
  return EXTENSION_DIR;
}

/** @param {'page' | 'report' | 'core'} mode */
export async function buildBenchBundle(mode) {
  await build({ root: ROOT, configFile: `${ROOT}vite.bench.config.ts`, mode, logLevel: 'error' });
  const out = BUNDLES[mode];
  if (!existsSync(out)) throw new Error(`vite wrote no ${out}`);
  return out;
}
