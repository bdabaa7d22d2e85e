import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserDriver } from './drivers/driver';
import { DRIVER_NAME, launchDriver } from './drivers/select';
import { badgesOn, openReady, popupTotals } from './scenarios/facebook-feed';

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
    const page = await openReady(driver, 'https://www.facebook.com/');
    await page.waitFor(() => document.querySelectorAll('[data-glasshouse-badge]').length >= 5);
    const survived = await page.evaluate(async () => {
      const forge = (data: unknown) => window.postMessage(data, location.origin);
      forge({ source: 'glasshouse:page-world', kind: 'response', url: 'x', body: 42 });
      forge({ source: 'glasshouse:page-world', kind: 'response', url: 'x', body: 'x'.repeat(5 * 1024 * 1024) });
      forge({ source: 'glasshouse:page-world', kind: 'eval', body: 'alert(1)' });
      forge({ source: 'glasshouse:page-world', kind: 'response', url: 'x', body: '{"__proto__":{"polluted":1},"data":' });
      forge('glasshouse:page-world');
      await new Promise((done) => setTimeout(done, 300));
      return document.documentElement.dataset.glasshouse === 'ready' && ({} as { polluted?: number }).polluted === undefined;
    });
    expect(survived).toBe(true);
    await page.close();
  });

  it('updates the badge and the stored history when the user changes a post audience', async () => {
    const page = await openReady(driver, 'https://www.facebook.com/');
    await page.waitFor(() => document.querySelectorAll('[data-glasshouse-badge]').length >= 5);
    // Wait until this page's findings are stored: the counts stop moving.
    let before = await popupTotals(driver);
    for (let settled = false; !settled; ) {
      await new Promise((done) => setTimeout(done, 800));
      const now = await popupTotals(driver);
      settled = JSON.stringify(now) === JSON.stringify(before);
      before = now;
    }
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
      .poll(async () => (await popupTotals(driver)).facebook?.eligible, { timeout: 10_000, interval: 300 })
      .toBe((before.facebook?.eligible ?? 0) + 1);
    await page.close();
  });

  it("draws every badge with the shared stylesheet, in a fixed-height box of its own (the sheet applies in this browser's content scripts)", async () => {
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
      // Without the sheet the host is a bare inline span: the sheet's :host rule is what makes it this box.
      expect(box).toMatchObject({ display: 'inline-block', height: '20px' });
      expect(box.contain).toMatch(/layout/);
      // The pill inside is laid out: its dot, padding and words give the box its width.
      expect(box.width).toBeGreaterThan(40);
    }
    await page.close();
  });

  it('made no network request of its own', () => {
    expect(driver.strayRequests()).toEqual([]);
  });
});
