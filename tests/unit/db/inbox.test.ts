import { afterEach, describe, expect, it } from 'vitest';
import { databaseOnDemand } from '../../../src/background/worker-database';
import type { Finding } from '../../../src/core';
import {
  deleteEverything,
  foldInbox,
  openDatabase,
  overview,
  readReportTables,
  receiveBatch,
  type GlasshouseDatabase,
  type StoredInboxBatch,
  UNWRITTEN_AFTER_MS,
  writeSettings,
} from '../../../src/db';
import { finding, freshName } from './findings-factory';
import { recordBatch } from './write-batch';

const opened: GlasshouseDatabase[] = [];
async function open(name = freshName()): Promise<GlasshouseDatabase> {
  const db = (await openDatabase(name).open()) as GlasshouseDatabase;
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const T = 1_750_000_000_000;
const account = (seenAt: number, privacy: 'public' | 'private') => ({
  platform: 'instagram' as const,
  accountId: '42',
  isViewer: true,
  privacy,
  evidence: 'label' as const,
  seenAt,
});

/** A stream as a feed sends it: posts seen again, one made friends-only between batches, an account, diagnostics. */
function stream(): StoredInboxBatch[] {
  const post = (postId: string, audience: Finding['audience'], seenAt: number) =>
    finding({ postId, url: `https://www.facebook.com/alice/posts/${postId}`, audience, seenAt });
  return [
    { receivedAt: T + 10, findings: [post('a', 'public', T), post('b', 'public', T)] },
    {
      receivedAt: T + 20,
      findings: [post('a', 'friends', T + 15), post('c', 'only_me', T + 15)],
      accounts: [account(T + 15, 'public')],
    },
    {
      receivedAt: T + 30,
      findings: [post('b', 'public', T + 25)],
      accounts: [account(T + 25, 'private')],
      diagnostics: { platform: 'facebook', unknownAudiences: 0, errors: 0, unreadLabels: {} },
    },
  ];
}

/** Every table but the inbox, as one string. */
async function written(db: GlasshouseDatabase): Promise<string> {
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables) if (table.name !== 'inbox') tables[table.name] = await table.toArray();
  return JSON.stringify(tables);
}

describe('the inbox', () => {
  it('writes what writing each batch on arrival writes: history steps between batches included', async () => {
    const direct = await open();
    for (const { receivedAt, ...batch } of stream()) await recordBatch(direct, batch, receivedAt);
    const folded = await open();
    for (const { receivedAt, ...batch } of stream()) expect(await receiveBatch(folded, batch, receivedAt)).toBe(batch.findings.length);
    expect(await folded.posts.count()).toBe(0);
    expect(await foldInbox(folded, () => T + 30)).toBe(3);
    expect(await written(folded)).toBe(await written(direct));
    expect(await folded.inbox.count()).toBe(0);
    // Made friends-only in the second batch: both steps kept, not only the latest reading.
    const steps = await folded.observations.where('[platform+postId]').equals(['facebook', 'a']).sortBy('observedAt');
    expect(steps.map((s) => s.audience)).toEqual(['public', 'friends']);
    expect(await folded.diagnostics.get('facebook')).toMatchObject({ updatedAt: T + 30 });
  });

  it('folds a long inbox in several short transactions, in arrival order', async () => {
    const db = await open();
    for (let i = 0; i < 25; i += 1)
      await receiveBatch(db, { findings: [finding({ postId: 'same', audience: i % 2 ? 'friends' : 'public', seenAt: T + i })] }, T + i);
    expect(await foldInbox(db)).toBe(25);
    const steps = await db.observations.where('[platform+postId]').equals(['facebook', 'same']).sortBy('observedAt');
    expect(steps).toHaveLength(25);
    expect(await db.posts.get(['facebook', 'same'])).toMatchObject({ audience: 'public', firstSeen: T, lastSeen: T + 24 });
  });

  it('does not let a batch that cannot be written hold up the others, and keeps it for the next fold', async () => {
    const db = await open();
    for (const postId of ['before', 'poison', 'after'])
      await receiveBatch(db, { findings: [finding({ postId, url: `https://www.facebook.com/alice/posts/${postId}`, seenAt: T })] }, T);
    // A write that fails for one batch only, as a bug in writing one kind of reading would.
    const bulkAdd = db.observations.bulkAdd.bind(db.observations);
    db.observations.bulkAdd = ((steps: { postId: string }[]) =>
      steps.some((step) => step.postId === 'poison')
        ? Promise.reject(new Error('cannot write this one'))
        : bulkAdd(steps as never)) as never;
    expect(await foldInbox(db)).toBe(2);
    expect((await db.posts.toArray()).map((p) => p.postId).sort()).toEqual(['after', 'before']);
    expect((await db.inbox.toArray()).map((b) => b.findings[0]?.postId)).toEqual(['poison']);
    // The overview counts it once it has waited longer than a few folds, so the Glasshouse page says so.
    expect((await overview(db, T + 1000)).unwritten).toBeUndefined();
    expect((await overview(db, T + UNWRITTEN_AFTER_MS + 1)).unwritten).toBe(1);
    db.observations.bulkAdd = bulkAdd;
    expect(await foldInbox(db)).toBe(1);
    expect(await db.posts.get(['facebook', 'poison'])).toMatchObject({ postId: 'poison' });
    expect(await db.inbox.count()).toBe(0);
    expect((await overview(db, T + UNWRITTEN_AFTER_MS + 1)).unwritten).toBeUndefined();
  });

  it('stops at a full disk, with every batch still in the inbox', async () => {
    const db = await open();
    for (const postId of ['one', 'two']) await receiveBatch(db, { findings: [finding({ postId, seenAt: T })] }, T);
    const bulkPut = db.posts.bulkPut.bind(db.posts);
    db.posts.bulkPut = (() => {
      const error = new Error('The quota has been exceeded.');
      error.name = 'QuotaExceededError';
      return Promise.reject(error);
    }) as never;
    await expect(foldInbox(db)).rejects.toThrow();
    db.posts.bulkPut = bulkPut;
    expect(await db.inbox.count()).toBe(2);
    expect(await db.posts.count()).toBe(0);
  });

  it('writes each batch once when two folds run at once (the worker and a page)', async () => {
    const db = await open();
    for (let i = 0; i < 12; i += 1) await receiveBatch(db, { findings: [finding({ postId: `p${i}`, seenAt: T })] }, T);
    const [first, second] = await Promise.all([foldInbox(db), foldInbox(db)]);
    expect(first + second).toBe(12);
    expect(await db.observations.count()).toBe(12);
    expect(await db.exposureCounts.get('facebook')).toMatchObject({ eligible: 12 });
  });

  it("is folded at the worker's next start when the worker stopped before folding", async () => {
    const name = freshName();
    const stopped = await open(name);
    await receiveBatch(stopped, { findings: [finding({ postId: 'left', seenAt: T })] }, T);
    stopped.close();
    const restarted = await databaseOnDemand(
      () => open(name),
      () => T + 1,
    )();
    expect(await restarted.posts.get(['facebook', 'left'])).toMatchObject({ postId: 'left' });
    expect(await restarted.inbox.count()).toBe(0);
  });

  it('is folded before an extension page reads the report', async () => {
    const db = await open();
    await receiveBatch(db, { findings: [finding({ postId: 'r', seenAt: Date.now() })] }, Date.now());
    const tables = await readReportTables(db);
    expect(tables.posts.map((p) => p.postId)).toEqual(['r']);
    expect(tables.observations).toHaveLength(1);
  });

  it('keeps no excerpt once excerpts are turned off: neither of a batch arriving after, nor of one waiting', async () => {
    const db = await open();
    await receiveBatch(db, { findings: [finding({ postId: 'waiting', excerpt: 'my holiday' })] }, T);
    await writeSettings(db, { keepExcerpts: false });
    await receiveBatch(db, { findings: [finding({ postId: 'after', excerpt: 'sent by a page opened before' })] }, T + 1);
    expect(JSON.stringify(await db.inbox.toArray())).not.toContain('excerpt');
    await foldInbox(db);
    expect((await db.posts.toArray()).map((post) => [post.postId, post.excerpt])).toEqual([
      ['after', undefined],
      ['waiting', undefined],
    ]);
  });

  it('writes a batch of accounts alone (a settings page shows no post) and leaves the database usable', async () => {
    const db = await open();
    await receiveBatch(db, { findings: [], accounts: [account(T, 'private')] }, T);
    expect(await foldInbox(db)).toBe(1);
    expect(await db.accounts.get(['instagram', '42'])).toMatchObject({ privacy: 'private' });
    expect(await readReportTables(db)).toMatchObject({ posts: [], accounts: [{ accountId: '42' }] });
  });

  it('is emptied by "delete everything", with the rest', async () => {
    const db = await open();
    await receiveBatch(db, { findings: [finding()] }, T);
    await deleteEverything(db);
    expect(await db.inbox.count()).toBe(0);
    expect(await foldInbox(db)).toBe(0);
    expect(await db.posts.count()).toBe(0);
  });
});
