// Screenshots from the bundled demo data (the fixture feed and profile, as `npm start` shows them):
// - docs/popup-en.png and docs/popup-fr.png for the README: the real popup at its 400 px width, one screen,
//   sized as the toolbar sizes it (to its content). French through the test-only locale override
//   (scripts/locale-override.js), so no Chromium language pack is needed.
// - docs/images/objection-helper-en.png for docs/OBJECTION.md: the Glasshouse page's objection section,
//   with the reason text built from the demo's posts.
// - with --store, the store listings' screenshots at the stores' size, 1280 × 800:
//   docs/store/images/<lang>-<n>-<what>.png. The badges on the demo pages speak the browser's own language,
//   so French needs Debian's translations (apt-get install chromium-l10n).
// With --dark, the popup and objection images in dark (file names end in -dark).
// Needs a build (npm run build) and Debian's Chromium. Run: node scripts/screenshots.js [--dark] [--store]
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, extensionArgs, HEADLESS_ARGS, QUIET_ARGS, routeToFixtures } from './chromium-launch.js';
import { expectedPageLanguage, localeOverrideScript } from './locale-override.js';

const dist = resolve('dist/chrome');
const dark = process.argv.includes('--dark');
const store = process.argv.includes('--store');
const suffix = dark ? '-dark' : '';
/** The size both the Chrome Web Store and addons.mozilla.org take. */
const STORE_SIZE = { width: 1280, height: 800 };
/** The popup's width in the toolbar, and the most a popup shows (tests/e2e/popup-height.e2e.ts holds it there). */
const POPUP_WIDTH = 400;
const POPUP_MAX_HEIGHT = 600;
/** The popup's languages for the README: UI locale folders. */
const POPUP_LOCALES = ['en', 'fr'];
/** Browser languages for the store screenshots. */
const LANGUAGES = {
  en: { locale: 'en-GB', env: 'en_GB.UTF-8' },
  fr: { locale: 'fr-FR', env: 'fr_FR.UTF-8' },
};
const DEMO_VISITS = ['https://www.facebook.com/', 'https://www.facebook.com/alice.martin'];

/**
 * Chromium with the extension, in one browser language, after the demo's feed and profile were visited
 * and the worker stored what they showed (own posts public, not public and unknown).
 * @param {keyof typeof LANGUAGES} lang
 */
async function demoBrowser(lang) {
  const { locale, env } = LANGUAGES[lang];
  const profile = mkdtempSync(join(tmpdir(), `glasshouse-shot-${lang}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    locale,
    colorScheme: dark ? 'dark' : 'light',
    deviceScaleFactor: 2,
    // Chromium on Linux takes its UI language (and so chrome.i18n's) from the environment.
    env: { ...process.env, LANGUAGE: lang, LANG: env, LC_ALL: env },
    args: [`--lang=${locale}`, ...extensionArgs(dist), ...HEADLESS_ARGS, ...QUIET_ARGS],
  });
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    // The demo's fixture pages only: nothing leaves the machine.
    await routeToFixtures(context);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const origin = worker.url().split('/').slice(0, 3).join('/');
    for (const url of DEMO_VISITS) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForFunction(() => document.documentElement.dataset.glasshouse === 'ready');
      await page.waitForFunction(() => document.querySelectorAll('[data-glasshouse-badge]').length > 0);
    }
    // Wait until the worker has stored what the pages showed: the popup's total stops changing.
    const probe = await context.newPage();
    let last = -1;
    for (let i = 0; i < 40; i++) {
      await probe.goto(`${origin}/src/ui/popup/index.html`);
      await probe.waitForSelector('[data-total]');
      const total = Number(await probe.getAttribute('[data-total]', 'data-total'));
      if (total > 0 && total === last) break;
      last = total;
      await probe.waitForTimeout(500);
    }
    await probe.close();
    return { context, origin, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * The Glasshouse page's objection section, before any objection is recorded: the forms, the reason texts
 * built from the demo's posts, and the access request (Facebook's opened).
 * @param {import('playwright-core').BrowserContext} context @param {string} origin
 */
async function objectionShot(context, origin) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 900, height: 800 });
  await page.goto(`${origin}/src/ui/report/index.html#object`, { waitUntil: 'load' });
  // The reason text is written once the page has read the posts: it names how many are public.
  await page.waitForFunction(() => {
    const reason = document.querySelector('[data-objection="facebook"] textarea');
    return reason instanceof HTMLTextAreaElement && /\d/.test(reason.value);
  });
  // The access request written out for Facebook, as a user who opens it sees it.
  await page.click('[data-access="facebook"] summary');
  mkdirSync('docs/images', { recursive: true });
  const file = `docs/images/objection-helper-en${suffix}.png`;
  await page.locator('[data-section="objection"]').screenshot({ path: file });
  console.log(`wrote ${file}`);
  await page.close();
}

/**
 * The popup in one UI locale, as the toolbar shows it: 400 px wide, as tall as its content.
 * @param {import('playwright-core').BrowserContext} context @param {string} origin @param {string} uiLocale
 */
async function popupShot(context, origin, uiLocale) {
  const popup = await context.newPage();
  await popup.addInitScript(localeOverrideScript(uiLocale));
  await popup.setViewportSize({ width: POPUP_WIDTH, height: POPUP_MAX_HEIGHT });
  await popup.goto(`${origin}/src/ui/popup/index.html`);
  // The sentence that names the objection recorded (verdict.ts: the "…Objected" keys).
  await popup.waitForSelector('[data-platform="facebook"] [data-sentence$="Objected"]');
  const shown = await popup.evaluate(() => document.documentElement.lang);
  if (shown !== expectedPageLanguage(uiLocale)) throw new Error(`the popup is in "${shown}", not "${uiLocale}"`);
  // The toolbar sizes the popup to its document's content; more than one screen would be a bug to fix, not to shoot.
  const height = await popup.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  if (height > POPUP_MAX_HEIGHT) throw new Error(`the popup in ${uiLocale} is ${height} px high, over ${POPUP_MAX_HEIGHT}`);
  await popup.setViewportSize({ width: POPUP_WIDTH, height });
  const file = `docs/popup-${uiLocale}${suffix}.png`;
  await popup.screenshot({ path: file });
  console.log(`wrote ${file} (${POPUP_WIDTH} × ${height} CSS px, page language ${shown})`);
  await popup.close();
}

/**
 * The store screenshots: the demo feed and profile with their badges, one badge explained, the report and the options.
 * @param {import('playwright-core').BrowserContext} context @param {string} origin @param {keyof typeof LANGUAGES} lang
 */
async function storeShots(context, origin, lang) {
  mkdirSync('docs/store/images', { recursive: true });
  const page = await context.newPage();
  await page.setViewportSize(STORE_SIZE);
  const save = async (/** @type {number} */ n, /** @type {string} */ what) => {
    const file = `docs/store/images/${lang}-${n}-${what}.png`;
    // CSS pixels: exactly the stores' size, whatever the device scale.
    await page.screenshot({ path: file, scale: 'css' });
    console.log(`wrote ${file}`);
  };
  await page.goto(`${origin}/src/ui/report/index.html`, { waitUntil: 'load' });
  const shown = await page.evaluate(() => document.documentElement.lang);
  if (shown !== lang) throw new Error(`the extension is in "${shown}", not "${lang}": is chromium-l10n installed?`);
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

/** An objection recorded a month ago on Facebook, so the popup shows its longest sentence. */
async function recordObjection(/** @type {import('playwright-core').BrowserContext} */ context, /** @type {string} */ origin) {
  const page = await context.newPage();
  await page.goto(`${origin}/src/ui/popup/index.html`);
  await page.evaluate(async () => {
    const objectedAt = Date.now() - 30 * 24 * 3600 * 1000;
    // The extension API of an extension page.
    await /** @type {any} */ (globalThis).chrome.runtime.sendMessage({ type: 'objection/record', platform: 'facebook', objectedAt });
  });
  await page.close();
}

const english = await demoBrowser('en');
try {
  await objectionShot(english.context, english.origin);
  await recordObjection(english.context, english.origin);
  for (const uiLocale of POPUP_LOCALES) await popupShot(english.context, english.origin, uiLocale);
  if (store) await storeShots(english.context, english.origin, 'en');
} finally {
  await english.close();
}
if (store) {
  const french = await demoBrowser('fr');
  try {
    await storeShots(french.context, french.origin, 'fr');
  } finally {
    await french.close();
  }
}
