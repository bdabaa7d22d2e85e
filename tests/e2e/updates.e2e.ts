import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveExtra } from '../../scripts/fixture-routes.js';
import { syntheticFeedPage, syntheticPost } from '../fixtures/facebook/synthetic-feed.js';
import type { BrowserDriver, TestPage } from './drivers/driver';
import { DRIVER_NAME, launchDriver } from './drivers/select';
import { settleInbox } from './scenarios/inbox';
import { openReady } from './scenarios/facebook-feed';

type FeedWindow = { __startFeed: () => void; __feedDone: boolean };

/** The post ids of the user's own posts among the first `count` of a synthetic feed. */
function ownPostIds(count: number, prefix: string): string[] {
  return Array.from({ length: count }, (_, i) => syntheticPost(i, { prefix }))
    .filter((p) => p.own)
    .map((p) => p.postId);
}

/** Which of `wanted` the extension's database holds, read from an extension page. */
async function storedOf(driver: BrowserDriver, wanted: string[]): Promise<string[]> {
  const page = await driver.newPage();
  try {
    await page.goto(`${driver.extensionOrigin}/src/ui/popup/index.html`);
    // Batches wait in the worker's inbox until the page is quiet or a request reads: this read asks first.
    await settleInbox(page);
    return await page.evaluate(
      (ids: string[]) =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('glasshouse');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const keys = db.transaction('posts').objectStore('posts').getAllKeys();
            keys.onerror = () => reject(keys.error);
            keys.onsuccess = () => {
              const stored = new Set((keys.result as [string, string][]).map(([, postId]) => postId));
              db.close();
              resolve(ids.filter((id) => stored.has(id)));
            };
          };
        }),
      wanted,
    );
  } finally {
    await page.close();
  }
}

async function runFeed(page: TestPage): Promise<void> {
  await page.evaluate(() => (window as unknown as FeedWindow).__startFeed());
  await page.waitFor(() => (window as unknown as FeedWindow).__feedDone, undefined, 30_000);
}

describe(`[${DRIVER_NAME}] updates and closing tabs lose nothing`, () => {
  let driver: BrowserDriver;
  const TOTAL = 60;
  const INITIAL = 10;
  const CLOSE_ROUNDS = [1, 2, 3];
  beforeAll(async () => {
    serveExtra(
      'https://www.facebook.com/update-feed',
      syntheticFeedPage({ total: TOTAL, initial: INITIAL, burst: 10, intervalMs: 100, prefix: 'upd' }),
    );
    for (const round of CLOSE_ROUNDS)
      serveExtra(
        `https://www.facebook.com/close-feed-${round}`,
        syntheticFeedPage({ total: 12, initial: 4, burst: 8, intervalMs: 10, prefix: `cls${round}x` }),
      );
    driver = await launchDriver();
  });
  afterAll(async () => {
    await driver?.close();
  });

  it('keeps every finding across an extension reload under an open tab: it says once that reloading the tab resumes', async (context) => {
    if (!driver.reloadExtension) return context.skip(`the ${DRIVER_NAME} driver cannot reload the extension`);
    const page = await openReady(driver, 'https://www.facebook.com/update-feed');
    const first = ownPostIds(INITIAL, 'upd');
    await expect.poll(() => storedOf(driver, first), { timeout: 30_000, interval: 300 }).toEqual(first);

    await driver.reloadExtension();
    // New posts appear under the cut-off content script: it reads and badges them, cannot send them,
    // and says so once, quietly.
    await runFeed(page);
    await page.waitFor(() => document.querySelector('[data-glasshouse-notice="reload-to-resume"]') !== null, undefined, 15_000);
    expect(await page.evaluate(() => document.querySelectorAll('[data-glasshouse-notice]').length)).toBe(1);
    const all = ownPostIds(TOTAL, 'upd');
    expect(await storedOf(driver, all)).toEqual(first);

    // The user reloads the tab, as the notice says: the new content script reads the feed again.
    await page.goto('https://www.facebook.com/update-feed');
    await page.waitFor(() => document.documentElement.dataset.glasshouse === 'ready');
    await runFeed(page);
    await expect.poll(() => storedOf(driver, all), { timeout: 30_000, interval: 300 }).toEqual(all);
    expect(await page.evaluate(() => document.querySelectorAll('[data-glasshouse-notice]').length)).toBe(0);
    await page.close();
  });

  it('stores the posts that appeared right before the tab was closed', async () => {
    for (const round of CLOSE_ROUNDS) {
      const prefix = `cls${round}x`;
      const page = await openReady(driver, `https://www.facebook.com/close-feed-${round}`);
      const all = ownPostIds(12, prefix);
      const fresh = Array.from({ length: 8 }, (_, k) => syntheticPost(4 + k, { prefix }))
        .filter((p) => p.own)
        .map((p) => p.id);
      // New posts appear; the tab closes the moment they are read (badged): well inside the
      // queue's batching delay, so only sending on pagehide / visibilitychange can save them.
      // Firefox lets the page close its own tab (one history entry), at once; Chromium refuses, and
      // the driver closes it right after.
      await page.evaluate(
        (ids: string[]) =>
          new Promise<void>((resolve) => {
            const read = () => ids.every((id) => document.getElementById(id)?.querySelector('[data-glasshouse-badge]'));
            new MutationObserver((_, observer) => {
              if (!read()) return;
              observer.disconnect();
              resolve();
              setTimeout(() => window.close());
            }).observe(document.body, { childList: true, subtree: true });
            (window as unknown as FeedWindow).__startFeed();
          }),
        fresh,
      );
      await page.close().catch(() => undefined);
      await expect.poll(() => storedOf(driver, all), { timeout: 30_000, interval: 300 }).toEqual(all);
    }
  });

  it('made no network request of its own', () => {
    expect(driver.strayRequests()).toEqual([]);
  });
});
