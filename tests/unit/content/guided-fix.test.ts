// @vitest-environment jsdom
// @vitest-environment-options { "url": "https://www.facebook.com/profile.php?id=100001" }
/**
 * The guided fix on a Facebook tab: only the worker names the target (by this tab), the overlay rings
 * the post's own audience button, and the post counts as fixed once its new audience is read — the
 * extension itself never clicks or focuses anything.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FixTarget, OwnFinding } from '../../../src/core';
import { DEFAULT_SETTINGS } from '../../../src/core';

const listeners: ((message: unknown) => unknown)[] = [];
vi.mock('../../../src/lib/browser', () => ({
  browser: { runtime: { onMessage: { addListener: (fn: (message: unknown) => unknown) => listeners.push(fn) } } },
}));
vi.mock('../../../src/lib/worker-client', () => ({ askWorker: vi.fn() }));
const { PageWatch } = await import('../../../src/content/page-watch');
const { prepareGuidedFix } = await import('../../../src/content/guided-fix');
const { facebookAdapter } = await import('../../../src/platforms/facebook');

type Batch = { batchId: string; findings: OwnFinding[] };
const PERMALINK = 'https://www.facebook.com/permalink.php?story_fbid=pfbid0fix1&id=100001';

/** The viewer's own post as the 2024–25 site draws it: its audience is a button labelled with it. */
function renderPost(id: string, permalink: string, audience: string) {
  const article = document.createElement('div');
  article.setAttribute('role', 'article');
  article.id = id;
  const heading = document.createElement('h2');
  heading.append(
    Object.assign(document.createElement('a'), { href: 'https://www.facebook.com/profile.php?id=100001', textContent: 'Alice Martin' }),
  );
  const time = Object.assign(document.createElement('a'), { href: permalink, textContent: '2d' });
  const button = document.createElement('div');
  button.setAttribute('role', 'button');
  button.setAttribute('aria-label', `Edit privacy. Sharing with ${audience}. `);
  const message = document.createElement('div');
  message.setAttribute('data-ad-preview', 'message');
  message.textContent = `Post ${id}`;
  article.append(heading, time, button, message);
  document.querySelector('[role="feed"]')!.append(article);
  return { article, button };
}

let batches: Batch[];
let watch: InstanceType<typeof PageWatch>;
let clicks: number;
const countClick = () => void (clicks += 1);
beforeEach(() => {
  document.cookie = 'c_user=100001';
  document.documentElement.lang = 'en';
  document.body.innerHTML = '<div role="main"><div role="feed"></div></div>';
  Element.prototype.scrollIntoView = vi.fn();
  listeners.length = 0;
  batches = [];
  clicks = 0;
  document.addEventListener('click', countClick, true);
  watch = new PageWatch({
    adapter: facebookAdapter,
    doc: document,
    settings: DEFAULT_SETTINGS,
    send: (async (batch: Batch) => (batches.push(batch), { ok: true })) as never,
    now: () => 1_750_000_000_000,
  });
});
afterEach(() => {
  watch.stop();
  document.removeEventListener('click', countClick, true);
});

const overlay = () => document.querySelector('[data-glasshouse-fix]');
const postIdOf = (articleId: string) =>
  document.querySelector(`#${articleId} [data-glasshouse-badge]`) && batches.flatMap((b) => b.findings)[0]?.postId;

/** A worker that names `target` for this tab, whatever the message says. */
function worker(initial: FixTarget | null) {
  let target = initial;
  const asked: unknown[] = [];
  const ask = (async (request: unknown) => (asked.push(request), { ok: true, target })) as never;
  return { ask, asked, setTarget: (next: FixTarget | null) => void (target = next) };
}

describe('the guided fix on the fix tab', () => {
  it('rings the own post’s audience button, then says fixed once the new audience is read; nothing is clicked', async () => {
    const { button } = renderPost('mine', PERMALINK, 'Public');
    watch.start();
    await watch.queue.flush();
    const postId = postIdOf('mine')!;
    expect(postId).toBeTruthy();
    const fake = worker({ kind: 'post', platform: 'facebook', postId });
    await prepareGuidedFix(watch, facebookAdapter, document, fake.ask).begin();
    expect(fake.asked).toEqual([{ type: 'fix/for-this-tab' }]);
    expect(overlay()?.getAttribute('data-target')).toBe(postId);
    expect(overlay()?.getAttribute('data-points-at')).toBe('control');
    expect(overlay()?.getAttribute('data-state')).toBe('pointing');
    expect(Element.prototype.scrollIntoView).toHaveBeenCalledTimes(1);

    // The user picks "Friends" in Facebook's selector: the site redraws the button's label.
    button.setAttribute('aria-label', 'Edit privacy. Sharing with Friends. ');
    watch.drain();
    expect(overlay()?.getAttribute('data-state')).toBe('fixed');
    await watch.queue.flush();
    expect(batches.flatMap((b) => b.findings).map((f) => f.audience)).toEqual(['public', 'friends']);
    expect(clicks).toBe(0);
    expect(document.activeElement).toBe(document.body);
  });

  it('points at nothing on a tab the worker does not name, and ignores what the page posts', async () => {
    renderPost('mine', PERMALINK, 'Public');
    watch.start();
    const fake = worker(null);
    await prepareGuidedFix(watch, facebookAdapter, document, fake.ask).begin();
    window.postMessage({ type: 'fix/target-changed' }, '*');
    expect(overlay()).toBeNull();
  });

  it('learns a new target from the worker’s nudge (which carries nothing), and drops the old one', async () => {
    renderPost('first', PERMALINK, 'Public');
    renderPost('second', 'https://www.facebook.com/permalink.php?story_fbid=pfbid0fix2&id=100001', 'Public');
    watch.start();
    await watch.queue.flush();
    const [first, second] = batches.flatMap((b) => b.findings).map((f) => f.postId);
    const fake = worker({ kind: 'post', platform: 'facebook', postId: first! });
    await prepareGuidedFix(watch, facebookAdapter, document, fake.ask).begin();
    expect(overlay()?.getAttribute('data-target')).toBe(first);
    fake.setTarget({ kind: 'post', platform: 'facebook', postId: second! });
    // A message with anything in it is not the nudge: refused by its strict schema.
    for (const listener of listeners) listener({ type: 'fix/target-changed', postId: 'p-evil' });
    await Promise.resolve();
    expect(fake.asked).toHaveLength(1);
    for (const listener of listeners) listener({ type: 'fix/target-changed' });
    await vi.waitFor(() => expect(overlay()?.getAttribute('data-target')).toBe(second));
    expect(document.querySelectorAll('[data-glasshouse-fix]')).toHaveLength(1);
    expect(clicks).toBe(0);
  });

  it('rings the whole post when its audience control cannot be told, never a guessed button', async () => {
    const { button } = renderPost('mine', PERMALINK, 'Public');
    watch.start();
    await watch.queue.flush();
    const postId = batches.flatMap((b) => b.findings)[0]!.postId;
    button.setAttribute('aria-label', 'Actions for this post');
    watch.drain();
    const fake = worker({ kind: 'post', platform: 'facebook', postId });
    await prepareGuidedFix(watch, facebookAdapter, document, fake.ask).begin();
    expect(overlay()?.getAttribute('data-points-at')).toBe('post');
  });
});
