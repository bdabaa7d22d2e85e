// @vitest-environment jsdom
// @vitest-environment-options { "url": "https://www.facebook.com/" }
/**
 * Facebook's real markup, 2016–2025, read through both ways in: the command line's page reader and
 * the content script's PageWatch. The truth per post is transcribed from the material's MANIFEST
 * (which reads it from the page, never from Glasshouse): each post reads its truth, or unknown
 * where the markup cannot say; never a wrong verdict, never a wrong author.
 */
import { afterEach, expect, it } from 'vitest';
import type { DetectedPost, OwnFinding } from '../../../src/core';
import { DEFAULT_SETTINGS } from '../../../src/core';
import { describeWithMaterial, readReal, realPath } from './real-material';
import { ALBERTO, PAGES, type RealPage } from './facebook-pages';
import { PageWatch } from '../../../src/content/page-watch';
import { facebookAdapter } from '../../../src/platforms/facebook';
import { auditPage } from '../../../src/cli/audit';

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
