import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserDriver } from './drivers/driver';
import { launchDriver, DRIVER_NAME } from './drivers/select';
import { openReady } from './scenarios/facebook-feed';
import {
  OPTIONS,
  POPUP,
  clickOn,
  fillIn,
  openAllDetails,
  openExtensionPage,
  openHome,
  pastDay,
  readHome,
  readPopup,
  seriousAxeViolations,
  toolbarBadge,
} from './scenarios/ui';

describe(`[${DRIVER_NAME}] popup, Glasshouse page and options`, () => {
  let driver: BrowserDriver;
  beforeAll(async () => {
    driver = await launchDriver();
  });
  afterAll(async () => {
    await driver?.close();
  });

  it('the popup says nothing was seen yet, and to open the site, before anything was seen', async () => {
    const popup = await openExtensionPage(driver, POPUP);
    const seen = await readPopup(popup);
    expect(seen).toMatchObject({ total: 0, empty: true, failed: null });
    expect(seen.platforms.facebook).toMatchObject({ verdict: 'not-seen', step: 'open-site', eligible: 0 });
    expect(seen.platforms.facebook!.sentence).toBe('Glasshouse has not seen you on Facebook yet.');
    // The toolbar badge is empty: no public post.
    expect(await toolbarBadge(popup)).toBe('');
    await popup.close();
  });

  it('the popup shows counts, a verdict and a next step after the feed was visited; the Glasshouse page the links', async () => {
    const feed = await openReady(driver, 'https://www.facebook.com/');
    await feed.waitFor(() => document.querySelectorAll('[data-glasshouse-badge]').length >= 5);
    let seen: Awaited<ReturnType<typeof readPopup>> | undefined;
    await expect
      .poll(
        async () => {
          const popup = await openExtensionPage(driver, POPUP);
          seen = await readPopup(popup);
          await popup.close();
          return seen.platforms.facebook;
        },
        { timeout: 10_000, interval: 300 },
      )
      .toMatchObject({ eligible: 2, notEligible: 3, unknown: 0, verdict: 'public', step: 'object' });
    expect(seen?.empty).toBe(false);
    expect(seen?.total).toBe(5);
    expect(seen?.platforms.facebook!.sentence).toBe(
      '2 of your posts and comments seen so far are public: Meta may use them to train its AI.',
    );
    const home = await openHome(driver);
    const links = (await readHome(home)).links.facebook ?? [];
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).toMatch(/^https:\/\/www\.facebook\.com\//);
    await home.close();
    await feed.close();
  });

  it('records an objection on the Glasshouse page and shows it after reopening, the popup too', async () => {
    let popup = await openHome(driver);
    const day = await pastDay(popup, 10);
    await clickOn(popup, '[data-objection="facebook"] [data-action="objection-start"]');
    await fillIn(popup, '[data-objection="facebook"] input[type="date"]', day.value);
    await clickOn(popup, '[data-objection="facebook"] button[type="submit"]');
    await popup.waitFor(() => document.querySelector('[data-objection="facebook"][data-objected="yes"]') !== null);
    await popup.close();

    // The popup's sentence names it now, and the next step is fixing the public posts.
    const small = await openExtensionPage(driver, POPUP);
    const inPopup = (await readPopup(small)).platforms.facebook!;
    expect(inPopup.step).toBe('fix');
    expect(inPopup.sentence).toMatch(/; your objection of .+ does not change that\.$/);
    await small.close();

    popup = await openHome(driver);
    const seen = await readHome(popup);
    expect(seen.objections.facebook).toMatchObject({ objected: true, objectedAt: day.time, prompt: false });
    expect(seen.objections.instagram).toMatchObject({ objected: false, prompt: false });

    // Opening the Instagram form (held back: no tab opens) makes the popup ask whether it was sent.
    await clickOn(popup, '[data-objection="instagram"] a.button', { preventNavigation: true });
    await popup.waitFor(() => document.querySelector('[data-prompt="instagram"]') !== null);
    await popup.close();
    popup = await openHome(driver);
    expect((await readHome(popup)).objections.instagram).toMatchObject({ objected: false, prompt: true });
    await clickOn(popup, '[data-prompt="instagram"] [data-action="prompt-not-yet"]');
    await popup.waitFor(() => document.querySelector('[data-prompt="instagram"]') === null);
    await popup.close();
  });

  it('saves an option and keeps it after a reload', async () => {
    const options = await openExtensionPage(driver, OPTIONS);
    expect(await options.evaluate(() => document.querySelector<HTMLInputElement>('input[value="everyone"]')!.checked)).toBe(false);
    await clickOn(options, 'input[value="everyone"]');
    await options.waitFor(() => document.querySelector('[data-setting="badgeEveryone"] [data-status="saved"]') !== null);
    await fillIn(options, '#auto-delete-days', '365');
    await options.waitFor(() => document.querySelector('[data-setting="autoDeleteDays"] [data-status="saved"]') !== null);
    await options.goto(`${driver.extensionOrigin}${OPTIONS}`);
    await options.waitFor(() => document.querySelector('[data-setting="badgeEveryone"]') !== null);
    expect(
      await options.evaluate(() => ({
        everyone: document.querySelector<HTMLInputElement>('input[value="everyone"]')!.checked,
        days: document.querySelector<HTMLInputElement>('#auto-delete-days')!.value,
      })),
    ).toEqual({ everyone: true, days: '365' });
    await options.close();
  });

  it('has no serious or critical axe violation on the popup, the Glasshouse page and the options page', async (context) => {
    const popup = await openExtensionPage(driver, POPUP);
    if (!popup.injectScript) {
      await popup.close();
      context.skip(`the ${DRIVER_NAME} driver has no injectScript: axe cannot run past the extension CSP`);
    }
    expect(await seriousAxeViolations(popup)).toEqual([]);
    await popup.close();
    const home = await openHome(driver);
    await openAllDetails(home);
    expect(await seriousAxeViolations(home)).toEqual([]);
    // The form for a date, opened.
    await clickOn(home, '[data-objection="instagram"] [data-action="objection-start"]');
    expect(await seriousAxeViolations(home)).toEqual([]);
    await home.close();
    const options = await openExtensionPage(driver, OPTIONS);
    expect(await seriousAxeViolations(options)).toEqual([]);
    await clickOn(options, '[data-action="delete-start"]');
    expect(await seriousAxeViolations(options)).toEqual([]);
    await options.close();
  });

  it('deletes everything after confirmation, and the popup is empty again', async () => {
    const options = await openExtensionPage(driver, OPTIONS);
    await clickOn(options, '[data-action="delete-start"]');
    await options.waitFor(() => document.querySelector('[data-action="delete-confirm"]') !== null);
    await clickOn(options, '[data-action="delete-confirm"]');
    await options.waitFor(() => document.querySelector('[data-setting="delete-all"] [data-status="saved"]') !== null);
    // Settings are back to their defaults.
    await options.waitFor(() => document.querySelector<HTMLInputElement>('input[value="own"]')?.checked === true);
    await options.close();
    const popup = await openExtensionPage(driver, POPUP);
    expect(await readPopup(popup)).toMatchObject({ total: 0, empty: true });
    // Cleared with the posts.
    await expect.poll(() => toolbarBadge(popup), { timeout: 10_000, interval: 300 }).toBe('');
    await popup.close();
    const home = await openHome(driver);
    expect((await readHome(home)).objections.facebook).toMatchObject({ objected: false });
    await home.close();
  });

  it('made no network request of its own', () => {
    expect(driver.strayRequests()).toEqual([]);
  });
});
