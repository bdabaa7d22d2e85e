// @vitest-environment jsdom
// @vitest-environment-options { "url": "https://www.facebook.com/" }
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import feedEn from '../../fixtures/facebook/feed-en.html?raw';
import type { OwnFinding } from '../../../src/core';
import { DEFAULT_SETTINGS, RequestSchema } from '../../../src/core';
import { PageWatch } from '../../../src/content/page-watch';
import { facebookAdapter } from '../../../src/platforms/facebook';

type Batch = { batchId: string; findings: OwnFinding[] };

function setUpPage(html = feedEn) {
  document.cookie = 'c_user=100001';
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.documentElement.setAttribute('lang', parsed.documentElement.getAttribute('lang') ?? 'en');
  document.head.replaceChildren(...[...parsed.head.childNodes].map((n) => document.importNode(n, true)));
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
}

function watchWith(send: (batch: Batch) => Promise<{ ok: boolean; error?: string }>, settings = DEFAULT_SETTINGS) {
  const watch = new PageWatch({ adapter: facebookAdapter, doc: document, settings, send: send as never, now: () => 1_750_000_000_000 });
  watch.start();
  live.push(watch);
  return watch;
}
const live: { stop(): void }[] = [];
afterEach(() => live.splice(0).forEach((watch) => watch.stop()));

const badgeOf = (id: string) => document.querySelectorAll(`#${id} [data-glasshouse-badge]`);
const ownBadge = (id: string) =>
  [...document.querySelectorAll(`#${id} [data-glasshouse-badge]`)].filter((b) => b.parentElement?.closest('[role="article"]')?.id === id);

beforeEach(() => setUpPage());

describe('the content script on a page', () => {
  it("badges the user's own posts and comments only, and queues only those", async () => {
    const batches: Batch[] = [];
    const watch = watchWith(async (batch) => (batches.push(batch), { ok: true }));
    expect(ownBadge('own-public')).toHaveLength(1);
    expect(ownBadge('own-public')[0]?.getAttribute('data-audience')).toBe('public');
    expect(ownBadge('own-friends')[0]?.getAttribute('data-eligible')).toBe('no');
    expect(ownBadge('other-public')).toHaveLength(0);
    expect(badgeOf('bob-comment-on-own')).toHaveLength(0);
    await watch.queue.flush();
    const sent = batches.flatMap((b) => b.findings);
    expect(sent.map((f) => f.postId).sort()).toEqual(
      ['pfbid02own1public', 'pfbid02own2friends', 'pfbid02own4reshare', 'pfbid02bob1public_5501', 'pfbid0dan77_6601'].sort(),
    );
    expect(sent.every((f) => f.isOwn && f.seenAt === 1_750_000_000_000)).toBe(true);
  });

  it('badges everyone when the user asked for it, but still queues only their own', async () => {
    const batches: Batch[] = [];
    const watch = watchWith(async (batch) => (batches.push(batch), { ok: true }), { ...DEFAULT_SETTINGS, badgeEveryone: true });
    expect(ownBadge('other-public')).toHaveLength(1);
    await watch.queue.flush();
    expect(batches.flatMap((b) => b.findings).every((f) => f.isOwn)).toBe(true);
  });

  it('keeps findings until the worker acknowledges them, resending after a failure', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const stored = new Map<string, OwnFinding>();
    const watch = watchWith(async (batch) => {
      calls += 1;
      if (calls <= 2) throw new Error('Could not establish connection. Receiving end does not exist.');
      for (const f of batch.findings) stored.set(f.postId, f);
      return { ok: true };
    });
    await vi.advanceTimersByTimeAsync(60_000);
    vi.useRealTimers();
    expect(calls).toBe(3);
    expect(stored.size).toBe(5);
    expect(watch.queue.size).toBe(0);
  });

  it('follows the page: new posts, an edited audience, and posts that leave and come back', async () => {
    const batches: Batch[] = [];
    const watch = watchWith(async (batch) => (batches.push(batch), { ok: true }));
    await watch.queue.flush();
    batches.length = 0;
    // A new post arrives as the user scrolls.
    const feed = document.querySelector('[role="feed"]')!;
    const clone = document.querySelector('[data-pagelet="FeedUnit_1"]')!.cloneNode(true) as Element;
    clone.querySelector('[role="article"]')!.id = 'own-new';
    clone.querySelector('a[href*="/posts/"]')!.setAttribute('href', 'https://www.facebook.com/alice.martin/posts/pfbid02new');
    feed.append(clone);
    // The user edits a post's audience: the icon is replaced.
    const svg = document.querySelector('#own-friends svg[title]')!;
    const fresh = svg.cloneNode(true) as Element;
    fresh.querySelector('title')!.textContent = 'Shared with Only me';
    svg.replaceWith(fresh);
    // The virtualized feed drops a post and renders it again.
    const unit = document.querySelector('[data-pagelet="FeedUnit_0"]')!;
    unit.remove();
    feed.prepend(unit);
    await new Promise((done) => setTimeout(done, 0));
    watch.drain();
    await watch.queue.flush();
    expect(ownBadge('own-new')).toHaveLength(1);
    expect(ownBadge('own-friends')[0]?.getAttribute('data-audience')).toBe('only_me');
    expect(ownBadge('own-public')).toHaveLength(1);
    const sent = batches.flatMap((b) => b.findings).map((f) => [f.postId, f.audience]);
    expect(sent).toContainEqual(['pfbid02new', 'friends']);
    expect(sent).toContainEqual(['pfbid02own2friends', 'only_me']);
    // Unchanged posts seen again are not sent again.
    expect(sent.find(([id]) => id === 'pfbid02own1public')).toBeUndefined();
  });

  it("puts a new post's badge on the page in the next animation frame, the one that renders the post", async () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    vi.stubGlobal('requestIdleCallback', () => 0);
    try {
      // Cloned before the watch starts, so the new post carries no badge of the original.
      const clone = document.querySelector('[data-pagelet="FeedUnit_1"]')!.cloneNode(true) as Element;
      clone.querySelector('[role="article"]')!.id = 'own-new';
      clone.querySelector('a[href*="/posts/"]')!.setAttribute('href', 'https://www.facebook.com/alice.martin/posts/pfbid02new');
      watchWith(async () => ({ ok: true }));
      document.querySelector('[role="feed"]')!.append(clone);
      await new Promise<void>((done) => queueMicrotask(done));
      expect(ownBadge('own-new')).toHaveLength(0);
      frames.splice(0).forEach((callback) => callback(0));
      expect(ownBadge('own-new')).toHaveLength(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('never throws into the page: a detector error is caught and counted', async () => {
    const watch = watchWith(async () => ({ ok: true }));
    const scan = watch.session.scan.bind(watch.session);
    watch.session.scan = () => {
      throw new Error('markup changed');
    };
    document.querySelector('[role="feed"]')!.append(document.createElement('div'));
    // The page's change reaches the watch in a later task; the assertions stay in the test's body, so a
    // failing one fails this test instead of throwing from a timer.
    await new Promise((done) => setTimeout(done, 0));
    try {
      expect(() => watch.drain()).not.toThrow();
      expect(watch.diagnostics().errors).toBeGreaterThan(0);
      expect(watch.diagnostics().lastError).toBe('markup changed');
    } finally {
      watch.session.scan = scan;
    }
  });

  it('sends findings as read, and when the worker refuses a batch for one bad finding, drops it, counts it and sends the rest', async () => {
    const batches: Batch[] = [];
    // As strict as the worker: one finding off the schema refuses the batch whole.
    const watch = watchWith(async (batch) => {
      batches.push(batch);
      return RequestSchema.safeParse({ type: 'findings/record', ...batch }).success ? { ok: true } : { ok: false, refused: true };
    });
    await watch.queue.flush();
    expect(batches).toHaveLength(1);
    const errorsBefore = watch.diagnostics().errors;
    // A reader that let an address off the site through (the readers bound what they read; the worker is the judge).
    const scan = watch.session.scan.bind(watch.session);
    const element = document.querySelector('#own-public')!;
    const read = [...scan(element)][0]!;
    watch.session.scan = () => [
      { ...read, post: { ...read.post, postId: 'evil', url: 'https://evil.example/phish' } },
      { ...read, element: document.querySelector('#own-friends'), post: { ...read.post, postId: 'fine', audience: 'friends' } },
    ];
    try {
      document.querySelector('[role="feed"]')!.append(document.createElement('div'));
      await new Promise((done) => setTimeout(done, 0));
      watch.drain();
      await vi.waitFor(() => expect(watch.queue.size).toBe(0));
    } finally {
      watch.session.scan = scan;
    }
    // Refused once, then sent again at once without it.
    expect(batches.slice(1).map((b) => b.findings.map((f) => f.postId))).toEqual([['evil', 'fine'], ['fine']]);
    expect(watch.diagnostics().errors).toBe(errorsBefore + 1);
    expect(watch.diagnostics().lastError).toContain('url');
  });
});
