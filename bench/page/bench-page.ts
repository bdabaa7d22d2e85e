/**
 * The in-page half of the detection benchmarks (figures 2 and 3), bundled by vite.bench.config.ts
 * into one IIFE (global `GlasshouseBench`) and injected into a fixture page of a browser without the
 * extension: the extension's own detection code. Each call here is one step the node side brackets
 * with CDP thread-CPU metrics (the shared machine makes wall time unreliable); the wall time each
 * step took is returned too, for reference.
 */
import '../../src/core/zod-setup';
import { DEFAULT_SETTINGS } from '../../src/core';
import { facebookAdapter } from '../../src/platforms/facebook';
import type { PageSession } from '../../src/platforms/adapter';
import { PageWatch } from '../../src/content/page-watch';
import { MutationBatcher } from '../../src/content/mutation-batcher';
import { BadgePainter } from '../../src/content/badge';

/** What the floor reads: the articles and one attribute each, nothing else. */
const ARTICLE = '[role="article"]';

let sink = 0;
/** Consumes a result so the engine cannot drop the work that made it. */
const keep = (n: number) => {
  sink = (sink + n) | 0;
};

/** window.gc() when the browser exposes it (--js-flags=--expose-gc), so a block starts with a clean heap. */
export const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();

// ---- Figure 2: one scan of the whole document, ours against the floor ----

type ScanSide = 'ours' | 'others' | 'floor' | 'noop';
let session: PageSession | null = null;
let lastItems = 0;
let lastPosts = 0;
/** Other people's posts on the page that hold no comment of the viewer's: what `others` reads, one by one. */
let othersPosts: Element[] = [];

const sides: Record<ScanSide, () => void> = {
  ours: () => {
    const found = session!.scan(document);
    lastItems = found.length;
    lastPosts = found.filter((item) => item.post.kind !== 'comment').length;
    keep(found.length);
  },
  others: () => {
    let n = 0;
    for (const post of othersPosts) n += session!.scan(post).length;
    keep(n);
  },
  floor: () => {
    let n = 0;
    for (const article of document.querySelectorAll(ARTICLE)) n += article.getAttribute('aria-posinset')?.length ?? 0;
    keep(n);
  },
  noop: () => keep(1),
};

/** A fresh session (opening it reads the page's embedded data: not part of a scan). */
export function newSession() {
  // As the content script reads by default: others' posts no further than it takes to know they are others'.
  session = facebookAdapter.openSession(document, { url: location.href, readOthers: DEFAULT_SETTINGS.badgeEveryone });
  othersPosts = [...document.querySelectorAll('[aria-posinset]')].filter(
    (post) => !post.querySelector('h2 a[href*="alice.martin"]') && !post.querySelector('[role="article"] a[href*="alice.martin"]'),
  );
  sides.ours();
  return { items: lastItems, posts: lastPosts, articles: document.querySelectorAll(ARTICLE).length, others: othersPosts.length };
}

/** How many calls of `side` take at least `minMs` of wall time. */
export function calibrate(side: ScanSide, minMs: number): number {
  const op = sides[side];
  let calls = 1;
  for (;;) {
    const start = performance.now();
    for (let i = 0; i < calls; i += 1) op();
    const took = performance.now() - start;
    if (took >= minMs || calls >= 1 << 20) return calls;
    calls = took <= 0 ? calls * 10 : Math.max(calls * 2, Math.ceil((calls * minMs * 1.2) / took));
  }
}

/** `calls` calls of `side`; the wall time they took. */
export function block(side: ScanSide, calls: number): number {
  const op = sides[side];
  const start = performance.now();
  for (let i = 0; i < calls; i += 1) op();
  return performance.now() - start;
}

// ---- Figure 3: the feed regrown in bursts, each batch drained by one observer or another ----

type GrowthMode = 'incremental' | 'naive' | 'pagewatch';

interface Growth {
  feed: Element;
  posts: string[];
  next: number;
  burst: number;
  items: number;
  batches: number;
  start(): void;
  drain(): void;
  stop(): void;
  queued(): number;
}
let growth: Growth | null = null;
let idleCallback: typeof requestIdleCallback | undefined;
let frameCallback: typeof requestAnimationFrame | undefined;

/** Puts synthetic post markup at the end of the feed, as the feed's own script does. */
function append(feed: Element, html: string[]): void {
  // eslint-disable-next-line no-restricted-syntax, no-unsanitized/method -- the synthetic fixture's own markup, inserted the way its page script does
  feed.insertAdjacentHTML('beforeend', html.join(''));
}

/**
 * Empties the feed and puts back its first `initial` posts; prepares the observer of `mode`:
 *  - incremental: scan only the roots each batch added (what PageWatch does);
 *  - naive: rescan the whole document after every batch;
 *  - pagewatch: the real PageWatch (scan + badges + queue), its sends answered at once.
 * The feed is not rendered (display: none): detection never reads layout, and the run stays short.
 */
export function growSetup({ mode, posts, initial, burst }: { mode: GrowthMode; posts: string[]; initial: number; burst: number }): void {
  const feed = document.getElementById('feed');
  if (!feed) throw new Error('no #feed on this page');
  // The observer drains when the bench says, not in a frame or an idle period between two of its steps.
  idleCallback ??= window.requestIdleCallback;
  window.requestIdleCallback = () => 0;
  frameCallback ??= window.requestAnimationFrame;
  window.requestAnimationFrame = () => 0;
  (feed as HTMLElement).style.display = 'none';
  feed.replaceChildren();
  append(feed, posts.slice(0, initial));
  const state: Growth = {
    feed,
    posts,
    next: initial,
    burst,
    items: 0,
    batches: 0,
    start: () => undefined,
    drain: () => undefined,
    stop: () => undefined,
    queued: () => 0,
  };
  if (mode === 'pagewatch') {
    const watch = new PageWatch({
      adapter: facebookAdapter,
      doc: document,
      settings: DEFAULT_SETTINGS,
      send: async (batch) => {
        state.items += batch.findings.length;
        return { ok: true };
      },
    });
    state.start = () => watch.start();
    state.drain = () => watch.drain();
    state.stop = () => watch.stop();
    state.queued = () => watch.queue.size;
  } else {
    const reader = facebookAdapter.openSession(document, { url: location.href });
    // The batcher may hand a batch over in several slices: naive rescans once per batch, after the drain.
    let changed = false;
    const scan = (roots: Node[]) => {
      if (mode === 'naive') changed = true;
      else for (const root of roots) if (root.nodeType === 1 || root.nodeType === 9) state.items += reader.scan(root as ParentNode).length;
    };
    const batcher = new MutationBatcher(scan, (node) => BadgePainter.isBadge(node));
    state.start = () => {
      state.items += reader.scan(document).length;
      batcher.start(document);
    };
    state.drain = () => {
      batcher.drain();
      if (changed) state.items += reader.scan(document).length;
      changed = false;
    };
    state.stop = () => batcher.stop();
  }
  growth = state;
}

/** The initial scan of the page and the observer's start. */
export function growStart(): number {
  const start = performance.now();
  growth!.start();
  return performance.now() - start;
}

/** Adds the next burst (the observer collects its records in a microtask of this task); false at the end. */
export function growInsert(): boolean {
  const g = growth!;
  if (g.next >= g.posts.length) return false;
  append(g.feed, g.posts.slice(g.next, g.next + g.burst));
  g.next += g.burst;
  return true;
}

/** Handles the pending batch now, as the idle callback would. */
export function growDrain(): number {
  const start = performance.now();
  growth!.drain();
  growth!.batches += 1;
  return performance.now() - start;
}

export function growFinish() {
  const g = growth!;
  g.stop();
  growth = null;
  if (idleCallback) window.requestIdleCallback = idleCallback;
  if (frameCallback) window.requestAnimationFrame = frameCallback;
  return { items: g.items, batches: g.batches, badges: document.querySelectorAll('[data-glasshouse-badge]').length, unsent: g.queued() };
}

export { sink };
