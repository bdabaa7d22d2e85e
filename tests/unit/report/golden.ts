import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The expected text of a golden file; `UPDATE_GOLDEN=1 npx vitest run tests/unit/report` rewrites them (then read the diff). */
export function golden(name: string, actual: string): string {
  const file = fileURLToPath(new URL(`./golden/${name}`, import.meta.url));
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
  return readFileSync(file, 'utf8');
}

/** Lines of a fragments file: each non-empty line must appear in the output. */
export function goldenFragments(name: string): string[] {
  const file = fileURLToPath(new URL(`./golden/${name}`, import.meta.url));
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0 && !line.startsWith('#'));
}
