import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveExtra } from '../../scripts/fixture-routes.js';
import type { BrowserDriver } from './drivers/driver';
import { DRIVER_NAME, launchDriver } from './drivers/select';
import { storedTotals } from './scenarios/facebook-feed';
import { ask, pageTicks, panelOf, until } from './scenarios/scan';

/**
 * A profile timeline like Facebook's (the markup of docs/FACTS.md#facebook-markup): it starts with a few posts and appends the
 * next page when the view comes near the bottom, until the history ends. Every post is the viewer's
 * own; a third is public, a third friends-only, a third carries an audience label nobody can read
 * (unknown). Dates come from the Story data each page carries, one month apart.
 */
// 48 posts of 210 px: as many scroll steps after the pause as 36 of 420 px gave (the pause never lands at
// the end), in two thirds of the scrolling time.
const TOTAL = 48;
const FIRST_PAGE = 6;
const PAGE_SIZE = 6;
const NEWEST = Date.UTC(2025, 11, 1);
const MONTH = 30 * 24 * 3600 * 1000;
const AUDIENCES = [
  ['public', 'Shared with Public'],
  ['friends', 'Shared with Friends'],
  ['unknown', 'Shared with Zorblax'],
] as const;
const publishedAt = (i: number) => NEWEST - i * MONTH;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function postHtml(i: number): string {
  const label = escape(AUDIENCES[i % 3]![1]);
  const id = `pfbid0tl${i}`;
  // The date sits inside the story's sections, as in the real data (never on the Story object itself).
  const story = {
    __typename: 'Story',
    post_id: id,
    actors: [{ id: '100001', name: 'Alice Martin' }],
    comet_sections: { timestamp: { story: { creation_time: publishedAt(i) / 1000 } } },
  };
  return `<div data-pagelet="FeedUnit_${i}" style="min-height:210px"><div id="tl${i}" aria-posinset="${i + 1}" role="article" lang="en">
  <div data-ad-rendering-role="profile_name"><h2><a href="https://www.facebook.com/alice.martin?__cft__[0]=AZ${i}"><strong>Alice Martin</strong></a></h2></div>
  <div><a href="https://www.facebook.com/alice.martin/posts/${id}?__cft__[0]=AZ${i}" aria-label="${i} months">${i} mo</a> · <svg viewBox="0 0 16 16" width="12" height="12" role="img"><title>${label}</title></svg></div>
  <div data-ad-preview="message"><div dir="auto">Timeline post ${i}</div></div>
  <script type="application/json" data-sjs>${JSON.stringify({ __bbox: { result: { data: { node: story } } } })}</script>
</div></div>`;
}

function profilePage(): string {
  const pages: string[] = [];
  for (let start = FIRST_PAGE; start < TOTAL; start += PAGE_SIZE) {
    pages.push(Array.from({ length: Math.min(PAGE_SIZE, TOTAL - start) }, (_, k) => postHtml(start + k)).join('\n'));
  }
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Alice Martin | Facebook</title>
<script type="application/json" data-sjs>{"require":[["CurrentUserInitialData",[],{"ACCOUNT_ID":"100001","USER_ID":"100001","NAME":"Alice Martin"},270]]}</script>
</head><body style="margin:0">
<div role="navigation"><a href="https://www.facebook.com/alice.martin"><span>Alice Martin</span></a></div>
<div role="main"><div data-pagelet="ProfileTimeline" id="timeline">
${Array.from({ length: FIRST_PAGE }, (_, i) => postHtml(i)).join('\n')}
</div></div>
<script>
  // What the real timeline does: near the bottom, fetch the next page of posts (a short delay), then render it.
  const pages = ${JSON.stringify(pages).replace(/</g, '\\u003c')};
  const timeline = document.getElementById('timeline');
  let next = 0;
  let loading = false;
  window.__pagesLoaded = 0;
  const nearBottom = () => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 500;
  const more = () => {
    if (loading || next >= pages.length || !nearBottom()) return;
    loading = true;
    setTimeout(() => {
      const chunk = document.createElement('div');
      chunk.innerHTML = pages[next];
      next += 1;
      window.__pagesLoaded = next;
      timeline.append(...chunk.children);
      loading = false;
    }, 150);
  };
  window.addEventListener('scroll', more, { passive: true });
  // Its clock, which tests read (pageTicks): how many times it has looked whether to load more.
  window.__checks = 0;
  setInterval(() => {
    window.__checks += 1;
    more();
  }, 250);
</script>
</body></html>`;
}

/** facebook.com/me resolves to the viewer's profile (here by a script; the site answers with a redirect). */
const ME_PAGE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Facebook</title>
<script type="application/json" data-sjs>{"require":[["CurrentUserInitialData",[],{"USER_ID":"100001","NAME":"Alice Martin"},270]]}</script>
<script>location.replace('https://www.facebook.com/alice.martin');</script></head><body></body></html>`;

const PROFILE = 'https://www.facebook.com/alice.martin';

/** A browser whose /me resolves to the user's long profile, as the scan's first tab finds it. */
async function launchOnProfile(): Promise<BrowserDriver> {
  serveExtra('https://www.facebook.com/me', ME_PAGE);
  serveExtra(PROFILE, profilePage());
  return launchDriver();
}

describe(`[${DRIVER_NAME}] the full-history scan`, () => {
  let driver: BrowserDriver;
  beforeAll(async () => (driver = await launchOnProfile()));
  afterAll(async () => {
    await driver?.close();
  });

  it('scrolls the profile by itself, shows progress, pauses, resumes from its cursor, ends, and stores every post once', async () => {
    const home = await driver.newPage();
    await home.goto(`${driver.extensionOrigin}/src/ui/report/index.html`);
    // Started as the Glasshouse page's button does, at a faster pace than the default 1.5–3 s, for the test's sake.
    const started = await ask<{ ok: boolean; opened: boolean }>(home, {
      type: 'scan/start',
      platform: 'facebook',
      pace: { minMs: 400, maxMs: 700 },
    });
    expect(started).toMatchObject({ ok: true, opened: true });

    // The worker opened /me in a new tab; it resolved to the profile, whose content script drives the scan.
    let tab = await driver.pageAt(PROFILE, 20_000);
    const early = await until(
      () => panelOf(tab),
      (p) => p !== null && p.found >= 10,
      40_000,
      'progress on the page',
    );
    expect(early).toMatchObject({ status: 'running', catchingUp: 'false' });
    expect(early!.public).toBeGreaterThan(0);
    expect(early!.scrollY).toBeGreaterThan(0);

    // Pause (from an extension page, the message the panel's button sends for its own tab): it stops scrolling.
    await ask(home, { type: 'scan/pause', platform: 'facebook' });
    const paused = await until(
      () => panelOf(tab),
      (p) => p?.status === 'paused',
      10_000,
      'the pause on the page',
    );
    // Paused, it must not move: given six of the page's 250 ms turns (over twice the scan's 700 ms pace).
    await pageTicks(tab, 6);
    const still = await panelOf(tab);
    expect(still).toMatchObject({ status: 'paused', found: paused!.found, scrollY: paused!.scrollY });
    expect(paused!.found).toBeLessThan(TOTAL);
    const stored = await ask<{ ok: boolean; scan: { status: string; postsFound: number; reason: string } }>(home, {
      type: 'scan/status',
      platform: 'facebook',
    });
    expect(stored.scan).toMatchObject({ status: 'paused', reason: 'paused-by-user' });
    expect(stored.scan.postsFound).toBeGreaterThanOrEqual(paused!.found - 2);

    // Later: the tab is gone, and the user presses the Glasshouse page's button again. A new tab carries on.
    await tab.close();
    await home.evaluate(() => document.querySelector<HTMLButtonElement>('[data-action="scan-facebook"]')!.click());
    tab = await driver.pageAt(PROFILE, 20_000).catch(async (error) => {
      const outcome = await home.evaluate(() => document.querySelector('[data-section="scan"] [role="status"]')?.textContent);
      const status = await ask(home, { type: 'scan/status', platform: 'facebook' });
      throw new Error(`${String(error)}; page says ${outcome}; scan ${JSON.stringify(status)}`);
    });
    const resumed = await until(
      () => panelOf(tab),
      (p) => p !== null,
      20_000,
      'the panel after resuming',
    );
    // It first scrolls back past the stored cursor (beyond the first screen), counting nothing twice.
    expect(resumed).toMatchObject({ status: 'running', catchingUp: 'true' });
    expect(resumed!.found).toBe(stored.scan.postsFound);

    const done = await until(
      () => panelOf(tab),
      (p) => p?.status === 'done',
      90_000,
      'the end of the timeline',
    );
    expect(done).toMatchObject({ found: TOTAL, public: TOTAL / 3, reason: 'end-of-timeline' });
    expect(done!.oldest).toBe(new Date(publishedAt(TOTAL - 1)).toISOString());
    expect(await tab.evaluate(() => (window as unknown as { __pagesLoaded: number }).__pagesLoaded)).toBe(
      Math.ceil((TOTAL - FIRST_PAGE) / PAGE_SIZE),
    );

    // The worker's row, and the store: every post once, with its audience.
    const last = await until(
      () =>
        ask<{ scan: { status: string; postsFound: number; publicFound: number; oldestReached?: number } }>(home, {
          type: 'scan/status',
          platform: 'facebook',
        }),
      (r) => r.scan.status === 'done',
      10_000,
      'the stored scan',
    );
    expect(last.scan).toMatchObject({ postsFound: TOTAL, publicFound: TOTAL / 3, oldestReached: publishedAt(TOTAL - 1) });
    await expect
      .poll(async () => (await storedTotals(driver)).facebook, { timeout: 20_000 })
      .toEqual({ eligible: TOTAL / 3, notEligible: TOTAL / 3, unknown: TOTAL / 3 });

    // The Glasshouse page's summary of the last scan.
    const summary = await driver.newPage();
    await summary.goto(`${driver.extensionOrigin}/src/ui/report/index.html`);
    await summary.waitFor(() => document.querySelector('section[data-platform="facebook"] [data-last-scan]') !== null);
    expect(
      await summary.evaluate(() => {
        const line = document.querySelector('section[data-platform="facebook"] [data-last-scan]')!;
        return [line.getAttribute('data-last-scan'), line.getAttribute('data-found'), line.getAttribute('data-public')];
      }),
    ).toEqual(['done', String(TOTAL), String(TOTAL / 3)]);
    await summary.close();
    await tab.close();
    await home.close();
  }, 180_000);

  it('made no network request of its own', () => {
    expect(driver.strayRequests()).toEqual([]);
  });
});

describe(`[${DRIVER_NAME}] the full-history scan when the browser closes mid-scan`, () => {
  let driver: BrowserDriver;
  beforeAll(async () => (driver = await launchOnProfile()));
  afterAll(async () => {
    await driver?.close();
  });

  it('loses nothing it counted, shows the scan as paused after the restart, and carries on to the end counting each post once', async () => {
    let home = await driver.newPage();
    await home.goto(`${driver.extensionOrigin}/src/ui/report/index.html`);
    await ask(home, { type: 'scan/start', platform: 'facebook', pace: { minMs: 400, maxMs: 700 } });
    const tab = await driver.pageAt(PROFILE, 20_000);
    await until(
      () => panelOf(tab),
      (p) => p !== null && p.status === 'running' && p.found >= 12,
      40_000,
      'progress before the browser closes',
    );
    const before = await ask<{ scan: { status: string; postsFound: number } }>(home, { type: 'scan/status', platform: 'facebook' });
    expect(before.scan).toMatchObject({ status: 'running' });
    expect(before.scan.postsFound).toBeGreaterThan(0);

    // The user quits the browser in the middle of the scan, and starts it again later.
    await driver.restart();
    home = await driver.newPage();
    await home.goto(`${driver.extensionOrigin}/src/ui/report/index.html`);
    const after = await until(
      () =>
        ask<{ scan: { status: string; reason?: string; postsFound: number; resumable: boolean } }>(home, {
          type: 'scan/status',
          platform: 'facebook',
        }),
      (r) => r.scan.status !== 'running',
      10_000,
      'the scan after the restart',
    );
    expect(after.scan).toMatchObject({ status: 'paused', reason: 'browser-restarted', resumable: true });
    expect(after.scan.postsFound).toBeGreaterThanOrEqual(before.scan.postsFound);
    // Nothing it counted is lost: every post the scan row counts is in the store.
    const stored = (await storedTotals(driver)).facebook!;
    const storedPosts = stored.eligible + stored.notEligible + stored.unknown;
    expect(storedPosts).toBeGreaterThanOrEqual(after.scan.postsFound);
    // The Glasshouse page says so in words.
    await home.waitFor(() => document.querySelector('section[data-platform="facebook"] [data-last-scan="paused"]') !== null);

    // Resumed from the Glasshouse page's button: a new tab catches up past the cursor, then goes on to the end.
    await home.evaluate(() => document.querySelector<HTMLButtonElement>('[data-action="scan-facebook"]')!.click());
    const resumedTab = await driver.pageAt(PROFILE, 20_000);
    const done = await until(
      () => panelOf(resumedTab),
      (p) => p?.status === 'done',
      90_000,
      'the end of the timeline after the restart',
    );
    expect(done).toMatchObject({ found: TOTAL, public: TOTAL / 3, reason: 'end-of-timeline' });
    // The panel draws the end as the tab sees it; the worker's record of it may follow a moment later.
    await expect
      .poll(async () => (await ask<{ scan: object }>(home, { type: 'scan/status', platform: 'facebook' })).scan, { timeout: 20_000 })
      .toMatchObject({ status: 'done', postsFound: TOTAL, publicFound: TOTAL / 3 });
    await expect
      .poll(async () => (await storedTotals(driver)).facebook, { timeout: 20_000 })
      .toEqual({ eligible: TOTAL / 3, notEligible: TOTAL / 3, unknown: TOTAL / 3 });
    await resumedTab.close();
    await home.close();
  }, 240_000);

  it('made no network request of its own, before or after the restart', () => {
    expect(driver.strayRequests()).toEqual([]);
  });
});
