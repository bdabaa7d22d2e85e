// @vitest-environment jsdom
// @vitest-environment-options { "url": "https://www.facebook.com/" }
/**
 * Facebook's real markup, 2016–2025, read through both ways in: the command line's page reader and
 * the content script's PageWatch. The truth per post is transcribed from the material's MANIFEST
 * (which reads it from the page, never from Glasshouse): each post reads its truth, or unknown
 * where the markup cannot say; never a wrong verdict, never a wrong author.
 */
import { afterEach, expect, it } from 'vitest';
import type { Audience, DetectedPost, OwnFinding } from '../../../src/core';
import { DEFAULT_SETTINGS } from '../../../src/core';
import { describeWithMaterial, readReal, realPath } from './real-material';
import { PageWatch } from '../../../src/content/page-watch';
import { facebookAdapter } from '../../../src/platforms/facebook';
import { auditPage } from '../../../src/cli/audit';

interface Truth {
  /** The post's key (its permalink's id); null where the page shows no permalink (sponsored stories). */
  id: string | null;
  /** The author as a link names them: numeric id and/or username. Empty: the page links no author. */
  author: readonly string[];
  audience: Audience;
  /** The viewer's own post. */
  own?: true;
  /** A post the detector is not expected to find (a shape it does not read): absent is fine, wrong is not. */
  unread?: true;
}

interface RealPage {
  file: string;
  /** The fragments carry no address of their own. */
  url?: string;
  /** The logged-in viewer's id (its c_user cookie). */
  viewer?: string;
  posts: Truth[];
  /** Comments the MANIFEST gives a truth for. */
  comments?: { count: number; audience: Audience; author: readonly string[] };
}

const FEED = 'https://www.facebook.com/';
const ALBERTO = '818251551';
const FRIENDS: Audience = 'friends';
/** "Members of <group>": whether the group is public the label does not say. */
const GROUP_UNSAID: Audience = 'unknown';
const group = (id: string, author: string): Truth => ({ id, author: [author], audience: GROUP_UNSAID });

const PAGES: RealPage[] = [
  {
    file: 'fbtrex-2016-post.html',
    url: FEED,
    viewer: ALBERTO,
    posts: [{ id: '10154575795176552', author: [ALBERTO, 'agranzot'], audience: 'public', own: true }],
  },
  {
    file: 'fbtrex-2016-post01.html',
    url: FEED,
    viewer: ALBERTO,
    posts: [{ id: '1132045500176946', author: ['158503560864483'], audience: 'custom' }],
  },
  {
    file: 'fbtrex-2016-post02.html',
    url: FEED,
    viewer: ALBERTO,
    posts: [{ id: '10154603530677053', author: ['502992052', 'lastknight'], audience: 'public' }],
  },
  {
    // The context line "Caterina Porcellini replied to a comment on this" comes first: the post is Edoardo Pavesi's.
    file: 'fbtrex-2016-postCommentedByFriend.html',
    url: FEED,
    viewer: ALBERTO,
    posts: [{ id: '10210966616944881', author: ['1337551372', 'dodo.pavesi'], audience: 'public' }],
  },
  {
    file: 'fbtrex-2016-privateSharePublicPost.html',
    url: FEED,
    viewer: ALBERTO,
    posts: [{ id: '10155142762582565', author: ['563937564', 'roldano.depersio'], audience: FRIENDS }],
  },
  {
    // "Shared with: Ryan's friends and Alberto": Ryan chose friends; the shared original is the viewer's.
    file: 'fbtrex-2016-sharedPost.html',
    url: FEED,
    viewer: ALBERTO,
    posts: [{ id: '10103791223584550', author: ['20900426', 'ryanair.henderson'], audience: FRIENDS }],
  },
  {
    // Logged in as Jan Baykara, whose id the page does not give: every story is someone else's.
    file: 'wtm-2017-classic-newsfeed-trimmed.html',
    url: FEED,
    posts: [
      { id: '10154714614488940', author: ['745208939'], audience: FRIENDS },
      { id: null, author: ['149145438467889'], audience: 'public' },
      { id: '10106976425708776', author: ['2501414'], audience: FRIENDS },
      { id: '1464291283638320', author: ['100001723865100'], audience: 'public' },
      { id: '10102293617174960', author: ['36900672'], audience: 'public' },
      // "Shared with: James's friends and friends of anyone tagged"
      { id: '10158693274670440', author: ['618720439'], audience: FRIENDS },
      { id: '10154855680446939', author: ['6622931938'], audience: 'public' },
      { id: '1590398967645890', author: ['163571453661989'], audience: 'public' },
      { id: '1248148111978586', author: ['313227042137369'], audience: 'public' },
      { id: '10154855770681939', author: ['6622931938'], audience: 'public' },
      { id: '465253453821103', author: ['448953172117798'], audience: 'public' },
      { id: null, author: ['1451289585107545'], audience: 'public' },
      { id: '10154232284381324', author: ['696056323'], audience: FRIENDS },
      { id: '10155559575924162', author: ['6149699161'], audience: 'public' },
      group('1361450323942215', '549706186'),
      group('1712989455396824', '100015891377311'),
      { id: null, author: ['194923330869269'], audience: 'public' },
      group('1361270493960198', '100003815313382'),
      group('1712443535451416', '100000262817870'),
      group('1712500905445679', '100001362026264'),
      { id: '10154524101052411', author: ['25749647410'], audience: 'public' },
      // Behind the context line "Robert Hedges and 5 others commented on this."
      group('798466546986760', '100000487652859'),
      { id: '10213448655071229', author: ['1245934361'], audience: FRIENDS },
      group('1713228488706254', '100000676432849'),
      group('1712246302137806', '100000966371022'),
      group('1361429110611003', '1540631717'),
      { id: '1875361329370530', author: ['100006900431120'], audience: FRIENDS },
      group('1712673648761738', '1178210925'),
      group('10155339330696974', '100000041830506'),
      { id: '10106976428039106', author: ['2501414'], audience: FRIENDS },
      group('1361381340615780', '1541306930'),
      { id: null, author: ['50097478644'], audience: 'custom' },
      { id: '10154486534156643', author: ['504961642'], audience: FRIENDS },
      { id: '10213443171254137', author: ['1245934361'], audience: FRIENDS },
      { id: '1509509939123356', author: ['100001930947948'], audience: FRIENDS },
      group('1713264338702669', '100001565093921'),
      { id: '10154232295961324', author: ['696056323'], audience: FRIENDS },
      group('1712441455451624', '100004712943554'),
    ],
  },
  {
    file: 'garcon-2022-v1-page-timeline-pl-loggedout.html',
    posts: [
      ...[
        '2385635615012196',
        '2385517911690633',
        '2378495385726219',
        '2377781032464321',
        '2377153185860439',
        '2376464095929348',
        '2375021466073611',
        '2371503593092065',
        '2369216289987462',
        '2367006246875133',
        '2364540033788421',
        '2363823310526760',
        '2362955620613529',
        '2357670637808694',
        '2352062648369493',
        '2350532298522528',
        '2346903232218768',
        '2346741902234901',
        '2342169022692189',
      ].map((id): Truth => ({ id, author: ['1597565460485886'], audience: 'public' })),
      // Visitors' posts, in a side box with no story container: not read.
      { id: '1432712923438754', author: ['nina.tyrka'], audience: 'public', unread: true },
      { id: '1427034437339936', author: ['nina.tyrka'], audience: 'public', unread: true },
      { id: '1843835255858904', author: [], audience: 'public', unread: true },
    ],
  },
  {
    // The 2024 Page layout, logged out: the post lives only in the page's inline data (its permalink names the Page's id).
    file: 'garcon-2024-v2-page-a-pl-loggedout.html',
    posts: [{ id: '1054930068793510', author: ['100028295814975'], audience: 'public' }],
  },
  {
    file: 'kevinzg-2021-mfacebook-page-timeline-nintendo.html',
    posts: [
      { id: '4194934713924283', author: ['nintendo'], audience: 'public' },
      // Its permalink is the video's (286348296528911); the story's top_level_post_id is 4193752747375813.
      { id: '286348296528911', author: ['nintendo'], audience: 'public' },
    ],
  },
  {
    file: 'kevinzg-2021-mfacebook-group-permalink.html',
    posts: [{ id: '1629606003787605', author: ['omarflorez'], audience: 'public' }],
  },
  {
    file: 'tanjin-2025-comet-permalink-loggedout-public.html',
    posts: [{ id: '3741738029450159', author: ['100008419968650', 'salmanmd.sultan.1'], audience: 'public' }],
    comments: { count: 10, audience: 'public', author: ['100008419968650', 'salmanmd.sultan.1'] },
  },
];

interface Score {
  found: number;
  right: number;
  wrong: string[];
  unknown: number;
  missed: number;
  wrongAuthors: string[];
  extra: string[];
}

/** Each truth row against the posts read. */
function score(page: RealPage, read: DetectedPost[]): Score {
  const posts = read.filter((post) => post.kind !== 'comment');
  const byId = new Map(posts.flatMap((post) => [post.postId, ...(post.aliasIds ?? [])].map((id) => [id, post] as const)));
  const matched = new Set<DetectedPost>();
  const out: Score = { found: posts.length, right: 0, wrong: [], unknown: 0, missed: 0, wrongAuthors: [], extra: [] };
  for (const truth of page.posts) {
    // By its permalink's id; else a post keyed on its text (no permalink read) by the same author; else
    // a one-post fragment's only post, whoever it names as author.
    const post =
      (truth.id !== null ? byId.get(truth.id) : undefined) ??
      posts.find((p) => !matched.has(p) && p.postId.startsWith('dom-') && truth.author.includes(p.ownerId)) ??
      (page.posts.length === 1 && posts.length === 1 ? posts[0] : undefined);
    if (!post) {
      out.missed += 1;
      continue;
    }
    matched.add(post);
    if (post.audience === truth.audience) out.right += 1;
    else if (post.audience === 'unknown') out.unknown += 1;
    else out.wrong.push(`${truth.id ?? truth.author[0]}: ${post.audience}, truth ${truth.audience}`);
    const author = truth.author.length === 0 ? post.ownerId === '' : truth.author.includes(post.ownerId);
    if (!author) out.wrongAuthors.push(`${truth.id ?? truth.author[0]}: ${post.ownerId} (${post.ownerName ?? ''})`);
  }
  for (const post of posts) if (!matched.has(post)) out.extra.push(`${post.postId} by ${post.ownerId}: ${post.audience}`);
  return out;
}

const line = (file: string, s: Score) =>
  `${file}: found ${s.found}, right ${s.right}, wrong ${s.wrong.length}, unknown ${s.unknown}, missed ${s.missed}, wrong authors ${s.wrongAuthors.length}, extra ${s.extra.length}`;

function expectTruth(page: RealPage, read: DetectedPost[]): void {
  const s = score(page, read);
  console.info(line(page.file, s));
  expect(s.wrong, 'wrong verdicts').toEqual([]);
  expect(s.wrongAuthors, 'wrong authors').toEqual([]);
  expect(s.extra, 'posts that are no post of the page (a context line, a reshared original)').toEqual([]);
  // What these layouts say, read; only the shapes marked unread may go unfound.
  expect(s.right + s.unknown, 'posts found').toBe(page.posts.filter((truth) => !truth.unread).length);
  expect(s.right, 'read as the truth').toBe(page.posts.filter((truth) => !truth.unread).length);
  if (page.comments) {
    const comments = read.filter((post) => post.kind === 'comment');
    expect(comments).toHaveLength(page.comments.count);
    for (const comment of comments) {
      expect(comment.audience).toBe(page.comments.audience);
      expect(page.comments.author).toContain(comment.ownerId);
      // A comment's words, never its author's name.
      expect(comment.excerpt ?? '').not.toMatch(/^Salman Mohammad Sultan/);
    }
  }
}

const files = PAGES.map((page) => realPath('facebook', page.file));
/** Parsing an 800 KB page takes seconds on a shared machine. */
const SLOW = 60_000;

describeWithMaterial("Facebook's real markup through the command line's page reader", files, () => {
  it.each(PAGES.map((page) => [page.file, page] as const))(
    '%s',
    async (_file, page) => {
      const audit = await auditPage(readReal(realPath('facebook', page.file)), page.url);
      expect(audit.recognised).toBe(true);
      if (!audit.recognised) return;
      expectTruth(page, audit.posts);
    },
    SLOW,
  );
});

/** The real page as the live document, the viewer's cookie set where it was saved logged in. */
function openReal(page: RealPage): void {
  document.cookie = page.viewer ? `c_user=${page.viewer}` : 'c_user=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
  const parsed = new DOMParser().parseFromString(readReal(realPath('facebook', page.file)), 'text/html');
  const lang = parsed.documentElement.getAttribute('lang');
  if (lang) document.documentElement.setAttribute('lang', lang);
  else document.documentElement.removeAttribute('lang');
  document.head.replaceChildren(...[...parsed.head.childNodes].map((node) => document.importNode(node, true)));
  document.body.replaceChildren(...[...parsed.body.childNodes].map((node) => document.importNode(node, true)));
}

const live: { stop(): void }[] = [];
afterEach(() => live.splice(0).forEach((watch) => watch.stop()));

function watchPage(page: RealPage, badgeEveryone: boolean) {
  openReal(page);
  const sent: OwnFinding[] = [];
  const watch = new PageWatch({
    adapter: facebookAdapter,
    doc: document,
    settings: { ...DEFAULT_SETTINGS, badgeEveryone },
    send: (async (batch: { findings: OwnFinding[] }) => (sent.push(...batch.findings), { ok: true })) as never,
    now: () => 1_750_000_000_000,
  });
  watch.start();
  live.push(watch);
  return { watch, sent };
}

describeWithMaterial("Facebook's real markup through the content script (PageWatch)", files, () => {
  it.each(PAGES.map((page) => [page.file, page] as const))(
    '%s',
    async (_file, page) => {
      const { watch, sent } = watchPage(page, true);
      const items = watch.session.scan(document);
      // As the content script records them: posts in the markup, and those its data holds that the markup lacks.
      expectTruth(page, [...items.map((item) => item.post), ...watch.session.dataOnlyPosts()]);
      // Every post read carries a badge saying what was read.
      const comments = items.filter((item) => item.post.kind === 'comment').map((item) => item.element!);
      for (const { post, element } of items) {
        if (post.kind === 'comment' || !element) continue;
        const badge = [...element.querySelectorAll('[data-glasshouse-badge]')].find((b) => !comments.some((c) => c.contains(b)));
        expect(badge?.getAttribute('data-audience'), post.postId).toBe(post.audience);
      }
      // Only the viewer's own posts are sent, each as the truth says.
      await watch.queue.flush();
      const own = page.posts.filter((truth) => truth.own);
      expect(sent.map((finding) => [finding.postId, finding.audience])).toEqual(own.map((truth) => [truth.id, truth.audience]));
    },
    SLOW,
  );

  it(
    "sends the viewer's own post that only the page's data holds (2024 Page layout, read as its owner would)",
    async () => {
      const page = PAGES.find((p) => p.file.startsWith('garcon-2024'))!;
      const owner = watchPage({ ...page, viewer: '100028295814975' }, false);
      await owner.watch.queue.flush();
      expect(owner.sent.map((finding) => [finding.postId, finding.audience, finding.isOwn])).toEqual([
        ['1054930068793510', 'public', true],
      ]);
    },
    SLOW,
  );

  it(
    "badges the viewer's own 2016 post public when the viewer is logged in, and finds their comments in 2017 markup",
    async () => {
      const own = watchPage(PAGES[0]!, false);
      await own.watch.queue.flush();
      expect(own.sent).toMatchObject([{ postId: '10154575795176552', audience: 'public', isOwn: true, ownerId: ALBERTO }]);
      const badges = document.querySelectorAll('[data-glasshouse-badge]');
      expect([...badges].map((badge) => badge.getAttribute('data-eligible'))).toEqual(['yes']);
      own.watch.stop();

      // The 2017 feed read as Sophie Parker would: her video, her post, and her two replies on the video.
      const sophie = watchPage({ ...PAGES[6]!, viewer: '1245934361' }, false);
      await sophie.watch.queue.flush();
      expect(sophie.sent.map((finding) => [finding.postId, finding.kind, finding.audience]).sort()).toEqual(
        [
          ['10213443171254137', 'video', 'friends'],
          ['10213443171254137_10213443765989005', 'comment', 'friends'],
          ['10213443171254137_10213449527653043', 'comment', 'friends'],
          ['10213448655071229', 'post', 'friends'],
        ].sort(),
      );
    },
    SLOW,
  );
});
