import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveExtra } from '../../scripts/fixture-routes.js';
import type { BrowserDriver, TestPage } from './drivers/driver';
import { launchDriver, DRIVER_NAME } from './drivers/select';
import { badgesFor, badgesOn, openReady, storedTotals } from './scenarios/facebook-feed';
import { openHome, readHome } from './scenarios/ui';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/facebook/${name}`, import.meta.url), 'utf8');
const FEED = fixture('feed-en.html');

/** One more own public post, which only the web. copy of the feed shows. */
const WEB_ONLY_POST = `<div data-pagelet="FeedUnit_9"><div id="own-web-public" aria-posinset="9" role="article" aria-labelledby=":r9:">
  <div data-ad-rendering-role="profile_name"><h2 id=":r9:"><a href="https://www.facebook.com/alice.martin" role="link"><strong>Alice Martin</strong></a></h2></div>
  <div><a href="https://www.facebook.com/alice.martin/posts/pfbid02own9web" role="link">1h</a> · <svg viewBox="0 0 16 16" width="12" height="12" title="Shared with Public" role="img"><title>Shared with Public</title></svg></div>
  <div data-ad-preview="message"><div dir="auto">Posted while on web.facebook.com</div></div>
</div></div>`;

/** The feed as web.facebook.com serves it: the same layout, its links on web. */
const webFeed = () =>
  FEED.replace('<h3>News Feed posts</h3>', `<h3>News Feed posts</h3>\n${WEB_ONLY_POST}`).replaceAll(
    'https://www.facebook.com/',
    'https://web.facebook.com/',
  );

const badgeCount = (page: TestPage, atLeast: number) =>
  page.waitFor((n: number) => document.querySelectorAll('[data-glasshouse-badge]').length >= n, atLeast);

describe(`[${DRIVER_NAME}] Facebook on its web. and m. hosts`, () => {
  let driver: BrowserDriver;
  beforeAll(async () => {
    driver = await launchDriver();
  });
  afterAll(async () => {
    await driver?.close();
  });

  it('on web.: badges own posts as on www., and stores each under its www. address, once', async () => {
    const www = await openReady(driver, 'https://www.facebook.com/');
    await badgeCount(www, 5);
    await expect
      .poll(() => storedTotals(driver), { timeout: 20_000 })
      .toMatchObject({ facebook: { eligible: 2, notEligible: 3, unknown: 0 } });
    await www.close();

    serveExtra('https://web.facebook.com/', webFeed());
    const web = await openReady(driver, 'https://web.facebook.com/');
    await badgeCount(web, 6);
    const badges = await badgesOn(web);
    expect(badges['own-public']).toMatchObject({ audience: 'public', eligible: 'yes', evidence: 'label', count: 1 });
    expect(badges['own-friends']).toMatchObject({ audience: 'friends', eligible: 'no', evidence: 'label', count: 1 });
    expect(badges['own-web-public']).toMatchObject({ audience: 'public', eligible: 'yes', count: 1 });
    expect(badges['other-public']?.count).toBe(0);
    await web.close();
    // Only the web.-only post is new: the five seen on www. before are the same posts, not copies.
    await expect
      .poll(() => storedTotals(driver), { timeout: 20_000 })
      .toMatchObject({ facebook: { eligible: 3, notEligible: 3, unknown: 0 } });
    const home = await openHome(driver);
    const links = (await readHome(home)).links.facebook ?? [];
    await home.close();
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).toMatch(/^https:\/\/www\.facebook\.com\//);
  });

  it('on m.: the content script runs, and says nothing wrong of an own public post', async () => {
    const page = await openReady(driver, 'https://m.facebook.com/');
    // The first read of the page is painted before the script says it is ready: these are all it says.
    const badges = await badgesFor(page, ['m-own-public']);
    const notPublic = await page.evaluate(() => document.querySelectorAll('[data-glasshouse-badge][data-eligible="no"]').length);
    expect(notPublic).toBe(0);
    // The mobile layout may not be read yet (no badge); when it is, the badge says public.
    if (badges['m-own-public']?.count) expect(badges['m-own-public']).toMatchObject({ audience: 'public', eligible: 'yes' });
    await page.close();
  });

  it("on m.: the page-world script hands over the page's own data answers", async () => {
    // The www. layout's GraphQL page served on m.: what is checked is the bridge on this host, not the layout.
    serveExtra('https://m.facebook.com/?sk=graphql', fixture('feed-graphql-en.html'));
    serveExtra('https://m.facebook.com/api/graphql/', fixture('graphql-feed-response.json'), 'application/json; charset=utf-8');
    const page = await openReady(driver, 'https://m.facebook.com/?sk=graphql');
    await badgeCount(page, 2);
    expect(await badgesFor(page, ['gql-6101'])).toMatchObject({ 'gql-6101': { audience: 'public', eligible: 'yes', evidence: 'graphql' } });
    await page.close();
  });

  it('made no network request of its own', () => {
    expect(driver.strayRequests()).toEqual([]);
  });
});
