// `npm test`: every check, in order, each named, stopping at the first that fails.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const firefox = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const browsers = ['chromium', ...(existsSync(firefox) || process.env.CI ? ['firefox'] : [])];

const steps = [
  ['type check', 'npx', ['tsc', '--noEmit', '-p', '.']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings=0']],
  ['format check', 'npx', ['prettier', '--check', '.']],
  ['unit tests', 'npx', ['vitest', 'run']],
  ['build', 'node', ['scripts/build.js']],
  ...browsers.map((name) => [
    `browser tests in ${name}`,
    'npx',
    ['vitest', 'run', '--config', 'vitest.e2e.config.ts'],
    { GLASSHOUSE_BROWSER: name },
  ]),
  ['web-ext lint of dist/firefox', 'npx', ['web-ext', 'lint', '--source-dir', 'dist/firefox', '--self-hosted', '--no-input']],
];

for (const [name, command, args, env = {}] of steps) {
  console.log(`\n── ${name} ──`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n✗ npm test failed at: ${name}`);
    process.exit(result.status ?? 1);
  }
}
console.log(`\n✓ all checks passed (browsers: ${browsers.join(', ')})`);
