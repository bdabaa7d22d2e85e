// `npm run test:e2e [-- <vitest arguments>]`: builds dist/, then runs the real-browser tests
// (tests/e2e, vitest.e2e.config.ts) once per browser, stopping at the first browser that fails.
//   GLASSHOUSE_BROWSER=chromium|firefox   one browser only (default: Chromium, and Firefox when installed)
//   arguments after `--`                 handed to vitest: a file (tests/e2e/report.e2e.ts), -t "test name"
// CHROME_PATH and FIREFOX_PATH point at other browser binaries; CONTRIBUTING.md has the examples.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const firefox = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const chosen = process.env.GLASSHOUSE_BROWSER;
if (chosen !== undefined && chosen !== 'chromium' && chosen !== 'firefox') {
  console.error(`GLASSHOUSE_BROWSER must be chromium or firefox, not "${chosen}"`);
  process.exit(2);
}
const browsers = chosen ? [chosen] : ['chromium', ...(existsSync(firefox) || process.env.CI ? ['firefox'] : [])];

const run = (command, args, env = {}) => spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

console.log('── build ──');
const built = run('node', ['scripts/build.js']);
if (built !== 0) process.exit(built);

for (const browser of browsers) {
  console.log(`\n── browser tests in ${browser} ──`);
  const status = run('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)], {
    GLASSHOUSE_BROWSER: browser,
  });
  if (status !== 0) {
    console.error(`\n✗ browser tests failed in ${browser}`);
    process.exit(status);
  }
}
console.log(`\n✓ browser tests passed (browsers: ${browsers.join(', ')})`);
