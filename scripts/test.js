// `npm test`: every check, each named, stopping at the first step that fails.
// The three static checks read the sources only, so they run side by side (their output is printed
// whole, one after the other); everything after them runs one at a time, as the browsers need the cores.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const firefox = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const browsers = ['chromium', ...(existsSync(firefox) || process.env.CI ? ['firefox'] : [])];

const staticChecks = [
  ['type check', 'npx', ['tsc', '--noEmit', '-p', '.']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings=0']],
  ['format check', 'npx', ['prettier', '--check', '.']],
];
const steps = [
  ['unit tests', 'npx', ['vitest', 'run']],
  // A clean build and the store packages made from it, so the package test loads what the stores get.
  ['build and package', 'node', ['scripts/package.js']],
  ...browsers.map((name) => [
    `browser tests in ${name}`,
    'npx',
    ['vitest', 'run', '--config', 'vitest.e2e.config.ts'],
    { GLASSHOUSE_BROWSER: name },
  ]),
  // A warning fails too: addons.mozilla.org shows its reviewers the same list (issue 19 asks for 0 and 0).
  [
    'web-ext lint of dist/firefox',
    'npx',
    ['web-ext', 'lint', '--source-dir', 'dist/firefox', '--self-hosted', '--no-input', '--warnings-as-errors'],
  ],
];

const started = Date.now();
const seconds = (since) => `${Math.round((Date.now() - since) / 1000)} s`;
const fail = (name, status) => {
  console.error(`\n✗ npm test failed at: ${name}`);
  process.exit(status ?? 1);
};

function captured([name, command, args]) {
  return new Promise((done) => {
    const since = Date.now();
    const child = spawn(command, args, { env: process.env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (status) => done({ name, status, output, took: seconds(since) }));
  });
}

for (const { name, status, output, took } of await Promise.all(staticChecks.map(captured))) {
  console.log(`\n── ${name} (${took}) ──\n${output.trimEnd()}`);
  if (status !== 0) fail(name, status);
}

for (const [name, command, args, env = {}] of steps) {
  console.log(`\n── ${name} ──`);
  const since = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`── ${name}: ${seconds(since)}`);
  if (result.status !== 0) fail(name, result.status);
}
console.log(`\n✓ all checks passed (browsers: ${browsers.join(', ')}) in ${seconds(started)}`);
