import { afterEach, describe, expect, it, vi } from 'vitest';
import { route } from '../../../src/background/router';
import { FailureSchema, replySchema, type Failure, type Request } from '../../../src/core';
import { classifySender, mayAsk } from '../../../src/background/sender';
import { openDatabase, recordAccounts, recordFindings, recordObjection, type GlasshouseDatabase } from '../../../src/db';
import { finding, freshName } from '../db/findings-factory';
import { malformedMessages } from './malformed-corpus';
import { snapshot } from '../db/database-snapshot';

let db: GlasshouseDatabase;
const open = async () => (db = (await openDatabase(freshName()).open()) as GlasshouseDatabase);
afterEach(async () => {
  await db?.delete();
});

/** The popup's Facebook total, asked through the router as the popup asks it. */
async function facebookTotal(): Promise<number | undefined> {
  const reply = (await route({ type: 'overview/get' }, 'extension-page', async () => db)) as {
    ok: boolean;
    platforms?: { summary: { platform: string; total: number } }[];
  };
  expect(reply.ok).toBe(true);
  return reply.platforms?.find((p) => p.summary.platform === 'facebook')?.summary.total;
}

describe('the message router', () => {
  it('records a valid batch and acknowledges it by id', async () => {
    await open();
    const reply = await route(
      { type: 'findings/record', batchId: 'b7', findings: [finding({ postId: 'x' })] },
      'content-script',
      async () => db,
    );
    expect(reply).toEqual({ ok: true, batchId: 'b7', stored: 1 });
    // Kept in the inbox; the next request that reads writes it into the posts first.
    expect(await db.inbox.count()).toBe(1);
    expect(await facebookTotal()).toBe(1);
    expect(await db.posts.get(['facebook', 'x'])).toMatchObject({ postId: 'x' });
    expect(await db.inbox.count()).toBe(0);
  });

  it(`rejects a generated corpus of malformed messages with clear errors, and changes nothing`, async () => {
    await open();
    await recordFindings(db, [finding({ postId: 'kept', audience: 'friends' })], true);
    const before = await snapshot(db);
    const corpus = malformedMessages();
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    for (const { name, message } of corpus) {
      for (const sender of ['content-script', 'extension-page'] as const) {
        const reply = await route(message, sender, async () => db);
        expect(reply, name).toMatchObject({ ok: false });
        expect(FailureSchema.parse(reply).code, name).toMatch(/^(invalid-message|not-allowed)$/);
        expect((reply as Failure).detail, name).toMatch(/^(invalid message: |not allowed from this sender)/);
      }
    }
    expect(await snapshot(db)).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers strangers nothing, and refuses content scripts anything but findings and settings', async () => {
    await open();
    expect(await route({ type: 'summary/get' }, 'stranger', async () => db)).toBeUndefined();
    expect(await route({ type: 'data/delete-all', confirm: true }, 'content-script', async () => db)).toEqual({
      ok: false,
      code: 'not-allowed',
      detail: 'not allowed from this sender: data/delete-all',
    });
    expect(mayAsk('content-script', 'overview/get')).toBe(false);
    expect(mayAsk('extension-page', 'data/delete-all')).toBe(true);
  });

  it('classifies senders by extension id and origin', () => {
    const id = 'abc';
    const origin = 'chrome-extension://abc/';
    expect(classifySender({ id, url: 'chrome-extension://abc/src/ui/popup/index.html' }, id, origin)).toBe('extension-page');
    expect(classifySender({ id, url: 'https://www.facebook.com/x', tab: {} }, id, origin)).toBe('content-script');
    expect(classifySender({ id, url: 'https://evil.example/', tab: {} }, id, origin)).toBe('stranger');
    expect(classifySender({ id: 'other', url: 'chrome-extension://abc/x' }, id, origin)).toBe('stranger');
    expect(classifySender({ id, url: 'https://www.facebook.com/x' }, id, origin)).toBe('stranger');
    expect(classifySender({ id }, id, origin)).toBe('stranger');
  });

  it('trusts a tab on each Facebook host (www., web., m.) and on no look-alike', () => {
    const id = 'abc';
    const origin = 'chrome-extension://abc/';
    const tab = (url: string) => classifySender({ id, url, tab: {} }, id, origin);
    for (const host of ['www.facebook.com', 'web.facebook.com', 'm.facebook.com', 'www.instagram.com']) {
      expect(tab(`https://${host}/alice.martin`)).toBe('content-script');
    }
    for (const url of [
      'https://evil-facebook.com/',
      'https://facebook.com.evil.example/',
      'https://facebook.com/',
      'https://business.facebook.com/',
      'http://m.facebook.com/',
      'https://m.facebook.com:8443/',
    ]) {
      expect(tab(url)).toBe('stranger');
    }
  });

  /** Makes `table.method` fail as a full disk does, until the returned function puts it back. */
  function diskFullAt<T extends object>(table: T, method: keyof T & string): () => void {
    const original = table[method];
    (table as Record<string, unknown>)[method] = () => {
      const error = new Error('The quota has been exceeded.');
      error.name = 'QuotaExceededError';
      return Promise.reject(error);
    };
    return () => void ((table as Record<string, unknown>)[method] = original);
  }

  it('reports a full disk when a batch cannot be kept, and writes nothing', async () => {
    await open();
    await recordFindings(db, [finding({ postId: 'kept' })], true);
    const before = await snapshot(db);
    const restore = diskFullAt(db.inbox, 'add');
    const reply = await route(
      { type: 'findings/record', batchId: 'b', findings: [finding(), finding()] },
      'content-script',
      async () => db,
    );
    restore();
    expect(reply).toEqual({ ok: false, code: 'storage-full', detail: 'could not findings/record: storage full' });
    expect(await snapshot(db)).toBe(before);
  });

  it('keeps a batch in the inbox when the disk fills while it is written into the posts, and writes it later', async () => {
    await open();
    await recordFindings(db, [finding({ postId: 'kept' })], true);
    const record = { type: 'findings/record', batchId: 'b', findings: [finding({ postId: 'late-1' }), finding({ postId: 'late-2' })] };
    expect(await route(record, 'content-script', async () => db)).toMatchObject({ ok: true, stored: 2 });
    const posts = JSON.stringify(await db.posts.toArray());
    const history = JSON.stringify(await db.observations.toArray());
    // The quota is reached in the middle of the fold: its transaction rolls back whole, the read is still answered.
    const restore = diskFullAt(db.observations, 'bulkAdd');
    const total = await facebookTotal();
    restore();
    expect(total).toBe(1);
    expect(JSON.stringify(await db.posts.toArray())).toBe(posts);
    expect(JSON.stringify(await db.observations.toArray())).toBe(history);
    expect(await db.inbox.count()).toBe(1);
    // Space again: the next read writes the batch.
    expect(await facebookTotal()).toBe(3);
    expect(await db.inbox.count()).toBe(0);
  });

  it('deletes everything, the inbox too, without first writing the inbox into the posts', async () => {
    await open();
    await recordFindings(db, [finding({ postId: 'kept' })], true);
    await route({ type: 'findings/record', batchId: 'b', findings: [finding({ postId: 'waiting' })] }, 'content-script', async () => db);
    expect(await db.inbox.count()).toBe(1);
    const settle = vi.fn(async () => undefined);
    const reply = await route({ type: 'data/delete-all', confirm: true }, 'extension-page', async () => db, { settle });
    expect(reply).toEqual({ ok: true, deleted: true });
    expect(settle).not.toHaveBeenCalled();
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
    // Any other request still folds first.
    await route({ type: 'overview/get' }, 'extension-page', async () => db, { settle });
    expect(settle).toHaveBeenCalledTimes(1);
  });

  it('records an objection, refuses one in the future, and shows it in the overview', async () => {
    await open();
    const objectedAt = Date.UTC(2025, 5, 1);
    expect(await route({ type: 'objection/record', platform: 'facebook', objectedAt }, 'extension-page', async () => db)).toEqual({
      ok: true,
      done: true,
    });
    const future = await route(
      { type: 'objection/record', platform: 'facebook', objectedAt: Date.now() + 5 * 86_400_000 },
      'extension-page',
      async () => db,
    );
    expect(future).toMatchObject({ ok: false });
    const overview = await route({ type: 'overview/get' }, 'extension-page', async () => db);
    expect(overview).toMatchObject({ ok: true });
    expect((overview as { platforms: { objectedAt?: number }[] }).platforms[0]?.objectedAt).toBe(objectedAt);
  });

  it('walks the guided fix: opens a step in one tab, moves that tab on, and tells only that tab its target', async () => {
    await open();
    await recordFindings(
      db,
      [
        finding({ postId: 'newer', url: 'https://www.facebook.com/alice/posts/newer', publishedAt: Date.UTC(2025, 1, 1) }),
        finding({ postId: 'older', url: 'https://www.facebook.com/alice/posts/older', publishedAt: Date.UTC(2024, 1, 1) }),
      ],
      true,
    );
    const calls: string[] = [];
    let existing = false;
    const fixTabs = {
      open: async (url: string) => (calls.push(`open ${url}`), 7),
      exists: async () => existing,
      focus: async () => undefined,
      navigate: async (tabId: number, url: string) => void calls.push(`navigate ${tabId} ${url}`),
      notify: async (tabId: number) => void calls.push(`notify ${tabId}`),
    };
    const page = (message: unknown) => route(message, 'extension-page', async () => db, { fixTabs });
    const tab = (tabId: number) => route({ type: 'fix/for-this-tab' }, 'content-script', async () => db, { fixTabs, tabId });
    expect(await page({ type: 'fix/next', filter: {} })).toEqual({ ok: true, current: { platform: 'facebook', id: 'newer' } });
    existing = true;
    expect(await tab(7)).toEqual({ ok: true, target: { kind: 'post', platform: 'facebook', postId: 'newer' } });
    expect(await tab(8)).toEqual({ ok: true, target: null });
    // An extension page is no tab of the site: it has no target even if it names the tab.
    expect(await route({ type: 'fix/for-this-tab' }, 'extension-page', async () => db, { fixTabs, tabId: 7 })).toEqual({
      ok: true,
      target: null,
    });
    expect(await page({ type: 'fix/skip', step: { platform: 'facebook', id: 'newer' } })).toEqual({ ok: true, done: true });
    expect(await page({ type: 'fix/next', filter: {} })).toEqual({ ok: true, current: { platform: 'facebook', id: 'older' } });
    expect(calls).toEqual([
      'open https://www.facebook.com/alice/posts/newer',
      'notify 7',
      'navigate 7 https://www.facebook.com/alice/posts/older',
      'notify 7',
    ]);
    expect(await page({ type: 'fix/open', step: { platform: 'facebook', id: 'elsewhere' } })).toMatchObject({
      ok: false,
      code: 'fix-step-unknown',
    });
    expect(await route({ type: 'fix/next', filter: {} }, 'extension-page', async () => db, {})).toMatchObject({
      ok: false,
      code: 'fix-no-tabs',
    });
    // Content scripts may only ask for their target.
    expect(await route({ type: 'fix/next', filter: {} }, 'content-script', async () => db, { fixTabs, tabId: 7 })).toMatchObject({
      ok: false,
      code: 'not-allowed',
    });
  });

  it('answers every message with a reply its sender can parse with the reply schema', async () => {
    await open();
    await recordAccounts(db, [
      {
        platform: 'instagram',
        accountId: '42',
        username: 'alice',
        isViewer: true,
        privacy: 'private',
        evidence: 'account',
        seenAt: Date.now(),
      },
    ]);
    await recordObjection(db, 'facebook', Date.UTC(2025, 5, 1), Date.now());
    const tabs = { open: async () => 7, exists: async () => true, focus: async () => undefined };
    const fixTabs = { ...tabs, navigate: async () => undefined, notify: async () => undefined };
    await recordFindings(db, [finding({ postId: 'to-fix', audience: 'public' })], true);
    const asked: [Request, 'content-script' | 'extension-page'][] = [
      [
        { type: 'findings/record', batchId: 'b', findings: [{ ...finding({ postId: 'r', excerpt: 'Hello' }), isOwn: true }], accounts: [] },
        'content-script',
      ],
      [{ type: 'settings/get' }, 'content-script'],
      [{ type: 'accounts/viewer-state', platform: 'instagram', accountId: '42' }, 'content-script'],
      [{ type: 'scan/for-this-tab' }, 'content-script'],
      [{ type: 'settings/set', settings: { keepExcerpts: true } }, 'extension-page'],
      [{ type: 'summary/get' }, 'extension-page'],
      [{ type: 'overview/get' }, 'extension-page'],
      [{ type: 'objection/form-opened', platform: 'instagram' }, 'extension-page'],
      [{ type: 'objection/dismiss-prompt', platform: 'instagram' }, 'extension-page'],
      [{ type: 'objection/clear', platform: 'instagram' }, 'extension-page'],
      [{ type: 'scan/start', platform: 'facebook' }, 'extension-page'],
      [{ type: 'scan/status', platform: 'facebook' }, 'extension-page'],
      [{ type: 'scan/pause', platform: 'facebook' }, 'extension-page'],
      [{ type: 'scan/resume', platform: 'facebook' }, 'extension-page'],
      [{ type: 'scan/cancel', platform: 'facebook' }, 'extension-page'],
      [{ type: 'scan/progress', scanId: 99, progress: { postsFound: 0, publicFound: 0 } }, 'content-script'],
      [{ type: 'scan/pause' }, 'extension-page'],
      [{ type: 'fix/queue', filter: {} }, 'extension-page'],
      [{ type: 'fix/open', step: { platform: 'facebook', id: 'to-fix' } }, 'extension-page'],
      [{ type: 'fix/open', step: { platform: 'facebook', id: 'not-in-queue' } }, 'extension-page'],
      [{ type: 'fix/for-this-tab' }, 'content-script'],
      [{ type: 'fix/skip', step: { platform: 'facebook', id: 'to-fix' } }, 'extension-page'],
      [{ type: 'fix/next', filter: { platform: 'facebook' } }, 'extension-page'],
      [{ type: 'fix/queue', filter: {} }, 'content-script'],
      [{ type: 'data/delete-all', confirm: true }, 'content-script'],
      [{ type: 'data/delete-all', confirm: true }, 'extension-page'],
    ];
    for (const [request, sender] of asked) {
      const reply = await route(request, sender, async () => db, { tabs, fixTabs, tabId: 7 });
      const parsed = replySchema(request.type).safeParse(reply);
      expect(parsed.success, `${request.type}: ${JSON.stringify(reply)}`).toBe(true);
    }
  });
});
