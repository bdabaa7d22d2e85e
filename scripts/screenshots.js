// Screenshots of the popup for the README: docs/popup-en.png and docs/popup-fr.png (and dark variants with --dark).
// With --store, also the store listings' screenshots at the stores' size, 1280 × 800, from the demo pages:
// docs/store/images/<lang>-<n>-<what>.png.
// Needs a build (npm run build), Debian's Chromium and its translations (apt-get install chromium-l10n: without
// them Chromium runs in English whatever the language asked). Run: node scripts/screenshots.js [--dark]
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, extensionArgs, HEADLESS_ARGS, QUIET_ARGS, routeToFixtures } from './chromium-launch.js';

const dist = resolve('dist/chrome');
const executablePath = CHROMIUM_PATH;
const dark = process.argv.includes('--dark');
const store = process.argv.includes('--store');
/** The size both the Chrome Web Store and addons.mozilla.org take. */
const STORE_SIZE = { width: 1280, height: 800 };

/** The store screenshots: the demo feed and profile with their badges, one badge explained, the report and the options. */
async function storeShots(context, origin, lang) {
  mkdirSync('docs/store/images', { recursive: true });
  const page = await context.newPage();
  await page.setViewportSize(STORE_SIZE);
  const save = async (n, what) => {
    const file = `docs/store/images/${lang}-${n}-${what}.png`;
    // CSS pixels: exactly the stores' size, whatever the device scale.
    await page.screenshot({ path: file, scale: 'css' });
    console.log(`wrote ${file}`);
  };
  await page.goto(DEMO_VISITS[0], { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelectorAll('[data-glasshouse-badge]').length > 0);
  await save(1, 'feed');
  // A badge pressed: it explains itself (its shadow root is closed, so press its host).
  await page.click('[data-glasshouse-badge][data-eligible="yes"]');
  await save(2, 'badge-explained');
  await page.goto(DEMO_VISITS[1], { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelectorAll('[data-glasshouse-badge]').length > 0);
  await save(3, 'profile');
  await page.goto(`${origin}/src/ui/report/index.html`, { waitUntil: 'load' });
  await page.waitForSelector('table tbody tr');
  await save(4, 'report');
  await page.goto(`${origin}/src/ui/options/index.html`, { waitUntil: 'load' });
  await page.waitForSelector('[data-setting="delete-all"]');
  await save(5, 'options');
  await page.close();
}
const LANGUAGES = [
  { lang: 'en', locale: 'en-GB', env: 'en_GB.UTF-8' },
  { lang: 'fr', locale: 'fr-FR', env: 'fr_FR.UTF-8' },
];
const DEMO_VISITS = ['https://www.facebook.com/', 'https://www.facebook.com/alice.martin'];
/** The popup's width in the toolbar: 25rem of 14px. */
const POPUP_WIDTH = 350;

async function shoot({ lang, locale, env }) {
  const profile = mkdtempSync(join(tmpdir(), `glasshouse-shot-${lang}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    locale,
    colorScheme: dark ? 'dark' : 'light',
    deviceScaleFactor: 2,
    // Chromium on Linux takes its UI language (and so chrome.i18n's) from the environment.
    env: { ...process.env, LANGUAGE: lang, LANG: env, LC_ALL: env },
    args: [`--lang=${locale}`, ...extensionArgs(dist), ...HEADLESS_ARGS, ...QUIET_ARGS],
  });
  try {
    // The demo's fixture pages only: nothing leaves the machine.
    await routeToFixtures(context);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const origin = worker.url().split('/').slice(0, 3).join('/');

    // The demo's feed and profile: own posts public, not public and unknown.
    for (const url of DEMO_VISITS) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForFunction(() => document.documentElement.dataset.glasshouse === 'ready');
      await page.waitForFunction(() => document.querySelectorAll('[data-glasshouse-badge]').length > 0);
    }

    const popup = await context.newPage();
    await popup.setViewportSize({ width: POPUP_WIDTH, height: 600 });
    // Wait until the worker has stored what the pages showed: the total stops changing.
    let last = -1;
    for (let i = 0; i < 40; i++) {
      await popup.goto(`${origin}/src/ui/popup/index.html`);
      await popup.waitForSelector('[data-total]');
      const total = Number(await popup.getAttribute('[data-total]', 'data-total'));
      if (total > 0 && total === last) break;
      last = total;
      await popup.waitForTimeout(500);
    }
    // An objection recorded a month ago on Facebook, so the screenshot shows what it means.
    await popup.evaluate(async () => {
      const objectedAt = Date.now() - 30 * 24 * 3600 * 1000;
      // The extension API of an extension page.
      await /** @type {any} */ (globalThis).chrome.runtime.sendMessage({ type: 'objection/record', platform: 'facebook', objectedAt });
    });
    await popup.reload();
    await popup.waitForSelector('[data-objected="yes"]');
    const shown = await popup.evaluate(() => document.documentElement.lang);
    if (shown !== lang) throw new Error(`the popup is in "${shown}", not "${lang}": is chromium-l10n installed?`);
    mkdirSync('docs', { recursive: true });
    const file = `docs/popup-${lang}${dark ? '-dark' : ''}.png`;
    await popup.screenshot({ path: file, fullPage: true });
    console.log(`wrote ${file} (page language ${shown})`);
    if (store) await storeShots(context, origin, lang);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

for (const language of LANGUAGES) await shoot(language);
