// `npm start`: builds, then opens Chromium with the extension on the bundled demo pages (the test
// fixtures served at facebook.com and instagram.com addresses), so nobody needs an account to see it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, extensionArgs, QUIET_ARGS, routeToFixtures } from './chromium-launch.js';
import { DEMO_PAGES } from './fixture-routes.js';

const browserPath = CHROMIUM_PATH;
if (!existsSync(browserPath)) {
  console.error(`No Chromium at ${browserPath}. Install it (Debian: apt-get install chromium) or set CHROME_PATH=/path/to/chrome.`);
  process.exit(2);
}
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error(
    'No display: `npm start` opens a browser window, and this machine has no screen (DISPLAY is not set).\n' +
      'Run it on a desktop, or under a virtual display: xvfb-run npm start\n' +
      'The same demo runs headless in the tests: npm test',
  );
  process.exit(2);
}

const build = spawnSync('node', ['scripts/build.js'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const dist = resolve('dist/chrome');
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'glasshouse-demo-')), {
  executablePath: browserPath,
  headless: false,
  viewport: null,
  args: [...extensionArgs(dist), ...QUIET_ARGS],
});
// Demo pages come from tests/fixtures; nothing else is fetched, so no real site is ever contacted.
await routeToFixtures(context);
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const origin = worker.url().split('/').slice(0, 3).join('/');
for (const url of DEMO_PAGES) await (await context.newPage()).goto(url);
await (await context.newPage()).goto(`${origin}/src/ui/popup/index.html`);
console.log(
  `Glasshouse is running on the demo pages: ${DEMO_PAGES.join(', ')}\nThe popup is open in the last tab. Close the browser to stop.`,
);
await new Promise((done) => context.on('close', done));
