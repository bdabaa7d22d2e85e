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
      // Its inline styles draw the pill: 12px text on 1.5 line height, padded, bordered; the dot and text give it width.
      expect(size.width).toBeGreaterThan(30);
      expect(size.height).toBeGreaterThanOrEqual(18);
      expect(size.height).toBeLessThanOrEqual(30);
      expect(size.margin).toBe('6px');
    }
    await page.close();
  });

  it("opens a badge's explanation when pressed, drawn over the page by its stylesheet, and the page sees no click or press", async () => {
    const page = await openReady(driver, 'https://www.facebook.com/');
    await page.waitFor(() => document.querySelector('#own-public [data-glasshouse-badge]') !== null);
    /** The badge's box, and whether what is drawn just below it, to the right, is the badge (its explanation). */
    const look = () =>
      page.evaluate(() => {
        const host = document.querySelector<HTMLElement>('#own-public [data-glasshouse-badge]')!;
        const box = host.getBoundingClientRect();
        return {
          x: box.left + box.width / 2,
          y: box.top + box.height / 2,
          width: box.width,
          below: document.elementFromPoint(box.left + 20, box.bottom + 24) === host,
          pageClicks: (window as unknown as { pageClicks?: number }).pageClicks ?? 0,
          pagePresses: (window as unknown as { pagePresses?: number }).pagePresses ?? 0,
        };
      });
    await page.evaluate(() => {
      document.querySelector('#own-public [data-glasshouse-badge]')!.scrollIntoView({ block: 'center' });
      const counter = window as unknown as { pageClicks: number; pagePresses: number };
      counter.pageClicks = 0;
      counter.pagePresses = 0;
      document.addEventListener('click', () => (counter.pageClicks += 1));
      // The page's handlers of a press, capturing and bubbling (a post opens or starts a drag on them).
      for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup']) {
        document.addEventListener(type, () => (counter.pagePresses += 1), true);
        document.addEventListener(type, () => (counter.pagePresses += 1));
      }
    });
    const closed = await look();
    expect(closed.below).toBe(false);
    await page.clickAt(closed.x, closed.y);
    await expect.poll(async () => (await look()).below, { timeout: 10_000 }).toBe(true);
    const open = await look();
    // Drawn over the page (positioned by the stylesheet the press adopted): the badge's own box is unchanged.
    expect(open.width).toBe(closed.width);
    expect(open.pageClicks).toBe(0);
    await page.clickAt(closed.x, closed.y);
    await expect.poll(async () => (await look()).below, { timeout: 10_000 }).toBe(false);
    expect(await look()).toMatchObject({ pageClicks: 0, pagePresses: 0 });
    // A press anywhere else (the post's words, no link) reaches the page's handlers as before.
    const words = await page.evaluate(() => {
      const box = document.querySelector('#own-public [data-ad-preview="message"] div')!.getBoundingClientRect();
      return { x: box.left + 10, y: box.top + box.height / 2 };
    });
    await page.clickAt(words.x, words.y);
    await expect.poll(async () => (await look()).pagePresses, { timeout: 10_000 }).toBe(8);
    await page.close();
  });

  it('reaches a badge with the keyboard, opens and closes its explanation with Enter, and lets the focus move on', async () => {
    const page = await openReady(driver, 'https://www.facebook.com/');
    await page.waitFor(() => document.querySelectorAll('[data-glasshouse-badge]').length >= 5);
    await page.evaluate(() => {
      const counter = window as unknown as { pageClicks: number };
      counter.pageClicks = 0;
      document.addEventListener('click', () => (counter.pageClicks += 1));
    });
    /** The focused badge's post, and whether what is drawn just below the badge is the badge (its explanation). */
    const focused = () =>
      page.evaluate(() => {
        // Focus inside a closed shadow root shows from outside as its host.
        const host = document.activeElement;
        if (!(host instanceof HTMLElement) || !host.hasAttribute('data-glasshouse-badge')) return null;
        const box = host.getBoundingClientRect();
        return {
          post: host.closest('[id]')?.id ?? '',
          below: document.elementFromPoint(box.left + 20, box.bottom + 24) === host,
          pageClicks: (window as unknown as { pageClicks: number }).pageClicks,
        };
      });
    // From the top of the page, Tab by Tab, as a keyboard user goes: the badges are in the page's tab order.
    let badge = await focused();
    for (let presses = 0; badge === null && presses < 60; presses += 1) {
      await page.press('Tab');
      badge = await focused();
    }
    expect(badge, 'a badge was reached with Tab').not.toBeNull();
    expect(badge!.below).toBe(false);
    await page.press('Enter');
    await expect.poll(async () => (await focused())?.below, { timeout: 10_000 }).toBe(true);
    await page.press('Enter');
    await expect.poll(async () => (await focused())?.below, { timeout: 10_000 }).toBe(false);
    // Enter clicked the badge's button twice; the page saw neither click.
    expect(await focused()).toMatchObject({ post: badge!.post, pageClicks: 0 });
    // The focus is not held: the next Tab leaves this badge.
    await page.evaluate(() => document.activeElement!.setAttribute('data-test-left', ''));
    await page.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-test-left') ?? false)).toBe(false);
    await page.close();
  });

  it('made no network request of its own', () => {
    expect(driver.strayRequests()).toEqual([]);
  });
});
