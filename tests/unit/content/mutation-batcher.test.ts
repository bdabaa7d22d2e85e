// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MutationBatcher } from '../../../src/content/mutation-batcher';

/** Frames and idle periods come only when the test says. */
let frames: FrameRequestCallback[] = [];
let idles: IdleRequestCallback[] = [];
const runFrame = () => frames.splice(0).forEach((callback) => callback(0));
const runIdle = () => idles.splice(0).forEach((callback) => callback({ didTimeout: false, timeRemaining: () => 50 }));
/** Mutation records are delivered in a microtask after the change. */
const records = () => new Promise<void>((done) => queueMicrotask(done));

let batcher: MutationBatcher | undefined;
beforeEach(() => {
  frames = [];
  idles = [];
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback) => idles.push(callback));
  document.body.replaceChildren();
});
afterEach(() => {
  batcher?.stop();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
});

function addPosts(n: number): HTMLElement[] {
  const posts = Array.from({ length: n }, (_, i) => Object.assign(document.createElement('div'), { id: `p${i}` }));
  document.body.append(...posts);
  return posts;
}

describe('the mutation batcher', () => {
  it('handles a small burst in the next animation frame, before the browser renders it, without waiting for idle time', async () => {
    const handled: Node[] = [];
    batcher = new MutationBatcher(
      (roots) => handled.push(...roots),
      () => false,
    );
    batcher.start(document.body);
    const posts = addPosts(3);
    await records();
    expect(handled).toEqual([]);
    expect(frames).toHaveLength(1);
    runFrame();
    expect(handled).toEqual(posts);
    expect(idles).toHaveLength(0);
  });

  it("leaves what does not fit in the frame's budget to idle time, and gives the next frame's budget to the next burst", async () => {
    let clock = 0;
    const handled: Node[][] = [];
    batcher = new MutationBatcher(
      (roots) => {
        handled.push(roots);
        clock += 5;
      },
      () => false,
      { now: () => clock, frameBudgetMs: 6 },
    );
    batcher.start(document.body);
    const posts = addPosts(10);
    await records();
    runFrame();
    expect(handled.flat()).toEqual(posts.slice(0, 4));
    expect(idles).toHaveLength(1);
    // The posts the next frame shows are badged in it; the older backlog waits for idle time.
    const late = addPosts(1);
    await records();
    expect(frames).toHaveLength(1);
    runFrame();
    expect(handled.flat()).toEqual([...posts.slice(0, 4), ...late, ...posts.slice(4, 7)]);
    runIdle();
    expect(handled.flat()).toEqual([...posts.slice(0, 4), ...late, ...posts.slice(4)]);
  });

  it('uses idle time while the page is hidden, where no frame comes', async () => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    const handled: Node[] = [];
    batcher = new MutationBatcher(
      (roots) => handled.push(...roots),
      () => false,
    );
    batcher.start(document.body);
    const posts = addPosts(2);
    await records();
    expect(frames).toHaveLength(0);
    runIdle();
    expect(handled).toEqual(posts);
  });

  it('hands a batch to idle time when the frame it asked for never comes (the page was hidden meanwhile)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const handled: Node[] = [];
    batcher = new MutationBatcher(
      (roots) => handled.push(...roots),
      () => false,
    );
    batcher.start(document.body);
    const posts = addPosts(2);
    await records();
    expect(idles).toHaveLength(0);
    vi.advanceTimersByTime(1000);
    runIdle();
    expect(handled).toEqual(posts);
    // The late frame then finds nothing left to do.
    runFrame();
    expect(handled).toEqual(posts);
  });

  it('handles a node once, through the pending root that holds it, and ignores its own badges', async () => {
    const handled: Node[] = [];
    batcher = new MutationBatcher(
      (roots) => handled.push(...roots),
      (node) => (node as Element).hasAttribute?.('data-badge'),
    );
    batcher.start(document.body);
    const [post] = addPosts(1);
    const inner = document.createElement('span');
    post!.append(inner);
    const badge = document.createElement('span');
    badge.setAttribute('data-badge', '');
    document.body.append(badge);
    await records();
    runFrame();
    expect(handled).toEqual([post]);
  });
});
