// @vitest-environment jsdom
// @vitest-environment-options { "url": "https://www.facebook.com/" }
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import feedEn from '../../fixtures/facebook/feed-en.html?raw';
import type { OwnFinding } from '../../../src/core';
import { DEFAULT_SETTINGS } from '../../../src/core';
import { ExtensionContext, extensionReachable, sendWhileReachable } from '../../../src/content/extension-context';
import { FindingQueue, type SendBatch } from '../../../src/content/finding-queue';
import { NOTICE_ATTRIBUTE, showResumeNotice } from '../../../src/content/resume-notice';

vi.mock('../../../src/lib/i18n', () => ({ t: (key: string) => key, uiLanguage: () => 'en' }));
const { PageWatch } = await import('../../../src/content/page-watch');
const { facebookAdapter } = await import('../../../src/platforms/facebook');

/** A runtime like Chrome's in a content script: an id while the extension is there; after an update, reading it throws. */
function fakeRuntime() {
  let valid = true;
  const runtime = {};
  Object.defineProperty(runtime, 'id', {
    get() {
      if (!valid) throw new Error('Extension context invalidated.');
      return 'glasshouse-id';
    },
  });
  return { runtime, invalidate: () => void (valid = false) };
}

/** The worker's store: post ids it was given. */
function fakeWorker() {
  const stored = new Set<string>();
  const send: SendBatch = async (batch) => {
    for (const finding of batch.findings) stored.add(finding.postId);
    return { ok: true };
  };
  return { stored, send };
}

function setUpPage() {
  document.cookie = 'c_user=100001';
  const parsed = new DOMParser().parseFromString(feedEn, 'text/html');
  document.documentElement.setAttribute('lang', parsed.documentElement.getAttribute('lang') ?? 'en');
  document.head.replaceChildren(...[...parsed.head.childNodes].map((n) => document.importNode(n, true)));
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
}

const live: { stop(): void }[] = [];
afterEach(() => {
  live.splice(0).forEach((watch) => watch.stop());
  vi.useRealTimers();
});
beforeEach(() => setUpPage());

/** The user's own posts and comments on feed-en.html (tests/unit/content/page-watch.test.ts reads the same). */
const OWN_POSTS = ['pfbid02own1public', 'pfbid02own2friends', 'pfbid02own4reshare', 'pfbid02bob1public_5501', 'pfbid0dan77_6601'];

const notices = () => document.querySelectorAll(`[${NOTICE_ATTRIBUTE}]`);

describe('a content script cut off by an extension update', () => {
  it('tells whether the extension is reachable without ever throwing', () => {
    const { runtime, invalidate } = fakeRuntime();
    expect(extensionReachable(runtime)).toBe(true);
    invalidate();
    expect(extensionReachable(runtime)).toBe(false);
    expect(extensionReachable(undefined)).toBe(false);
    expect(extensionReachable({ id: '' })).toBe(false);
  });

  it('keeps every unsent finding, says so once, and the reloaded tab stores them all', async () => {
    const { runtime, invalidate } = fakeRuntime();
    const worker = fakeWorker();
    const lost = vi.fn(() => showResumeNotice(document, { message: 'reload to resume', close: 'close' }));
    const context = new ExtensionContext(() => runtime, lost);
    const watch = new PageWatch({
      adapter: facebookAdapter,
      doc: document,
      settings: DEFAULT_SETTINGS,
      send: sendWhileReachable(context, worker.send),
    });
    live.push(watch);
    watch.start();
    const read = watch.queue.size;
    expect(read).toBe(OWN_POSTS.length);

    invalidate();
    // Leaving and coming back, retries: nothing throws, nothing reaches the worker, nothing is dropped.
    await expect(watch.queue.flush()).resolves.toBeUndefined();
    await expect(watch.queue.flush()).resolves.toBeUndefined();
    expect(worker.stored.size).toBe(0);
    expect(watch.queue.size).toBe(read);
    expect(watch.queue.isUnreachable).toBe(true);
    expect(lost).toHaveBeenCalledTimes(1);
    expect(notices()).toHaveLength(1);
    expect(notices()[0]?.getAttribute(NOTICE_ATTRIBUTE)).toBe('reload-to-resume');
    watch.stop();

    // The tab reloads: a new content script, with a runtime that answers, reads the page again.
    const fresh = fakeRuntime();
    const after = new PageWatch({
      adapter: facebookAdapter,
      doc: document,
      settings: DEFAULT_SETTINGS,
      send: sendWhileReachable(new ExtensionContext(() => fresh.runtime, lost), worker.send),
    });
    live.push(after);
    after.start();
    await after.queue.flush();
    expect([...worker.stored].sort()).toEqual([...OWN_POSTS].sort());
    expect(lost).toHaveBeenCalledTimes(1);
  });

  it('stops retrying once the extension is out of reach, keeping what is pending', async () => {
    vi.useFakeTimers();
    const send = vi.fn<SendBatch>(async () => ({ ok: false, unreachable: true }));
    const queue = new FindingQueue(send, () => undefined);
    queue.add({ postId: 'a', platform: 'facebook' } as OwnFinding);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(send).toHaveBeenCalledTimes(1);
    queue.add({ postId: 'b', platform: 'facebook' } as OwnFinding);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(send).toHaveBeenCalledTimes(1);
    expect(queue.size).toBe(2);
  });

  it('shows the notice once, closable, its words out of the page’s reach', () => {
    const root = showResumeNotice(document, { message: 'reload to resume', close: 'Close' });
    expect(root).not.toBeNull();
    expect(showResumeNotice(document, { message: 'again', close: 'Close' })).toBeNull();
    expect(notices()).toHaveLength(1);
    // Closed: the page sees the host, not what it says.
    expect(notices()[0]?.shadowRoot).toBeNull();
    expect(root!.querySelector('[role="status"] p')?.textContent).toBe('reload to resume');
    const close = root!.querySelector('button')!;
    expect(close.getAttribute('aria-label')).toBe('Close');
    close.click();
    expect(notices()).toHaveLength(0);
  });
});
