import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserDriver } from './drivers/driver';
import { launchDriver, DRIVER_NAME } from './drivers/select';
import { badgesOn, openReady, popupTotals } from './scenarios/facebook-feed';

describe(`[${DRIVER_NAME}] a Facebook feed, end to end`, () => {
  let driver: BrowserDriver;
  beforeAll(async () => {
    driver = await launchDriver();
  });
  afterAll(async () => {
    await driver?.close();
  });

  it('badges own posts and comments, stores them, and the popup counts them', async () => {
    const page = await openReady(driver, 'https://www.facebook.com/');
    await page.waitFor(() => document.querySelectorAll('[data-glasshouse-badge]').length >= 5);
    const badges = await badgesOn(page);
    expect(badges['own-public']).toMatchObject({ audience: 'public', eligible: 'yes', evidence: 'label', count: 1 });
    expect(badges['own-friends']).toMatchObject({ audience: 'friends', eligible: 'no', evidence: 'label', count: 1 });
    expect(badges['own-reshare-friends']).toMatchObject({ audience: 'friends', eligible: 'no', count: 1 });
    expect(badges['own-comment-on-public']).toMatchObject({ audience: 'public', eligible: 'yes', count: 1 });
    expect(badges['own-comment-on-friends']).toMatchObject({ audience: 'friends', eligible: 'no', count: 1 });
    // Other people's posts get no badge by default.
    expect(badges['other-public']?.count).toBe(0);
    expect(badges['bob-comment-on-own']?.count).toBe(0);
    // Stored by the worker, counted by the popup: 2 public (post, comment), 3 not public.
    await expect
      .poll(() => popupTotals(driver), { timeout: 10_000, interval: 300 })
      .toMatchObject({ facebook: { eligible: 2, notEligible: 3, unknown: 0 } });
    await page.close();
  });

  it("draws each badge as a pill holding its text, with its style applied in this browser's shadow roots", async () => {
    const page = await openReady(driver, 'https://www.facebook.com/');
    await page.waitFor(() => document.querySelectorAll('[data-glasshouse-badge]').length >= 5);
    const sizes = await page.evaluate(() =>
      [...document.querySelectorAll('[data-glasshouse-badge]')].map((badge) => {
        const box = badge.getBoundingClientRect();
        return { width: box.width, height: box.height, margin: getComputedStyle(badge).marginLeft };
      }),
    );
    for (const size of sizes) {
      // The shared sheet (or its fallback) styles the pill: 12px text on 1.5 line height, padded, bordered; the dot and text give it width.
      expect(size.width).toBeGreaterThan(30);
      expect(size.height).toBeGreaterThanOrEqual(18);
      expect(size.height).toBeLessThanOrEqual(30);
      expect(size.margin).toBe('6px');
    }
    await page.close();
  });

  it('made no network request of its own', () => {
    expect(driver.strayRequests()).toEqual([]);
  });
});
