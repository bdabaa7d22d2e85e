import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserDriver } from './drivers/driver';
import { DRIVER_NAME, launchDriver } from './drivers/select';
import { badgesOn, clearStore, openReady, storedTotals } from './scenarios/facebook-feed';

/** What each fixture page must show: test id → [audience, eligible, evidence]; null = no badge. */
const EXPECTED: Record<string, Record<string, [string, string, string] | null>> = {
  'https://www.facebook.com/alice.martin': {
    'fr1-data-beats-label': ['public', 'yes', 'embedded-json'],
    'fr2-legacy-only-me': ['only_me', 'no', 'embedded-json'],
    'fr3-description': ['friends', 'no', 'embedded-json'],
    'fr5-label-only': ['public', 'yes', 'label'],
  },
  'https://www.facebook.com/alice.martin/posts/pfbid02de1': {
    'de-own-public': ['public', 'yes', 'label'],
    'de-other-comment': null,
    'de-own-reply': ['public', 'yes', 'label'],
  },
  'https://www.facebook.com/groups/ogrodnicy/': {
    'pl-public-group-own': ['public_group', 'yes', 'label'],
    'pl-private-group-own': ['private_group', 'no', 'label'],
    'pl-public-group-other': null,
    'pl-own-comment-public-group': ['public_group', 'yes', 'label'],
  },
  'https://www.facebook.com/?sk=it': {
    'it-own-public': ['public', 'yes', 'label'],
    'it-own-friends-of-friends': ['friends_of_friends', 'no', 'label'],
    'es-own-public': ['public', 'yes', 'label'],
    'es-own-only-me': ['only_me', 'no', 'label'],
  },
  'https://www.facebook.com/?sk=legacy': {
    'legacy-i-public': ['public', 'yes', 'label'],
    'legacy-img-friends': ['friends', 'no', 'label'],
    'legacy-link-public': ['public', 'yes', 'label'],
  },
  'https://www.facebook.com/?sk=changed': {
    'x-no-icon': ['unknown', 'unknown', 'none'],
    'x-unknown-word': ['unknown', 'unknown', 'none'],
    'x-unknown-language': ['unknown', 'unknown', 'none'],
    'x-css-icon': ['unknown', 'unknown', 'none'],
    'x-unknown-icon-name': ['unknown', 'unknown', 'none'],
    'x-reshare-without-own-icon': ['unknown', 'unknown', 'none'],
  },
};

/** What https://www.facebook.com/ (feed-en.html) stores: five own items, two of them public. */
const FEED_STORED = { eligible: 2, notEligible: 3, unknown: 0 };

/** A public own story as the GraphQL answer of feed-graphql-en.html carries it, under another id. */
function lateStory(postId: string): unknown {
  const [line = ''] = readFileSync('tests/fixtures/facebook/graphql-feed-response.json', 'utf8').split('\n');
  return JSON.parse(
    line.replaceAll('"S6101"', `"S${postId}"`).replaceAll('"6101"', `"${postId}"`).replace('pfbid02gql1', `pfbid02late${postId}`),
  );
}

describe(`[${DRIVER_NAME}] Facebook badges`, () => {
  let driver: BrowserDriver;
  beforeAll(async () => {
    driver = await launchDriver();
  });
  afterAll(async () => {
    await driver?.close();
  });

  for (const [url, expected] of Object.entries(EXPECTED)) {
    it(`shows the right badge on each post of ${url}`, async () => {
      const page = await openReady(driver, url);
      const wanted = Object.values(expected).filter(Boolean).length;
      await page.waitFor((n) => document.querySelectorAll('[data-glasshouse-badge]').length >= n, wanted);
      const badges = await badgesOn(page);
      for (const [id, want] of Object.entries(expected)) {
        if (want === null) expect(badges[id]?.count, id).toBe(0);
        else expect(badges[id], id).toMatchObject({ audience: want[0], eligible: want[1], evidence: want[2], count: 1 });
      }
      await page.close();
    });
  }

  it('reads stories that arrive by GraphQL through the page-world bridge', async () => {
    const page = await openReady(driver, 'https://www.facebook.com/?sk=graphql');
    await page.waitFor(() => document.querySelectorAll('[data-glasshouse-badge]').length >= 2);
    const badges = await badgesOn(page);
    expect(badges['gql-6101']).toMatchObject({ audience: 'public', eligible: 'yes', evidence: 'graphql' });
    expect(badges['gql-6102']).toMatchObject({ audience: 'unknown', eligible: 'unknown' });
    await page.close();
  });

  it('ignores forged bridge messages that are malformed or oversized, and keeps working', async () => {
    const page = await openReady(driver, 'https://www.facebook.com/?sk=graphql');
    await page.waitFor(() => document.querySelectorAll('[data-glasshouse-badge]').length >= 2);
    const before = Object.keys(await badgesOn(page)).sort();
    const polluted = await page.evaluate(
      ({ source, story }) => {
        const forge = (data: unknown) => window.postMessage(data, location.origin);
        forge({ source, kind: 'response', url: 'x', body: 42 });
        forge({ source, kind: 'response', url: 'x', body: 'x'.repeat(5 * 1024 * 1024) });
        forge({ source, kind: 'eval', body: 'alert(1)' });
        forge({ source, kind: 'response', url: 'x', body: '{"__proto__":{"polluted":1},"data":' });
        forge(source);
        // Then a well-formed answer, and its post drawn without a label, as the page's script does: its
        // badge says public only from that answer, read after every forged message before it.
        forge({ source, kind: 'response', url: '/api/graphql/', body: JSON.stringify(story) });
        const article = document.createElement('div');
        article.setAttribute('role', 'article');
        article.id = 'gql-6109';
        const author = Object.assign(document.createElement('a'), { href: 'https://www.facebook.com/alice.martin', textContent: 'Alice' });
        const heading = document.createElement('h2');
        heading.append(author);
        const time = Object.assign(document.createElement('a'), {
          href: 'https://www.facebook.com/alice.martin/posts/pfbid02late6109',
          textContent: '1h',
        });
        article.append(heading, time);
        document.getElementById('feed')!.append(article);
        return ({} as { polluted?: number }).polluted !== undefined;
      },
      { source: 'glasshouse:page-world', story: lateStory('6109') },
    );
    await page.waitFor(() => document.querySelector('#gql-6109 [data-glasshouse-badge]')?.getAttribute('data-audience') === 'public');
    const badges = await badgesOn(page);
    expect(polluted).toBe(false);
    expect(badges['gql-6109']).toMatchObject({ audience: 'public', eligible: 'yes', evidence: 'graphql', count: 1 });
    // Nothing else was added or changed by the forged messages.
    expect(
      Object.keys(badges)
        .filter((id) => id !== 'gql-6109')
        .sort(),
    ).toEqual(before);
    expect(await page.evaluate(() => document.documentElement.dataset.glasshouse)).toBe('ready');
    await page.close();
  });

  it('updates the badge and the stored history when the user changes a post audience', async () => {
    // From an empty store, so the counts below are this page's alone, whatever ran before.
    await clearStore(driver);
    const page = await openReady(driver, 'https://www.facebook.com/');
    await page.waitFor(() => document.querySelectorAll('[data-glasshouse-badge]').length >= 5);
    // This page's five own items are stored (2 public, 3 not): only then is a change measurable.
    await expect.poll(async () => (await storedTotals(driver)).facebook, { timeout: 20_000 }).toEqual(FEED_STORED);
    // What Facebook's UI does after "Edit audience": the header icon is replaced by a new one.
    await page.evaluate(() => {
      const svg = document.querySelector('#own-friends svg[title]')!;
      const fresh = svg.cloneNode(true) as Element;
      fresh.setAttribute('title', 'Shared with Public');
      fresh.querySelector('title')!.textContent = 'Shared with Public';
      svg.replaceWith(fresh);
    });
    await page.waitFor(() => document.querySelector('#own-friends [data-glasshouse-badge]')?.getAttribute('data-audience') === 'public');
    const badges = await badgesOn(page);
    expect(badges['own-friends']).toMatchObject({ audience: 'public', eligible: 'yes', count: 1 });
    await expect
      .poll(async () => (await storedTotals(driver)).facebook, { timeout: 20_000 })
      .toEqual({ ...FEED_STORED, eligible: FEED_STORED.eligible + 1, notEligible: FEED_STORED.notEligible - 1 });
    await page.close();
  });

  it("draws every badge in a fixed-height box of its own (its inline styles apply in this browser's content scripts)", async () => {
    const page = await openReady(driver, 'https://www.facebook.com/alice.martin');
    await page.waitFor(() => document.querySelectorAll('[data-glasshouse-badge]').length >= 4);
    const boxes = await page.evaluate(() =>
      // The posts' badges (the profile and cover photos' sit in their image elements, which show no children).
      [...document.querySelectorAll('[role="article"] [data-glasshouse-badge]')].map((host) => {
        const style = getComputedStyle(host);
        return { display: style.display, height: style.height, contain: style.contain, width: host.getBoundingClientRect().width };
      }),
    );
    expect(boxes.length).toBeGreaterThanOrEqual(4);
    for (const box of boxes) {
      // Without its inline style the host is a bare inline span: the style is what makes it this box.
      expect(box).toMatchObject({ display: 'inline-block', height: '20px' });
      // No containment: it made each badge a paint layer of its own (bench/notes/page-overhead.md).
      expect(box.contain).toBe('none');
      // The pill inside is laid out: its dot, padding and words give the box its width.
      expect(box.width).toBeGreaterThan(40);
    }
    await page.close();
  });

  it('made no network request of its own', () => {
    expect(driver.strayRequests()).toEqual([]);
  });
});
