import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedPageLanguage, localeOverrideScript, uiLocales } from '../../scripts/locale-override.js';
import type { BrowserDriver, TestPage } from './drivers/driver';
import { DRIVER_NAME, launchDriver } from './drivers/select';
import { importGeneratedFindings } from './scenarios/bulk-import';
import { HOME, POPUP, SHOWN_ALERT, openAllDetails, openHome, seriousAxeViolations } from './scenarios/ui';

/** Posts stored before the popup is measured: the most the popup is built for (issue 18). */
const STORED = 50_000;
/** The popup's width in the toolbar, and the most it may take up: one screen (issue 18). */
const POPUP_WIDTH = 400;
const POPUP_MAX_HEIGHT = 600;

/** An extension page in one UI locale, its i18n answered from that locale's messages.json; optionally dark. */
async function openIn(driver: BrowserDriver, path: string, locale: string, scheme: 'light' | 'dark' = 'light'): Promise<TestPage> {
  const page = await driver.newPage();
  if (!page.addInitScript) {
    await page.close();
    throw new Error(`the ${DRIVER_NAME} driver has no addInitScript`);
  }
  await page.addInitScript(localeOverrideScript(locale));
  // Both drivers emulate it: Chromium per page, Firefox through its content color-scheme pref.
  if (!page.emulateColorScheme) {
    await page.close();
    throw new Error(`the ${DRIVER_NAME} driver has no emulateColorScheme`);
  }
  await page.emulateColorScheme(scheme);
  await page.goto(`${driver.extensionOrigin}${path}`);
  await page.waitFor(([n, alert]) => document.querySelector(`[data-total="${n}"], ${alert}`) !== null, [STORED, SHOWN_ALERT] as const);
  // The override took: the page declares the locale's own language, and the scheme is the one asked.
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(expectedPageLanguage(locale));
  expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
  return page;
}

describe(`[${DRIVER_NAME}] the popup is one screen in every language, with ${STORED} posts stored`, () => {
  let driver: BrowserDriver;
  beforeAll(async () => {
    driver = await launchDriver();
    const home = await openHome(driver);
    // The popup shows counts, not histories: the posts alone are imported.
    await importGeneratedFindings(home, STORED, { history: false });
    // An objection recorded: the popup's sentence then names it, its longest form.
    await home.evaluate(async () => {
      type Runtime = { runtime: { sendMessage(message: object): Promise<unknown> } };
      const scope = globalThis as unknown as { browser?: Runtime; chrome: Runtime };
      await (scope.browser ?? scope.chrome).runtime.sendMessage({
        type: 'objection/record',
        platform: 'facebook',
        objectedAt: Date.now() - 30 * 24 * 3600 * 1000,
      });
    });
    await home.close();
  }, 300_000);
  afterAll(async () => {
    await driver?.close();
  });

  /**
   * Whether the init script can answer the extension page's i18n: in Chromium it can; in Firefox ESR over
   * WebDriver BiDi the page keeps the browser's own language (seen 2026-12-02), so only that one is measured there.
   * Firefox's own UI language cannot stand in for it here: `intl.locale.requested` is negotiated against the
   * installed language packs (Debian's firefox-esr has en-US alone; each other language is a firefox-esr-l10n-*
   * package), and an add-on's locale is fixed when it starts, so each language would need its pack and its
   * own launch. Not done: the 24 other locales are measured in Chromium.
   */
  let overrideTakes: boolean | undefined;
  async function localeOverrideTakes(): Promise<boolean> {
    if (overrideTakes === undefined) {
      const page = await driver.newPage();
      await page.addInitScript?.(localeOverrideScript('fr'));
      await page.goto(`${driver.extensionOrigin}${POPUP}`);
      await page.waitFor(() => document.documentElement.lang !== '');
      overrideTakes = (await page.evaluate(() => document.documentElement.lang)) === expectedPageLanguage('fr');
      await page.close();
    }
    return overrideTakes;
  }

  it.for(uiLocales())(`the popup in %s is ${POPUP_WIDTH} px wide and at most ${POPUP_MAX_HEIGHT} px high`, async (locale, context) => {
    if (locale !== 'en' && !(await localeOverrideTakes()))
      context.skip(`the ${DRIVER_NAME} driver cannot switch an extension page's language (measured in Chromium)`);
    const popup = await openIn(driver, POPUP, locale);
    const size = await popup.evaluate(() => {
      // The toolbar sizes the popup to its document's content: the root element's box, margins included.
      const box = document.documentElement.getBoundingClientRect();
      return { width: document.body.getBoundingClientRect().width, height: Math.ceil(box.height) };
    });
    await popup.close();
    console.log(`[${DRIVER_NAME}] popup in ${locale}: ${size.width} × ${size.height} CSS px`);
    expect(size.width).toBe(POPUP_WIDTH);
    expect(size.height).toBeGreaterThan(0);
    expect(size.height).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
  });

  for (const scheme of ['light', 'dark'] as const)
    it(`has no serious or critical axe violation on the popup and the Glasshouse page, ${scheme}`, async (context) => {
      for (const path of [POPUP, HOME]) {
        const page = await openIn(driver, path, 'en', scheme);
        if (!page.injectScript) {
          await page.close();
          context.skip(`the ${DRIVER_NAME} driver has no injectScript: axe cannot run past the extension CSP`);
        }
        if (path === HOME) {
          await page.waitFor(() => document.querySelector('[data-objection]') !== null);
          await openAllDetails(page);
        }
        expect({ path, scheme, violations: await seriousAxeViolations(page) }).toEqual({ path, scheme, violations: [] });
        await page.close();
      }
    }, 120_000);

  it('stays one screen when it also says that findings could not be written (its counts may be too low)', async () => {
    // A batch that cannot be written, kept in the inbox for an hour (src/db/inbox.ts): the overview counts it.
    const home = await openHome(driver);
    const added = await home.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('glasshouse');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('inbox', 'readwrite');
            const add = tx.objectStore('inbox').add({ receivedAt: Date.now() - 3_600_000, findings: null });
            add.onsuccess = () => resolve(Number(add.result));
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    try {
      // The longest in words and in height (the measured heights above: el, es, it, pt_BR), and English;
      // English alone where the driver cannot switch an extension page's language (Firefox).
      const locales = (await localeOverrideTakes()) ? ['en', 'el', 'es', 'it', 'pt_BR'] : ['en'];
      for (const locale of locales) {
        const popup = await openIn(driver, POPUP, locale);
        const size = await popup.evaluate(() => ({
          notice: document.querySelector('[data-unwritten]')?.getAttribute('data-unwritten') ?? null,
          height: Math.ceil(document.documentElement.getBoundingClientRect().height),
        }));
        await popup.close();
        console.log(`[${DRIVER_NAME}] popup in ${locale} with the unwritten notice: ${size.height} CSS px`);
        expect(size, locale).toEqual({ notice: '1', height: expect.any(Number) });
        expect(size.height, locale).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
      }
    } finally {
      await home.evaluate(
        (key) =>
          new Promise<void>((resolve) => {
            const open = indexedDB.open('glasshouse');
            open.onsuccess = () => {
              const tx = open.result.transaction('inbox', 'readwrite');
              tx.objectStore('inbox').delete(key);
              tx.oncomplete = () => resolve();
            };
          }),
        added,
      );
      await home.close();
    }
  }, 120_000);

  it('made no network request of its own', () => {
    expect(driver.strayRequests()).toEqual([]);
  });
});
