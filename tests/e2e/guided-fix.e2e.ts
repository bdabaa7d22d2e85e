import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveExtra } from '../../scripts/fixture-routes.js';
import { GUIDED_FIX_PROFILE, guidedFixPermalink, serveGuidedFixPages } from '../fixtures/facebook/guided-fix-pages.js';
import type { BrowserDriver, TestPage } from './drivers/driver';
import { DRIVER_NAME, launchDriver } from './drivers/select';
import { openReady } from './scenarios/facebook-feed';
import { seriousAxeViolations } from './scenarios/ui';

/**
 * The guided fix (docs/GUIDED-FIX.md) on pages like Facebook's (tests/fixtures/facebook/guided-fix-pages.js):
 * the viewer's profile shows two public posts and a friends-only one; each post has its own permalink
 * page. Every page counts the click events it sees from its first script on.
 */
const PROFILE = GUIDED_FIX_PROFILE;
const permalink = guidedFixPermalink;

/**
 * Waits for `fn` on a tab that the extension may be navigating (Next moves the fix tab): a check
 * that meets a document being replaced is asked again on the new one, until `timeoutMs`.
 */
async function waitOnTab<A>(tab: TestPage, fn: (arg: A) => unknown, arg: A, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await tab.waitFor(fn, arg, Math.max(1000, deadline - Date.now()));
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}

const overlayIs = ([attribute, value]: [string, string]) =>
  document.querySelector('[data-glasshouse-fix]')?.getAttribute(attribute) === value;

const fixState = (tab: TestPage) =>
  tab.evaluate(() => {
    const host = document.querySelector('[data-glasshouse-fix]');
    return {
      target: host?.getAttribute('data-target'),
      state: host?.getAttribute('data-state'),
      pointsAt: host?.getAttribute('data-points-at'),
    };
  });
const clicksOn = (tab: TestPage) => tab.evaluate(() => (window as unknown as { __clicks: number }).__clicks);
const press = (fixPage: TestPage, action: string) =>
  fixPage.evaluate((name: string) => (document.querySelector(`.fix-current [data-action="${name}"]`) as HTMLButtonElement).click(), action);

describe(`[${DRIVER_NAME}] the guided fix`, () => {
  let driver: BrowserDriver;
  beforeAll(async () => {
    serveGuidedFixPages(serveExtra);
    driver = await launchDriver();
  });
  afterAll(async () => {
    await driver?.close();
  });

  it('marks a post fixed when its audience changes while the page is open, moves on to the next, keeps the progress over a restart, and clicks nothing', async () => {
    const profile = await openReady(driver, PROFILE);
    await profile.waitFor(() => document.querySelectorAll('[data-glasshouse-badge]').length === 3);

    const fixPage = await driver.newPage();
    await fixPage.goto(`${driver.extensionOrigin}/src/ui/fix/index.html`);
    // The profile's findings reach the worker within a moment; the page asks again until it shows them.
    await fixPage.waitFor(() => document.querySelector('#fix-progress')?.getAttribute('data-total') === '2', undefined, 30_000);
    await profile.close();
    const shown = () =>
      fixPage.evaluate(() => ({
        progress: document.querySelector('#fix-progress')?.textContent?.trim(),
        current: document.querySelector('[data-current-step]')?.getAttribute('data-current-step'),
        status: document.querySelector('[data-fix-status]')?.getAttribute('data-fix-status'),
        steps: [...document.querySelectorAll('[data-step]')].map((li) => [li.getAttribute('data-step'), li.getAttribute('data-state')]),
      }));
    expect(await shown()).toEqual({
      progress: '0 of 2 fixed',
      current: 'pfbid0fix2025',
      status: 'not-opened',
      steps: [
        ['pfbid0fix2025', 'to-fix'],
        ['pfbid0fix2024', 'to-fix'],
      ],
    });
    const violations = await seriousAxeViolations(fixPage);
    if (violations !== null) expect(violations).toEqual([]);

    // Open: the worker opens the newest public post in a tab; its content script rings the audience icon.
    await press(fixPage, 'open');
    const tab = await driver.pageAt(permalink('pfbid0fix2025'), 30_000);
    await waitOnTab(tab, overlayIs, ['data-state', 'pointing']);
    expect(await fixState(tab)).toEqual({ target: 'pfbid0fix2025', state: 'pointing', pointsAt: 'control' });

    // The user picks "Friends" in Facebook's selector: the site redraws the post's audience icon.
    await tab.evaluate(() => {
      document.querySelector('svg title')!.textContent = 'Shared with Friends';
    });
    await waitOnTab(tab, overlayIs, ['data-state', 'fixed']);
    expect(await clicksOn(tab)).toBe(0);
    // The user goes back to the fix page: seen again, it asks the worker at once (hidden, it does not poll).
    await fixPage.bringToFront();
    await fixPage.waitFor(() => document.querySelector('#fix-progress')?.getAttribute('data-fixed') === '1', undefined, 30_000);
    expect(await shown()).toMatchObject({
      progress: '1 of 2 fixed',
      current: 'pfbid0fix2025',
      status: 'fixed',
      steps: [
        ['pfbid0fix2025', 'fixed'],
        ['pfbid0fix2024', 'to-fix'],
      ],
    });

    // Next: the same tab moves on to the next public post, which is ringed in turn.
    await press(fixPage, 'next');
    const next = await driver.pageAt(permalink('pfbid0fix2024'), 30_000);
    await waitOnTab(next, overlayIs, ['data-target', 'pfbid0fix2024']);
    expect(await fixState(next)).toEqual({ target: 'pfbid0fix2024', state: 'pointing', pointsAt: 'control' });
    expect(await clicksOn(next)).toBe(0);
    await fixPage.waitFor(
      () => document.querySelector('[data-current-step]')?.getAttribute('data-current-step') === 'pfbid0fix2024',
      undefined,
      30_000,
    );
    expect(await shown()).toMatchObject({ progress: '1 of 2 fixed', current: 'pfbid0fix2024', status: 'waiting' });

    // The user quits the browser and comes back: the progress is the database's, and Open takes a new tab.
    await driver.restart();
    const again = await driver.newPage();
    await again.goto(`${driver.extensionOrigin}/src/ui/fix/index.html`);
    await again.waitFor(() => document.querySelector('#fix-progress')?.getAttribute('data-total') === '2', undefined, 30_000);
    expect(
      await again.evaluate(() => ({
        progress: document.querySelector('#fix-progress')?.textContent?.trim(),
        current: document.querySelector('[data-current-step]')?.getAttribute('data-current-step'),
        steps: [...document.querySelectorAll('[data-step]')].map((li) => li.getAttribute('data-state')),
      })),
    ).toEqual({ progress: '1 of 2 fixed', current: 'pfbid0fix2024', steps: ['fixed', 'to-fix'] });
    await press(again, 'open');
    const reopened = await driver.pageAt(permalink('pfbid0fix2024'), 30_000);
    await waitOnTab(reopened, overlayIs, ['data-state', 'pointing']);
    expect(await clicksOn(reopened)).toBe(0);
    expect(driver.strayRequests()).toEqual([]);
    await reopened.close();
    await again.close();
    // Four pages, two tabs moved by the extension and a browser restart: one to two minutes on the shared machine.
  }, 240_000);
});
