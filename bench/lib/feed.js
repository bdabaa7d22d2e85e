// The synthetic feed the page figures grow, served at a facebook.com address, and how a page is driven
// through it (figures 1 and 7): load, wait for the content script where there is one, grow, settle.
import { setTimeout as sleep } from 'node:timers/promises';
import { serveExtra } from '../../scripts/fixture-routes.js';
import { syntheticFeedPage, syntheticOwnCounts, syntheticPost } from '../../tests/fixtures/facebook/synthetic-feed.js';

/** @param {string} name @param {{ total: number, initial: number, burst: number, intervalMs: number }} shape */
export function serveFeed(name, shape) {
  const url = `https://www.facebook.com/bench/${name}`;
  const prefix = name.replace(/\W/g, '');
  serveExtra(url, syntheticFeedPage({ ...shape, prefix }));
  let last = shape.total - 1;
  while (last > 0 && !syntheticPost(last, { prefix }).own) last -= 1;
  return { url, ...shape, ownItems: syntheticOwnCounts(shape.total).own, lastOwnId: syntheticPost(last, { prefix }).id };
}

/**
 * Opens the feed in a new page of `browser` and waits until it is ready (the content script says so
 * when the extension is loaded; a short fixed wait on both sides lets start-up work finish).
 * @param {import('./chromium.js').BenchBrowser} browser
 */
export async function openFeed(browser, feed, { settleMs = 500 } = {}) {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await page.goto(feed.url, { waitUntil: 'load' });
  if (browser.extensionOrigin)
    await page.waitForFunction(() => document.documentElement.dataset.glasshouse === 'ready', undefined, { timeout: 30_000 });
  await sleep(settleMs);
  return { page, cdp };
}

/**
 * Starts the feed's growth (and the scrolling that goes with it) and waits until it holds every post;
 * with the extension, until the last own post has its badge too (the extension works in idle time and
 * may lag behind the feed: `catchUpMs` says by how much). Then `settleMs` for the last send to the worker.
 * @param {import('playwright-core').Page} page
 */
export async function growFeed(page, feed, { settleMs = 1000, withExtension = false, catchUpLimitMs = 20_000 } = {}) {
  const startedAt = await page.evaluate((everyMs) => {
    const w = /** @type {any} */ (window);
    w.__benchScroll(everyMs);
    w.__startFeed();
    return performance.now();
  }, feed.intervalMs);
  await page.waitForFunction(() => /** @type {any} */ (window).__feedDone === true, undefined, { polling: 100, timeout: 120_000 });
  const feedDone = Date.now();
  let caughtUp = true;
  if (withExtension) {
    // One element lookup per poll, so the waiting costs the measured side nothing worth counting.
    caughtUp = await page
      .waitForFunction((id) => document.getElementById(id)?.querySelector('[data-glasshouse-badge]') != null, feed.lastOwnId, {
        polling: 100,
        timeout: catchUpLimitMs,
      })
      .then(() => true)
      .catch(() => false);
  }
  const catchUpMs = Date.now() - feedDone;
  await sleep(settleMs);
  return { startedAt, catchUpMs, caughtUp };
}

/** Badges painted in the page (own items, with the extension). @param {import('playwright-core').Page} page */
export const badgeCount = (page) => page.evaluate(() => document.querySelectorAll('[data-glasshouse-badge]').length);
