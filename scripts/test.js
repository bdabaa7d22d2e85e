// `npm test`: every check, each named, stopping at the first stage that fails.
// Three stages run one after the other; the checks inside a stage run side by side:
//   1. the static checks (they read the sources only);
//   2. the unit tests, then a clean build and the store packages made from it;
//   3. the browser tests in Chromium and in Firefox, and web-ext lint of the Firefox build.
// Stage 3 is side by side because a browser test mostly waits (for a page, the worker, the scan's polite
// pace), so the two browsers share the 2 cores well; every browser test waits for a condition, never a fixed
// time, so a busier machine makes it slower, not red. Each line of a side-by-side check is printed as it comes,
// prefixed with the check's name, so a hang shows where it is.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const firefox = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const browsers = ['chromium', ...(existsSync(firefox) || process.env.CI ? ['firefox'] : [])];

const stages = [
  {
    title: 'static checks',
    checks: [
      ['type check', 'npx', ['tsc', '--noEmit', '-p', '.']],
      ['lint', 'npx', ['eslint', '.', '--max-warnings=0']],
      ['format check', 'npx', ['prettier', '--check', '.']],
    ],
  },
  { title: 'unit tests', checks: [['unit tests', 'npx', ['vitest', 'run']]] },
  // A clean build and the store packages made from it, so the package test loads what the stores get.
  { title: 'build and package', checks: [['build and package', 'node', ['scripts/package.js']]] },
  {
    title: 'browser tests',
    checks: [
      ...browsers.map((name) => [name, 'npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts'], { GLASSHOUSE_BROWSER: name }]),
      ['web-ext lint', 'npx', ['web-ext', 'lint', '--source-dir', 'dist/firefox', '--self-hosted', '--no-input', '--warnings-as-errors']],
    ],
  },
];

const started = Date.now();
const seconds = (since) => `${Math.round((Date.now() - since) / 1000)} s`;

/** Runs one check; alone, its output goes straight through; beside others, each line is prefixed with its name. */
function run([name, command, args, env = {}], prefixed) {
  return new Promise((done) => {
    const since = Date.now();
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: prefixed ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    if (prefixed) {
      for (const [stream, out] of [
        [child.stdout, process.stdout],
        [child.stderr, process.stderr],
      ]) {
        let rest = '';
        stream.on('data', (chunk) => {
          const lines = (rest + chunk).split('\n');
          rest = lines.pop();
          for (const line of lines) out.write(`[${name}] ${line}\n`);
        });
        stream.on('end', () => rest && out.write(`[${name}] ${rest}\n`));
      }
    }
    child.on('close', (status) => done({ name, status, took: seconds(since) }));
  });
}

for (const { title, checks } of stages) {
  console.log(`\n── ${title} ──`);
  const since = Date.now();
  const results = await Promise.all(checks.map((check) => run(check, checks.length > 1)));
  for (const { name, status, took } of results) console.log(`── ${name}: ${status === 0 ? 'passed' : 'FAILED'} in ${took}`);
  console.log(`── ${title}: ${seconds(since)}`);
  const failed = results.filter((r) => r.status !== 0);
  if (failed.length > 0) {
    console.error(`\n✗ npm test failed at: ${failed.map((r) => r.name).join(', ')}`);
    process.exit(failed[0].status ?? 1);
  }
}
console.log(`\n✓ all checks passed (browsers: ${browsers.join(', ')}) in ${seconds(started)}`);
