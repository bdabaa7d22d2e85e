import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveExtra } from '../../scripts/fixture-routes.js';
import type { BrowserDriver } from './drivers/driver';
import { DRIVER_NAME, launchDriver } from './drivers/select';
import { openReady, storedTotals } from './scenarios/facebook-feed';
import { ask, pageTicks, panelOf, until } from './scenarios/scan';

/**
 * The viewer's own Instagram profile grid as the site serves it (docs/FACTS.md#instagram-pages; the markup of
 * tests/fixtures/instagram/profile-public-en.html): the first rows and the first page of the timeline
 * data in the HTML, the next pages fetched from /graphql/query when the view nears the bottom and
 * rendered as new rows. The account is public, so every post is (public_account).
 */
const TOTAL = 30;
const FIRST = 12;
const PAGE = 6;
const VIEWER = { id: '48151623420', username: 'giulia.rossi' };
const PROFILE = `https://www.instagram.com/${VIEWER.username}/`;
const NEWEST = Date.UTC(2025, 10, 1) / 1000;
const WEEK = 7 * 24 * 3600;

const code = (i: number) => `CScan${String(i).padStart(6, '0')}`;
const takenAt = (i: number) => NEWEST - i * WEEK;

function media(i: number) {
  const owner = { pk: VIEWER.id, id: VIEWER.id, username: VIEWER.username };
  return {
    node: {
      code: code(i),
      pk: `33500000000${i}`,
      id: `33500000000${i}_${VIEWER.id}`,
      taken_at: takenAt(i),
      media_type: 1,
      product_type: 'feed',
      user: owner,
      owner,
      caption: { text: `Grid post ${i}` },
    },
    cursor: `c${i}`,
  };
}

/** One page of the timeline, in the connection the site's data uses. */
function timeline(from: number, count: number) {
  const edges = Array.from({ length: Math.max(0, Math.min(count, TOTAL - from)) }, (_, k) => media(from + k));
  return {
    data: {
      xdt_api__v1__feed__user_timeline_graphql_connection: {
        edges,
        page_info: { end_cursor: `c${from + edges.length - 1}`, has_next_page: from + edges.length < TOTAL },
      },
    },
    extensions: { is_final: true },
  };
}

const cell = (i: number) =>
  `<div style="width:300px;height:300px;display:inline-block"><a href="/${VIEWER.username}/p/${code(i)}/" role="link" tabindex="0"><div><img alt="Photo by Giulia Rossi" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></div></a></div>`;

function profilePage(): string {
  const viewerData = {
    require: [
      [
        'ScheduledServerJS',
        'handle',
        null,
        [
          {
            __bbox: {
              define: [
                ['XIGSharedData', [], { native: { config: { viewerId: VIEWER.id } } }, 6186],
                [
                  'PolarisViewer',
                  [],
                  { data: { id: VIEWER.id, username: VIEWER.username, full_name: 'Giulia Rossi', is_private: false }, id: VIEWER.id },
                  7365,
                ],
              ],
              require: [],
            },
          },
        ],
      ],
    ],
  };
  const firstPage = {
    require: [
      [
        'ScheduledServerJS',
        'handle',
        null,
        [
          {
            __bbox: {
              require: [
                [
                  'RelayPrefetchedStreamCache',
                  'next',
                  [],
                  ['adp_PolarisProfilePostsQuery', { __bbox: { complete: true, result: timeline(0, FIRST) } }],
                ],
              ],
            },
          },
        ],
      ],
    ],
  };
  const json = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html lang="en" dir="ltr"><head><meta charset="utf-8"><title>Giulia Rossi (@giulia.rossi) • Instagram photos and videos</title>
<script type="application/json" data-sjs>${json(viewerData)}</script>
<script type="application/json" data-sjs>${json(firstPage)}</script>
</head><body style="margin:0">
<div><a href="/${VIEWER.username}/" role="link"><span>Profile</span></a></div>
<main role="main"><div><header><section><h2 dir="auto">${VIEWER.username}</h2></section></header>
<div role="tablist"><a aria-selected="true" href="/${VIEWER.username}/" role="tab"><span>Posts</span></a></div>
<div id="grid" style="width:920px">${Array.from({ length: FIRST }, (_, i) => cell(i)).join('')}</div>
</div></main>
<script>
  // What the real grid does: near the bottom, ask /graphql/query for the next page, then render its rows.
  let next = ${FIRST};
  let loading = false;
  window.__pagesLoaded = 0;
  const nearBottom = () => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 400;
  // The markup of cell(0), with post 0's code replaced by post i's.
  const cell = (i) => ${JSON.stringify(cell(0))}.replace(${JSON.stringify(code(0))}, 'CScan' + String(i).padStart(6, '0'));
  async function more() {
    // A post open over the grid locks the grid: nothing more loads until it closes.
    if (loading || next >= ${TOTAL} || !nearBottom() || location.pathname !== '/${VIEWER.username}/') return;
    loading = window.__loading = true;
    const answer = await (await fetch('/graphql/query/?after=' + next)).json();
    const edges = answer.data.xdt_api__v1__feed__user_timeline_graphql_connection.edges;
    const row = document.createElement('div');
    row.innerHTML = edges.map((_, k) => cell(next + k)).join('');
    document.getElementById('grid').append(...row.children);
    next += edges.length;
    window.__pagesLoaded += 1;
    loading = window.__loading = false;
  }
  window.addEventListener('scroll', () => void more(), { passive: true });
  // Its clock, which tests read (pageTicks): how many times it has looked whether to load more.
  window.__checks = 0;
  setInterval(() => {
    window.__checks += 1;
    void more();
  }, 250);
</script>
</body></html>`;
}

describe(`[${DRIVER_NAME}] the full-history scan on Instagram`, () => {
  let driver: BrowserDriver;
  beforeAll(async () => {
    serveExtra(PROFILE, profilePage());
    for (let from = FIRST; from < TOTAL; from += PAGE)
      serveExtra(`https://www.instagram.com/graphql/query/?after=${from}`, JSON.stringify(timeline(from, PAGE)), 'application/json');
    driver = await launchDriver();
  });
  afterAll(async () => {
    await driver?.close();
  });

  it('walks the own profile grid to its end, pages fetched by the site included, waits while a post is open over it, and stores every post once', async () => {
    // The feed sets the session cookie; the profile tells the extension the username a scan starts from.
    const feed = await openReady(driver, 'https://www.instagram.com/');
    await feed.close();
    const profile = await openReady(driver, PROFILE);
    await profile.waitFor(() => document.querySelectorAll('[data-glasshouse-badge]').length >= 3);
    await expect.poll(async () => (await storedTotals(driver)).instagram?.eligible ?? 0, { timeout: 15_000 }).toBeGreaterThan(0);
    await profile.close();

    const popup = await driver.newPage();
    await popup.goto(`${driver.extensionOrigin}/src/ui/popup/index.html`);
    const started = await ask<{ ok: boolean; opened: boolean }>(popup, {
      type: 'scan/start',
      platform: 'instagram',
      pace: { minMs: 400, maxMs: 700 },
    });
    expect(started).toMatchObject({ ok: true, opened: true });
    const tab = await driver.pageAt(PROFILE, 20_000);
    // The user opens a post over the grid (the site changes the address in place): the scan waits.
    await until(
      () => panelOf(tab),
      (p) => (p?.found ?? 0) >= 15,
      60_000,
      'progress on the grid',
    );
    // (Between two page loads: the data of a page answered while a post is open would be read by that page's session.)
    await tab.evaluate(
      async (url) => {
        while ((window as unknown as { __loading?: boolean }).__loading) await new Promise((done) => setTimeout(done, 20));
        history.pushState({}, '', url);
      },
      `https://www.instagram.com/p/${code(3)}/`,
    );
    await until(
      () => panelOf(tab),
      (p) => p?.elsewhere === 'true',
      10_000,
      'the scan noticing the post opened',
    );
    const away = await tab.evaluate(() => Math.round(window.scrollY));
    // While the post is open the scan must not scroll: given eight of the page's 250 ms turns.
    await pageTicks(tab, 8);
    expect(await tab.evaluate(() => Math.round(window.scrollY))).toBe(away);
    expect(await panelOf(tab)).toMatchObject({ status: 'running', elsewhere: 'true' });
    // Back on the profile, it carries on.
    await tab.evaluate((url) => history.pushState({}, '', url), PROFILE);

    const panel = (await until(
      () => panelOf(tab),
      (p) => p?.status === 'done',
      90_000,
      'the end of the grid',
    ))!;
    expect(panel).toMatchObject({ found: TOTAL, public: TOTAL, reason: 'end-of-timeline' });
    expect(panel.oldest).toBe(new Date(takenAt(TOTAL - 1) * 1000).toISOString());
    expect(await tab.evaluate(() => (window as unknown as { __pagesLoaded: number }).__pagesLoaded)).toBe(
      Math.ceil((TOTAL - FIRST) / PAGE),
    );
    // The panel draws the end as the tab sees it; the worker's record of it may follow a moment later
    // (in Firefox under load, read once at once, it said 'running').
    await expect
      .poll(async () => (await ask<{ scan: object }>(popup, { type: 'scan/status', platform: 'instagram' })).scan, { timeout: 20_000 })
      .toMatchObject({ status: 'done', postsFound: TOTAL, publicFound: TOTAL });
    await expect
      .poll(async () => (await storedTotals(driver)).instagram, { timeout: 20_000 })
      .toMatchObject({ eligible: TOTAL, notEligible: 0 });
    await tab.close();
    await popup.close();
  }, 180_000);

  it('made no network request of its own', () => {
    expect(driver.strayRequests()).toEqual([]);
  });
});
