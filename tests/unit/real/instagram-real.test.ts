// @vitest-environment jsdom
// @vitest-environment-options { "url": "https://www.instagram.com/", "runScripts": "outside-only" }
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, expect, it } from 'vitest';
import type { AccountObservation, DetectedPost, OwnFinding } from '../../../src/core';
import { DEFAULT_SETTINGS } from '../../../src/core';
import { describeWithMaterial, readReal, realPath } from './real-material';
import { PageWatch } from '../../../src/content/page-watch';
import { instagramAdapter } from '../../../src/platforms/instagram';
import { auditPage } from '../../../src/cli/audit';

/**
 * The truth per real file, transcribed from real/instagram/MANIFEST.md (the judge, not the code):
 * who is logged in and whether that account is public or private. `viewer: null` = nobody may be
 * taken for the viewer (logged out, redacted, or an answer that names no viewer); privacy 'unknown'
 * = the file names the viewer but cannot say their account's privacy.
 */
interface FileTruth {
  file: string;
  /** A saved page (read as the content script and the CLI would) or a captured answer (a network payload). */
  shape: 'page' | 'answer';
  /** Pages: the address the page was saved at; `declared` when the page itself states it. */
  url?: string;
  declared?: boolean;
  viewer: { id: string; privacy: 'public' | 'private' | 'unknown' } | null;
}

const TRUTH: readonly FileTruth[] = [
  {
    file: 'pender-2022-post-loggedin-private-viewer.html',
    shape: 'page',
    url: 'https://www.instagram.com/p/Chm_-tPJqpd/',
    declared: true,
    viewer: { id: '183910970', privacy: 'private' },
  },
  {
    file: 'pender-2022-profile-megadeth-loggedin-private-viewer.html',
    shape: 'page',
    url: 'https://www.instagram.com/megadeth/',
    declared: false,
    viewer: { id: '183910970', privacy: 'private' },
  },
  { file: 'pender-2022-v1-media-info-retrobayarea.json', shape: 'answer', viewer: null },
  {
    file: 'crawlinsta-2024-reel-loggedin-public-viewer.html',
    shape: 'page',
    url: 'https://www.instagram.com/reel/C10MvewSSYl/',
    declared: true,
    viewer: { id: '61752015707', privacy: 'public' },
  },
  { file: 'crawlinsta-2024-graphql-user-timeline-xdt_viewer.json', shape: 'answer', viewer: { id: '61752015707', privacy: 'unknown' } },
  { file: 'crawlinsta-2024-graphql-clips-xdt_viewer.json', shape: 'answer', viewer: { id: '61752015707', privacy: 'unknown' } },
  { file: 'crawlinsta-2024-web_profile_info-nasa.json', shape: 'answer', viewer: null },
  { file: 'crawlinsta-2024-web_profile_info-anasaiaofficial.json', shape: 'answer', viewer: null },
  { file: 'crawlinsta-2024-v1-followers.json', shape: 'answer', viewer: null },
  { file: 'crawlinsta-2024-graphql-comments.json', shape: 'answer', viewer: null },
  {
    file: 'metascraper-2021-profile-pluto__travel-loggedin-public-viewer.html',
    shape: 'page',
    url: 'https://www.instagram.com/pluto__travel/',
    declared: true,
    viewer: { id: '31031468', privacy: 'public' },
  },
  {
    file: 'metascraper-2021-post-loggedout.html',
    shape: 'page',
    url: 'https://www.instagram.com/p/CPeC-Eenc8l/',
    declared: true,
    viewer: null,
  },
  {
    file: 'pgrimaud-2020-location-loggedin-public-viewer.html',
    shape: 'page',
    url: 'https://www.instagram.com/explore/locations/558750588/united-states/brooklyn-new-york/little-choc-apothecary/',
    declared: true,
    viewer: { id: '35781928511', privacy: 'public' },
  },
  {
    file: 'pgrimaud-2020-profile-robertdowneyjr-loggedin-redacted-viewer.html',
    shape: 'page',
    url: 'https://www.instagram.com/robertdowneyjr/',
    declared: true,
    viewer: null,
  },
  {
    file: 'pgrimaud-2023-profile-noholita-loggedout.html',
    shape: 'page',
    url: 'https://www.instagram.com/noholita/',
    declared: true,
    viewer: null,
  },
  { file: 'pgrimaud-2020-graphql-followers.json', shape: 'answer', viewer: null },
  { file: 'pgrimaud-2023-web_profile_info-robertdowneyjr.json', shape: 'answer', viewer: null },
  {
    file: 'alertaseguranca-2025-post-rendered-loggedin-public-viewer.html.gz',
    shape: 'page',
    url: 'https://www.instagram.com/p/DQq9PJQk4TG/',
    declared: true,
    viewer: { id: '77167914353', privacy: 'public' },
  },
];

/** Accounts whose privacy the MANIFEST states (the viewers above, and the public accounts the files show). */
const ACCOUNTS: readonly { id?: string; username?: string; privacy: 'public' | 'private' }[] = [
  { id: '183910970', privacy: 'private' },
  { id: '61752015707', privacy: 'public' },
  { id: '31031468', privacy: 'public' },
  { id: '35781928511', privacy: 'public' },
  { id: '77167914353', privacy: 'public' },
  { id: '52222405344', username: 'retrobayarea', privacy: 'public' },
  { id: '25519719', username: 'ninamukhar', privacy: 'public' },
  { id: '50269116275', username: 'anasaiaofficial', privacy: 'public' },
  { id: '528817151', username: 'nasa', privacy: 'public' },
  { id: '3640900328', username: 'pluto__travel', privacy: 'public' },
  { id: '1518284433', username: 'robertdowneyjr', privacy: 'public' },
  { id: '36073781', username: 'opovoonline', privacy: 'public' },
  { username: 'willyrex', privacy: 'public' },
  { username: 'noholita', privacy: 'public' },
];

const AUDIENCE_OF = { public: 'public_account', private: 'private_account' } as const;

function truthOf(post: DetectedPost): 'public' | 'private' | undefined {
  const account = ACCOUNTS.find(
    (a) => (a.id !== undefined && a.id === post.ownerId) || (a.username !== undefined && a.username === (post.ownerName ?? post.ownerId)),
  );
  return account?.privacy;
}

/** Right, wrong or unknown against the MANIFEST; `unjudged` when it says nothing of the account. */
interface Score {
  right: number;
  wrong: number;
  unknown: number;
  unjudged: number;
}

/** One file's reading, as the report's table shows it. */
interface Reading {
  viewer: string;
  privacy: string;
  posts: number;
  own: Score;
  others: Score;
  /** Comments take their post's audience: judged against the post's owner. */
  comments: Score;
  /** Comments whose excerpt is their author's username instead of their text. */
  excerptIsAuthor: number;
}

const score = (): Score => ({ right: 0, wrong: 0, unknown: 0, unjudged: 0 });

function judge(into: Score, audience: DetectedPost['audience'], truth: 'public' | 'private' | undefined): void {
  if (audience === 'unknown') into.unknown += 1;
  else if (truth === undefined) into.unjudged += 1;
  else if (audience === AUDIENCE_OF[truth]) into.right += 1;
  else into.wrong += 1;
}

function tally(posts: readonly DetectedPost[], viewerTruth: FileTruth['viewer']): Omit<Reading, 'viewer' | 'privacy'> {
  const own = score();
  const others = score();
  const comments = score();
  const viewerPrivacy = viewerTruth?.privacy === 'unknown' ? undefined : viewerTruth?.privacy;
  const ownerTruth = new Map<string, 'public' | 'private' | undefined>();
  for (const post of posts) {
    if (post.kind === 'comment') continue;
    const truth = post.isOwn ? viewerPrivacy : truthOf(post);
    ownerTruth.set(post.postId, truth);
    // An own post whose privacy the file cannot say, yet called known, is wrong: nothing showed it.
    if (post.isOwn && truth === undefined && post.audience !== 'unknown') own.wrong += 1;
    else judge(post.isOwn ? own : others, post.audience, truth);
  }
  const commentPosts = posts.filter((p) => p.kind === 'comment');
  for (const comment of commentPosts) judge(comments, comment.audience, ownerTruth.get(comment.parentPostId ?? ''));
  const excerptIsAuthor = commentPosts.filter((c) => c.excerpt !== undefined && c.excerpt === c.ownerName).length;
  return { posts: posts.length - commentPosts.length, own, others, comments, excerptIsAuthor };
}

type Batch = { batchId: string; findings: OwnFinding[]; accounts?: AccountObservation[] };
const live: { stop(): void }[] = [];
const NOW = Date.UTC(2026, 11, 2);

function clearCookie() {
  document.cookie = 'ds_user_id=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
}

afterEach(() => {
  live.splice(0).forEach((watch) => watch.stop());
  clearCookie();
});

/** Puts a saved page in the test's document at its address, as the browser would show it. */
function showPage(html: string, url: string) {
  history.replaceState(null, '', url);
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.head.replaceChildren(...[...parsed.head.childNodes].map((n) => document.importNode(n, true)));
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
}

/** The content script's path: PageWatch with the Instagram adapter; what it queues for the worker. */
async function watchPage(url: string, answer?: string) {
  const batches: Batch[] = [];
  const watch = new PageWatch({
    adapter: instagramAdapter,
    doc: document,
    settings: DEFAULT_SETTINGS,
    send: (async (batch: Batch) => (batches.push(batch), { ok: true })) as never,
    now: () => NOW,
  });
  watch.start();
  live.push(watch);
  if (answer !== undefined) watch.readNetworkPayload(answer);
  await watch.queue.flush();
  const posts = [...watch.session.scan(document).map((item) => item.post), ...watch.session.dataOnlyPosts()];
  return {
    viewer: watch.session.viewer,
    findings: batches.flatMap((b) => b.findings),
    accounts: batches.flatMap((b) => b.accounts ?? []),
    posts,
  };
}

const rows = new Map<string, { watch?: Reading; cli?: Reading }>();

function reading(
  viewer: { id: string } | null,
  accounts: readonly AccountObservation[],
  posts: readonly DetectedPost[],
  truth: FileTruth,
): Reading {
  const own = accounts.find((a) => a.isViewer);
  return { viewer: viewer?.id ?? '—', privacy: own?.privacy ?? '—', ...tally(posts, truth.viewer) };
}

/** What every reading must say of a file, whichever path read it. */
function expectTrue(read: Reading, truth: FileTruth, accounts: readonly AccountObservation[], posts: readonly DetectedPost[]) {
  const viewerAccounts = accounts.filter((a) => a.isViewer);
  if (truth.viewer === null) {
    expect(read.viewer).toBe('—');
    expect(viewerAccounts).toEqual([]);
    expect(posts.filter((p) => p.isOwn)).toEqual([]);
  } else {
    expect(read.viewer).toBe(truth.viewer.id);
    expect(viewerAccounts.every((a) => a.accountId === truth.viewer!.id)).toBe(true);
    if (truth.viewer.privacy === 'unknown') expect(viewerAccounts.filter((a) => a.privacy !== 'unknown')).toEqual([]);
    else expect(viewerAccounts.map((a) => a.privacy)).toEqual([truth.viewer.privacy]);
  }
  expect(read.own.wrong).toBe(0);
  expect(read.others.wrong).toBe(0);
  expect(read.comments.wrong).toBe(0);
  // Another account's privacy is never the viewer's: every account's reading agrees with the MANIFEST.
  for (const account of accounts) {
    const known = ACCOUNTS.find((a) => a.id === account.accountId);
    if (known && account.privacy !== 'unknown') expect(account.privacy, account.accountId).toBe(known.privacy);
  }
}

const FILES = TRUTH.map((row) => realPath('instagram', row.file));

describeWithMaterial('the real Instagram material (2020–2025), against its MANIFEST', FILES, () => {
  it('has a truth row for every real file and no row without a file', () => {
    const present = readdirSync(path.dirname(FILES[0]!)).filter((name) => name !== 'MANIFEST.md');
    expect([...present].sort()).toEqual(TRUTH.map((row) => row.file).sort());
  });

  for (const truth of TRUTH) {
    const file = realPath('instagram', truth.file);
    if (truth.shape === 'page') {
      it(`${truth.file}: the content script finds ${truth.viewer ? `viewer ${truth.viewer.id}, ${truth.viewer.privacy}` : 'no viewer'}`, async () => {
        showPage(readReal(file), truth.url!);
        const seen = await watchPage(truth.url!);
        const read = reading(seen.viewer, seen.accounts, seen.posts, truth);
        rows.set(truth.file, { ...rows.get(truth.file), watch: read });
        expectTrue(read, truth, seen.accounts, seen.posts);
        expect(seen.findings.every((f) => f.isOwn && truth.viewer !== null)).toBe(true);
      });

      it(`${truth.file}: the command line finds the same`, async () => {
        const audit = await auditPage(readReal(file), truth.declared ? undefined : truth.url);
        expect(audit.recognised).toBe(true);
        if (!audit.recognised) return;
        expect(audit.platform).toBe('instagram');
        const read = reading(audit.viewer, audit.accounts, audit.posts, truth);
        rows.set(truth.file, { ...rows.get(truth.file), cli: read });
        expectTrue(read, truth, audit.accounts, audit.posts);
      });
    } else {
      it(`${truth.file}: read as a network answer, it gives ${truth.viewer ? `viewer ${truth.viewer.id}` : 'no viewer'} and no wrong privacy`, async () => {
        showPage('<!DOCTYPE html><html><head></head><body></body></html>', 'https://www.instagram.com/');
        const seen = await watchPage('https://www.instagram.com/', readReal(file));
        const read = reading(seen.viewer, seen.accounts, seen.posts, truth);
        rows.set(truth.file, { watch: read });
        expectTrue(read, truth, seen.accounts, seen.posts);
      });
    }
  }

  it('logged-in pages of 2022–25: CurrentUserInitialData.USER_ID is "0", NON_FACEBOOK_USER_ID the viewer\'s fbid, neither taken for the viewer', async () => {
    const withInitialData = TRUTH.filter(
      (row) => row.shape === 'page' && readReal(realPath('instagram', row.file)).includes('CurrentUserInitialData'),
    );
    expect(withInitialData.map((row) => row.file.slice(0, row.file.indexOf('-', row.file.indexOf('-') + 1)))).toEqual([
      'pender-2022',
      'pender-2022',
      'crawlinsta-2024',
      'alertaseguranca-2025',
    ]);
    for (const row of withInitialData) {
      const text = readReal(realPath('instagram', row.file));
      const userIds = new Set([...text.matchAll(/"USER_ID":\s*"(\d+)"/g)].map((m) => m[1]));
      const nonFacebookIds = new Set([...text.matchAll(/"NON_FACEBOOK_USER_ID":\s*"(\d+)"/g)].map((m) => m[1]));
      // The viewer's own user object (PolarisViewer data, or the 2022 config.viewer) carries the same fbid.
      const fbids = new Set([...text.matchAll(/\\?"fbid\\?":\s*\\?"([1-9]\d+)/g)].map((m) => m[1]));
      expect([...userIds], row.file).toEqual(['0']);
      expect(nonFacebookIds.size, row.file).toBe(1);
      expect(fbids, row.file).toContain([...nonFacebookIds][0]);
      const audit = await auditPage(text, row.declared ? undefined : row.url);
      const viewer = audit.recognised ? audit.viewer : null;
      expect(viewer?.id, row.file).toBe(row.viewer!.id);
      expect([...nonFacebookIds], row.file).not.toContain(viewer?.id);
    }
  });

  it('2024–25 pages name the viewer in PolarisViewer with id, username and is_private; 2022 pages in XIGSharedData config.viewer', async () => {
    for (const name of [
      'crawlinsta-2024-reel-loggedin-public-viewer.html',
      'alertaseguranca-2025-post-rendered-loggedin-public-viewer.html.gz',
    ]) {
      const truth = TRUTH.find((row) => row.file === name)!;
      const text = readReal(realPath('instagram', name));
      expect(text).toMatch(/\["PolarisViewer",\[\],\{"data":\{[^\]]*"id":"\d+"[^\]]*"is_private":(true|false)[^\]]*"username":"[^"]+"/);
      expect(text).not.toContain('"viewerId"');
      const audit = await auditPage(text);
      if (!audit.recognised) throw new Error(`${name} not recognised`);
      expect(audit.viewer).toMatchObject({ id: truth.viewer!.id, username: expect.any(String) });
      expect(audit.accounts.find((a) => a.isViewer)).toMatchObject({ privacy: truth.viewer!.privacy, evidence: 'embedded-json' });
    }
    const text = readReal(realPath('instagram', 'pender-2022-post-loggedin-private-viewer.html'));
    expect(text).toContain('XIGSharedData');
    expect(text).toMatch(/\\"viewer\\":\{[^}]*\\"is_private\\":true/);
  });

  it('a pretty-printed answer (one JSON document over many lines) is read whole: its post, of a public account', async () => {
    const text = readReal(realPath('instagram', 'pender-2022-v1-media-info-retrobayarea.json'));
    expect(text.split('\n').length).toBeGreaterThan(100);
    showPage('<!DOCTYPE html><html><head></head><body></body></html>', 'https://www.instagram.com/p/Chm_-tPJqpd/');
    const seen = await watchPage('https://www.instagram.com/p/Chm_-tPJqpd/', text);
    expect(seen.posts).toEqual([
      expect.objectContaining({
        postId: 'Chm_-tPJqpd',
        ownerId: '52222405344',
        isOwn: false,
        audience: 'public_account',
        evidence: 'graphql',
      }),
    ]);
  });

  it('xdt_viewer never overrides the ds_user_id cookie', async () => {
    document.cookie = 'ds_user_id=48151623420; path=/';
    showPage('<!DOCTYPE html><html><head></head><body></body></html>', 'https://www.instagram.com/');
    const seen = await watchPage(
      'https://www.instagram.com/',
      readReal(realPath('instagram', 'crawlinsta-2024-graphql-user-timeline-xdt_viewer.json')),
    );
    expect(seen.viewer?.id).toBe('48151623420');
    expect(seen.posts.filter((p) => p.isOwn)).toEqual([]);
  });

  it("the 2025 rendered post page gives each comment its text as excerpt, never its author's name", async () => {
    const file = realPath('instagram', 'alertaseguranca-2025-post-rendered-loggedin-public-viewer.html.gz');
    const audit = await auditPage(readReal(file));
    if (!audit.recognised) throw new Error('not recognised');
    const comments = audit.posts.filter((p) => p.kind === 'comment');
    expect(comments).toHaveLength(5);
    showPage(readReal(file), 'https://www.instagram.com/p/DQq9PJQk4TG/');
    const pageText = (document.querySelector('main')?.textContent ?? '').replace(/\s+/g, ' ');
    for (const comment of comments) {
      expect(comment.excerpt, comment.postId).toBeDefined();
      expect(comment.excerpt!.startsWith(comment.ownerName!), comment.postId).toBe(false);
      expect(pageText).toContain(comment.excerpt!);
    }
  });

  afterAll(() => {
    if (!process.env.GLASSHOUSE_REAL_REPORT) return;
    const tri = (x: Score) => `${x.right}/${x.wrong}/${x.unknown}/${x.unjudged}`;
    const cell = (r: Reading | undefined) =>
      r
        ? `${r.viewer} | ${r.privacy} | ${r.posts} | ${tri(r.own)} | ${tri(r.others)} | ${tri(r.comments)} | ${r.excerptIsAuthor}`
        : '— | — | — | — | — | — | —';
    const lines = [
      '| file | path | viewer | viewer privacy | posts | own r/w/u/nj | others r/w/u/nj | comments r/w/u/nj | excerpt = author |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ];
    for (const truth of TRUTH) {
      const row = rows.get(truth.file);
      lines.push(`| ${truth.file} | page-watch | ${cell(row?.watch)} |`);
      if (truth.shape === 'page') lines.push(`| ${truth.file} | cli | ${cell(row?.cli)} |`);
    }
    console.log(lines.join('\n'));
  });
});
