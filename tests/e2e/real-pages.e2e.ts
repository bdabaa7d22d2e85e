/**
 * Facebook's real markup in the browser: pages from the project's shared real material (read where they
 * are, never copied into the repository) served at Facebook's address to the built extension, with the
 * viewer's cookie where the page was saved logged in. The viewer's own posts and comments are badged
 * and stored with the audience the material's MANIFEST gives them, and nothing else is stored: no
 * wrong verdict, no one else's post. Facebook's real GraphQL answers come the same way, as the answers
 * to a page's own requests (fetch and XHR), read by the page-world hook. tests/unit/real/ reads the same
 * material in jsdom; here it is the browser's own parser and selector engine, the network hook, the
 * content script as built, the worker and IndexedDB.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serveExtra } from '../../scripts/fixture-routes.js';
import { PAGES } from '../unit/real/facebook-pages';
import { describeWithMaterial, readReal, realPath } from '../unit/real/real-material';
import type { BrowserDriver, TestPage } from './drivers/driver';
import { DRIVER_NAME, launchDriver } from './drivers/select';
import { clearStore } from './scenarios/facebook-feed';
import { settleInbox } from './scenarios/inbox';
import { ask } from './scenarios/scan';

interface RealCase {
  name: string;
  file: string;
  /** The logged-in viewer's id, as the page's c_user cookie carried it. */
  viewer: string;
  /** The viewer's own items the MANIFEST gives, as [post id, kind, audience]: what must be stored. */
  own: [string, string, string][];
  /** How many of them the page draws (the others are known only from its data, and have no badge). */
  drawn: number;
  /** The viewer's own comments on their post, whose ids the MANIFEST does not list: how many, all on `own[0]`, with its audience. */
  comments?: number;
}

const CASES: RealCase[] = [
  {
    name: "the viewer's own public post (2016 feed)",
    file: 'fbtrex-2016-post.html',
    viewer: '818251551',
    own: [['10154575795176552', 'post', 'public']],
    drawn: 1,
  },
  {
    name: 'a 2017 classic feed read as Sophie Parker: her video, her post, and her two replies on the video',
    file: 'wtm-2017-classic-newsfeed-trimmed.html',
    viewer: '1245934361',
    own: [
      ['10213443171254137', 'video', 'friends'],
      ['10213443171254137_10213443765989005', 'comment', 'friends'],
      ['10213443171254137_10213449527653043', 'comment', 'friends'],
      ['10213448655071229', 'post', 'friends'],
    ],
    drawn: 4,
  },
  {
    // Saved logged out; read as its author, whose cookie the test sets: their post and their ten comments on it.
    name: 'a 2025 Comet permalink read as its author: the post and the ten comments the author wrote on it',
    file: 'tanjin-2025-comet-permalink-loggedout-public.html',
    viewer: '100008419968650',
    own: [['3741738029450159', 'post', 'public']],
    drawn: 1,
    comments: 10,
  },
  {
    name: "a 2024 Page's post known only from the page's data, read as the Page's owner",
    file: 'garcon-2024-v2-page-a-pl-loggedout.html',
    viewer: '100028295814975',
    own: [['1054930068793510', 'post', 'public']],
    drawn: 0,
  },
];

/**
 * A page saved logged out, read with "badge everyone's posts" on: every post on it is public (the
 * MANIFEST), so every badge must say so; at least `badges` of them (its posts, and the comments the
 * MANIFEST counts), none stored (no viewer, nothing of theirs). "Unknown" would be no wrong verdict, but
 * the readers read every one of these today, in jsdom too: a badge saying it is a reading lost.
 */
interface EveryoneCase {
  file: string;
  url: string;
  badges: number;
}

const EVERYONE: EveryoneCase[] = [
  // The post and its ten comments, all by its author.
  {
    file: 'tanjin-2025-comet-permalink-loggedout-public.html',
    url: 'https://www.facebook.com/?glasshouse-real=tanjin-everyone',
    badges: 11,
  },
  // The Page's 19 posts in the legacy layout (visitors' posts sit in a side box that is not read).
  { file: 'garcon-2022-v1-page-timeline-pl-loggedout.html', url: 'https://www.facebook.com/?glasshouse-real=garcon-2022', badges: 19 },
  // m.facebook.com, 2021: a Page's two posts, and a group post.
  { file: 'kevinzg-2021-mfacebook-page-timeline-nintendo.html', url: 'https://m.facebook.com/Nintendo/posts/', badges: 2 },
  {
    file: 'kevinzg-2021-mfacebook-group-permalink.html',
    url: 'https://m.facebook.com/groups/southamericansincomputing/permalink/1629606003787605/',
    badges: 1,
  },
];

/**
 * Facebook's real GraphQL answers (saved logged in by their recorder, viewer CHASE), answering the
 * requests of a page of ours that asks for them as Facebook's own script does: the page-world hook reads
 * the answer as the browser hands it over, and the worker stores the viewer's posts in it with the
 * MANIFEST's audience. Answers asked for before the viewer's own (a decoy without posts, a Page's
 * timeline of others' posts) are read first, so the wait for the own posts also covers them.
 */
interface AnswerCase {
  name: string;
  /** The answers the page asks for, one after the other. */
  files: string[];
  /** How the page asks: Facebook's web app uses XHR; fetch is observed too. */
  via: 'fetch' | 'xhr';
  /** The viewer's posts the MANIFEST lists in them, as [post id, audience]: exactly what must be stored. */
  own: [string, string][];
}

const CHASE = '61572798227018';

const ANSWERS: AnswerCase[] = [
  {
    name: 'the profile timeline (a friends post sharing a public reel, and two posts of others in it)',
    files: ['cyd-2025-timeline-list-response.json'],
    via: 'xhr',
    own: [
      ['122113895174759940', 'friends'],
      ['122113894832759940', 'friends'],
      ['122112836672759940', 'friends'],
    ],
  },
  {
    name: 'the Manage-posts list, after the profile header (composer defaults, no posts)',
    files: ['cyd-2025-profile-header-composer-response.json', 'cyd-2025-manageposts-rootquery-response.json'],
    via: 'fetch',
    own: [
      '122128229618759940',
      '122113895558759940',
      '122113895174759940',
      '122113894832759940',
      '122112836672759940',
      '122112836432759940',
      '122106329372759940',
      '122106319964759940',
      '122106319826759940',
    ].map((id): [string, string] => [id, 'friends']),
  },
  {
    name: "the Manage-posts list's next page (public, friends and friends of friends), after a Page's timeline of public posts by others",
    files: ['fbscrape-2026-page-timeline-custom-icon-public.json', 'cyd-2025-manageposts-refetch-response.json'],
    via: 'xhr',
    own: [
      ['122106319208759940', 'friends'],
      ['1660876091473110', 'public'],
      ['122106318890759940', 'public'],
      ['122106317240759940', 'friends_of_friends'],
    ],
  },
];

/** Our page that asks for `files` in turn at /api/graphql/, as Facebook's feed script asks for its next page. */
function answeringPage(files: string[], via: AnswerCase['via']): string {
  const urls = JSON.stringify(files.map((file) => `/api/graphql/?glasshouse-real=${file}`));
  const ask =
    via === 'fetch'
      ? "(url) => fetch(url, { method: 'POST' }).then((r) => r.text())"
      : "(url) => new Promise((done) => { const x = new XMLHttpRequest(); x.open('POST', url); x.onload = () => done(x.responseText); x.send(); })";
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Facebook</title></head>
<body><div role="main"></div><script>
const ask = ${ask};
(async () => { for (const url of ${urls}) await ask(url); document.body.dataset.asked = 'all'; })();
</script></body></html>`;
}

/** The 2017 classic feed (saved logged in as someone whose id it does not give), served logged out. */
const CLASSIC_FEED = PAGES.find((page) => page.file === 'wtm-2017-classic-newsfeed-trimmed.html')!;
const CLASSIC_FEED_EVERYONE = 'https://www.facebook.com/?glasshouse-real=wtm-2017-everyone';

/** An Instagram page saved logged in, whose viewer's account privacy the page declares (the MANIFEST's truth). */
interface InstagramCase {
  file: string;
  url: string;
  viewer: string;
  privacy: 'public' | 'private';
}

const INSTAGRAM: InstagramCase[] = [
  {
    file: 'pender-2022-post-loggedin-private-viewer.html',
    url: 'https://www.instagram.com/p/Chm_-tPJqpd/',
    viewer: '183910970',
    privacy: 'private',
  },
  {
    file: 'crawlinsta-2024-reel-loggedin-public-viewer.html',
    url: 'https://www.instagram.com/reel/C10MvewSSYl/',
    viewer: '61752015707',
    privacy: 'public',
  },
  {
    file: 'alertaseguranca-2025-post-rendered-loggedin-public-viewer.html.gz',
    url: 'https://www.instagram.com/p/DQq9PJQk4TG/',
    viewer: '77167914353',
    privacy: 'public',
  },
];

/** Every row of one table of the extension's database, read from an extension page once the inbox is written. */
async function storedRows<T>(driver: BrowserDriver, table: 'posts' | 'accounts'): Promise<T[]> {
  const page = await driver.newPage();
  try {
    await page.goto(`${driver.extensionOrigin}/src/ui/popup/index.html`);
    // Batches wait in the worker's inbox until the page is quiet or a request reads: this read asks first.
    await settleInbox(page);
    return await page.evaluate(
      (name: string) =>
        new Promise<T[]>((resolve, reject) => {
          const open = indexedDB.open('glasshouse');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction(name).objectStore(name).getAll();
            request.onerror = () => reject(request.error);
            request.onsuccess = () => {
              open.result.close();
              resolve(request.result as T[]);
            };
          };
        }),
      table,
    );
  } finally {
    await page.close();
  }
}

/** Every post the extension's database holds, as [post id, kind, audience]. */
async function storedPosts(driver: BrowserDriver): Promise<[string, string, string][]> {
  const posts = await storedRows<{ postId: string; kind: string; audience: string }>(driver, 'posts');
  return posts.map((post): [string, string, string] => [post.postId, post.kind, post.audience]).sort();
}

/** Every account the extension's database holds, as [platform, account id, privacy, is the viewer]. */
async function storedAccounts(driver: BrowserDriver): Promise<[string, string, string, number][]> {
  const accounts = await storedRows<{ platform: string; accountId: string; privacy: string; isViewer: number }>(driver, 'accounts');
  return accounts.map((a): [string, string, string, number] => [a.platform, a.accountId, a.privacy, a.isViewer]).sort();
}

/** A fresh start for one case: nothing stored, default settings; then the page, once its content script runs. */
async function openOnEmptyStore(driver: BrowserDriver, url: string): Promise<TestPage> {
  await clearStore(driver);
  const page = await driver.newPage();
  await page.goto(url);
  await page.waitFor(() => document.documentElement.dataset.glasshouse === 'ready', undefined, 30_000);
  return page;
}

/** A fresh start with "badge everyone's posts" on (openOnEmptyStore would put the settings back to their defaults). */
async function openWithEveryoneBadged(driver: BrowserDriver, url: string): Promise<TestPage> {
  await clearStore(driver);
  const settings = await driver.newPage();
  await settings.goto(`${driver.extensionOrigin}/src/ui/popup/index.html`);
  expect(await ask(settings, { type: 'settings/set', settings: { badgeEveryone: true } })).toMatchObject({
    ok: true,
    badgeEveryone: true,
  });
  await settings.close();
  const page = await driver.newPage();
  await page.goto(url);
  return page;
}

/** What each badge on the page says (its `data-audience`), sorted. */
function badgeAudiences(page: TestPage): Promise<(string | null)[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-glasshouse-badge]')].map((badge) => badge.getAttribute('data-audience')).sort(),
  );
}

const files = [
  ...CASES.map((c) => realPath('facebook', c.file)),
  ...ANSWERS.flatMap((c) => c.files.map((file) => realPath('facebook', file))),
  ...EVERYONE.map((c) => realPath('facebook', c.file)),
  ...INSTAGRAM.map((c) => realPath('instagram', c.file)),
];

describeWithMaterial(`[${DRIVER_NAME}] Facebook's and Instagram's real pages, in the browser with the extension`, files, () => {
  let driver: BrowserDriver;
  beforeAll(async () => {
    for (const c of CASES)
      serveExtra(`https://www.facebook.com/?glasshouse-real=${c.file}`, readReal(realPath('facebook', c.file)), undefined, [
        `c_user=${c.viewer}`,
      ]);
    ANSWERS.forEach((c, n) => {
      serveExtra(`https://www.facebook.com/?glasshouse-real-answers=${n}`, answeringPage(c.files, c.via), undefined, [`c_user=${CHASE}`]);
      for (const file of c.files)
        serveExtra(
          `https://www.facebook.com/api/graphql/?glasshouse-real=${file}`,
          readReal(realPath('facebook', file)),
          'application/json; charset=utf-8',
        );
    });
    // Saved logged out: served so, whoever a case before was logged in as.
    for (const c of EVERYONE) serveExtra(c.url, readReal(realPath('facebook', c.file)), undefined, ['c_user=; Max-Age=0']);
    serveExtra(CLASSIC_FEED_EVERYONE, readReal(realPath('facebook', CLASSIC_FEED.file)), undefined, ['c_user=; Max-Age=0']);
    // Instagram's pages name their viewer in their own data: no cookie.
    for (const c of INSTAGRAM) serveExtra(c.url, readReal(realPath('instagram', c.file)));
    driver = await launchDriver();
  });
  afterAll(async () => {
    await driver?.close();
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const page = await openOnEmptyStore(driver, `https://www.facebook.com/?glasshouse-real=${c.file}`);
    // Stored exactly as the MANIFEST says, and nothing else (only the viewer's own things are kept).
    // Comments are keyed `<post id>_<comment id>`: the MANIFEST counts them without their ids.
    const [post, , audience] = c.own[0]!;
    const shape = (rows: [string, string, string][]) =>
      rows.map(([id, kind, said]): [string, string, string] =>
        kind === 'comment' && id.startsWith(`${post}_`) ? [`${post}_*`, kind, said] : [id, kind, said],
      );
    const comments = Array.from({ length: c.comments ?? 0 }, (): [string, string, string] => [`${post}_*`, 'comment', audience]);
    const expected = shape([...c.own, ...comments]).sort();
    await expect.poll(async () => shape(await storedPosts(driver)).sort(), { timeout: 30_000, interval: 500 }).toEqual(expected);
    // Each own item the page draws carries a badge with its audience; nobody else's is badged (the default setting).
    const badges = await badgeAudiences(page);
    const drawn = [...c.own.slice(0, c.drawn).map(([, , said]) => said), ...comments.map(([, , said]) => said)];
    expect(badges).toEqual(drawn.sort());
    await page.close();
  });

  it.each(ANSWERS.map((c, n) => [c.name, c, n] as const))(
    "GraphQL answers: %s: the viewer's posts stored with their audience, and nothing else",
    async (_name, c, n) => {
      const page = await openOnEmptyStore(driver, `https://www.facebook.com/?glasshouse-real-answers=${n}`);
      const stored = async () => (await storedPosts(driver)).map(([id, , audience]) => [id, audience]).sort();
      await expect.poll(stored, { timeout: 30_000, interval: 500 }).toEqual([...c.own].sort());
      // The page asked for every answer (each after the one before had come), so the earlier ones were read too.
      await page.waitFor(() => document.body.dataset.asked === 'all');
      await page.close();
    },
  );

  it.each(EVERYONE.map((c) => [c.file, c] as const))(
    "%s, logged out, everyone's posts badged: every badge says public, and nothing is stored",
    async (_file, c) => {
      const page = await openWithEveryoneBadged(driver, c.url);
      await page.waitFor((n) => document.querySelectorAll('[data-glasshouse-badge]').length >= n, c.badges, 30_000);
      expect((await badgeAudiences(page)).filter((audience) => audience !== 'public')).toEqual([]);
      expect(await storedPosts(driver)).toEqual([]);
      await page.close();
    },
  );

  it("the 2017 classic feed, logged out, everyone's posts badged: each story's badge says the MANIFEST's audience, in the page's order, and its comments' badges say the same", async () => {
    const page = await openWithEveryoneBadged(driver, CLASSIC_FEED_EVERYONE);
    // Friends, public, custom, and group posts whose label does not say whether the group is public
    // (unknown): in the stories' order, as the MANIFEST lists them.
    const expected = CLASSIC_FEED.posts.filter((truth) => !truth.unread).map((truth) => truth.audience);
    // Per story of the classic markup, its own badges and its comments' (the legacy class of 2013–19).
    const stories = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('[data-testid="fbfeed_story"]')].map((story) => {
          const badges = [...story.querySelectorAll('[data-glasshouse-badge]')];
          const said = (inComment: boolean) =>
            badges
              .filter((badge) => (badge.closest('.UFIComment') !== null) === inComment)
              .map((badge) => badge.getAttribute('data-audience'));
          return { post: said(false), comments: said(true) };
        }),
      );
    await expect.poll(async () => (await stories()).flatMap((story) => story.post), { timeout: 30_000, interval: 500 }).toEqual(expected);
    // A comment has its post's audience: each comment badge says what its story's badge says.
    const read = await stories();
    for (const [n, story] of read.entries()) for (const said of story.comments) expect(story.post, `story ${n}`).toContain(said);
    expect(read.reduce((sum, story) => sum + story.comments.length, 0)).toBeGreaterThan(0);
    expect(await storedPosts(driver)).toEqual([]);
    await page.close();
  });

  it.each(INSTAGRAM.map((c) => [c.file, c] as const))(
    "%s: keeps the viewer's account with the privacy the page declares, and no one else's",
    async (_file, c) => {
      const page = await openOnEmptyStore(driver, c.url);
      await expect.poll(() => storedAccounts(driver), { timeout: 30_000, interval: 500 }).toEqual([['instagram', c.viewer, c.privacy, 1]]);
      await page.close();
    },
  );

  it("made no network request from the extension's own pages or worker", () => {
    // The real pages ask for their own scripts, styles and images (all refused here), and a content
    // script's request would look like the page's: the whole of "nothing leaves the machine" is proven
    // on the fixture pages, which ask for nothing themselves (foundation.e2e.ts and the others).
    expect(driver.strayRequests().filter((request) => request.from === 'extension')).toEqual([]);
  });
});
