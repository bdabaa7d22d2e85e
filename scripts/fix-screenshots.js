// Screenshots of the guided fix for docs/GUIDED-FIX.md, written to docs/images/: the fix page before and
// after a post is fixed, and the fix tab pointing at the post's audience icon, then saying it is fixed.
// Needs a build (npm run build) and Debian's Chromium (for French, its translations: apt-get install
// chromium-l10n). Run: node scripts/fix-screenshots.js [en|fr …] (default: en)
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, extensionArgs, HEADLESS_ARGS, QUIET_ARGS, routeToFixtures } from './chromium-launch.js';
import { serveExtra } from './fixture-routes.js';
import { GUIDED_FIX_PROFILE, serveGuidedFixPages } from '../tests/fixtures/facebook/guided-fix-pages.js';

const dist = resolve('dist/chrome');
const LOCALES = { en: { locale: 'en-GB', env: 'en_GB.UTF-8' }, fr: { locale: 'fr-FR', env: 'fr_FR.UTF-8' } };
const asked = process.argv.slice(2).filter((arg) => arg in LOCALES);
const languages = /** @type {(keyof typeof LOCALES)[]} */ (asked.length > 0 ? asked : ['en']);
const OUT = 'docs/images';

/** @param {keyof typeof LOCALES} lang */
async function shoot(lang) {
  const { locale, env } = LOCALES[lang];
  const profile = mkdtempSync(join(tmpdir(), `glasshouse-fix-shot-${lang}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    locale,
    viewport: { width: 900, height: 640 },
    deviceScaleFactor: 1,
    env: { ...process.env, LANGUAGE: lang, LANG: env, LC_ALL: env },
    args: [`--lang=${locale}`, ...extensionArgs(dist), ...HEADLESS_ARGS, ...QUIET_ARGS],
  });
  try {
    // The built pages only: nothing leaves the machine.
    serveGuidedFixPages(serveExtra);
    await routeToFixtures(context);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const origin = worker.url().split('/').slice(0, 3).join('/');

    const site = await context.newPage();
    await site.goto(GUIDED_FIX_PROFILE, { waitUntil: 'load' });
    await site.waitForFunction(() => document.querySelectorAll('[data-glasshouse-badge]').length === 3);

    const fixPage = await context.newPage();
    await fixPage.goto(`${origin}/src/ui/fix/index.html`);
    await fixPage.waitForFunction(() => document.querySelector('#fix-progress')?.getAttribute('data-total') === '2', undefined, {
      timeout: 30_000,
    });
    await site.close();
    const shown = await fixPage.evaluate(() => document.documentElement.lang);
    if (shown !== lang) throw new Error(`the fix page is in "${shown}", not "${lang}": is chromium-l10n installed?`);
    mkdirSync(OUT, { recursive: true });
    await fixPage.screenshot({ path: `${OUT}/fix-page-${lang}.png`, fullPage: true });

    // Open: the worker opens the newest public post in a tab; the extension rings its audience icon.
    const opened = context.waitForEvent('page');
    await fixPage.click('.fix-current [data-action="open"]');
    const tab = await opened;
    await tab.waitForFunction(() => document.querySelector('[data-glasshouse-fix]')?.getAttribute('data-state') === 'pointing', undefined, {
      timeout: 30_000,
    });
    await tab.screenshot({ path: `${OUT}/fix-tab-${lang}.png` });

    // The user picks "Friends" on the site (here: the page redraws its icon as Facebook does).
    await tab.evaluate(() => {
      const title = document.querySelector('svg title');
      if (title) title.textContent = 'Shared with Friends';
    });
    await tab.waitForFunction(() => document.querySelector('[data-glasshouse-fix]')?.getAttribute('data-state') === 'fixed');
    await tab.screenshot({ path: `${OUT}/fix-tab-fixed-${lang}.png` });

    await fixPage.bringToFront();
    await fixPage.waitForFunction(() => document.querySelector('#fix-progress')?.getAttribute('data-fixed') === '1', undefined, {
      timeout: 30_000,
    });
    await fixPage.screenshot({ path: `${OUT}/fix-page-fixed-${lang}.png`, fullPage: true });
    console.log(`wrote ${OUT}/fix-*-${lang}.png`);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

for (const lang of languages) await shoot(lang);
