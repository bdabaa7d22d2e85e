/**
 * Real material Facebook and Instagram served, kept outside the repository (never copied in):
 * `../shared/real/<site>/` beside the checkout, or where GLASSHOUSE_SHARED points. Tests that read
 * it skip, saying why, where it is absent (a clone from GitHub).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe } from 'vitest';

// Not `new URL('../../../', import.meta.url)`: in jsdom-environment tests vite rewrites that to an http address.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SHARED_DIR = process.env.GLASSHOUSE_SHARED ?? path.resolve(repoRoot, '..', 'shared');
export const REAL_DIR = path.join(SHARED_DIR, 'real');

/** The path of one real file, e.g. realPath('facebook', 'cyd-2025-timeline-list-response.json'). */
export const realPath = (site: 'facebook' | 'instagram', name: string): string => path.join(REAL_DIR, site, name);

/** Another input from ../shared (e.g. 'fixtures/facebook-real/page-public-story-en.html'). */
export const sharedPath = (relative: string): string => path.join(SHARED_DIR, relative);

/** A real file's text; `.gz` files are the gzip of the original bytes. */
export function readReal(file: string): string {
  const bytes = readFileSync(file);
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

let warned = false;
/**
 * `describe`, skipped with a reason when the material it needs is not beside the checkout. The body is
 * still run to collect its tests: read the files in `beforeAll` or in the tests, never in the body.
 */
export function describeWithMaterial(name: string, files: readonly string[], body: () => void): void {
  const missing = files.filter((file) => !existsSync(file));
  if (missing.length > 0 && !warned) {
    warned = true;
    console.warn(`Real-material tests skipped: ${missing[0]} is absent (set GLASSHOUSE_SHARED to the folder holding real/).`);
  }
  const label = missing.length > 0 ? `${name} (skipped: ${path.relative(repoRoot, missing[0]!)} is absent)` : name;
  describe.skipIf(missing.length > 0)(label, body);
}
