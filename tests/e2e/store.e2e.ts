import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveExtra } from '../../scripts/fixture-routes.js';
import { syntheticFeedPage, syntheticOwnCounts } from '../fixtures/facebook/synthetic-feed.js';
import type { BrowserDriver } from './drivers/driver';
import { DRIVER_NAME, launchDriver } from './drivers/select';
import { openReady, storedTotals } from './scenarios/facebook-feed';

const TOTAL = 240;

describe(`[${DRIVER_NAME}] nothing is lost when the background stops`, () => {
  let driver: BrowserDriver;
  beforeAll(async () => {
    serveExtra(
      'https://www.facebook.com/burst',
      syntheticFeedPage({ total: TOTAL, initial: 20, burst: 20, intervalMs: 150, prefix: 'burst' }),
    );
    driver = await launchDriver();
  });
  afterAll(async () => {
    await driver?.close();
  });

  it('stores every finding of a burst exactly once although the worker was stopped in the middle', async () => {
    const page = await openReady(driver, 'https://www.facebook.com/burst');
    await page.evaluate(() => (window as unknown as { __startFeed: () => void }).__startFeed());
    // Stop the background three times while posts keep arriving: at a quarter, a half and three quarters of the feed.
    for (const share of [1, 2, 3]) {
      const shown = Math.round((TOTAL * share) / 4);
      await page.waitFor((n) => document.getElementById('feed')!.children.length >= n, shown, 30_000);
      await driver.stopBackground();
    }
    await page.waitFor(() => (window as unknown as { __feedDone: boolean }).__feedDone, undefined, 30_000);
    const { own, publicOwn } = syntheticOwnCounts(TOTAL);
    await expect
      .poll(
        async () => {
          const totals = (await storedTotals(driver)).facebook;
          return totals ? totals.eligible + totals.notEligible + totals.unknown : 0;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(own);
    expect(driver.backgroundStarts()).toBeGreaterThan(1);
    const totals = (await storedTotals(driver)).facebook!;
    expect(totals.eligible).toBe(publicOwn);
    expect(totals.unknown).toBe(0);
    await page.close();
  });

  it('made no network request of its own', () => {
    expect(driver.strayRequests()).toEqual([]);
  });
});
