import { afterEach, describe, expect, it } from 'vitest';
import { deleteEverything, exposureSummary, openDatabase, recordFindings, type GlasshouseDatabase } from '../../../src/db';
import { finding, freshName } from './findings-factory';

let db: GlasshouseDatabase;
const open = async () =>
  (db = await openDatabase(freshName())
    .open()
    .then((d) => d as GlasshouseDatabase));
afterEach(async () => {
  await db?.delete();
});

describe('recording findings', () => {
  it('stores a new post with its first observation', async () => {
    await open();
    const f = finding({ postId: 'a', audience: 'public' });
    expect(await recordFindings(db, [f], true)).toEqual({ stored: 1, changed: 1 });
    const post = await db.posts.get(['facebook', 'a']);
    expect(post).toMatchObject({ audience: 'public', eligible: 'yes', firstSeen: f.seenAt, lastSeen: f.seenAt, publishedYear: 0 });
    expect(await db.observations.count()).toBe(1);
  });

  it('adds an observation when the audience changes, and keeps the history in order', async () => {
    await open();
    await recordFindings(db, [finding({ postId: 'a', audience: 'public', seenAt: 1000 })], true);
    await recordFindings(db, [finding({ postId: 'a', audience: 'public', seenAt: 2000 })], true);
    await recordFindings(db, [finding({ postId: 'a', audience: 'friends', seenAt: 3000 })], true);
    const history = await db.observations.where('[platform+postId]').equals(['facebook', 'a']).sortBy('observedAt');
    expect(history.map((o) => [o.audience, o.observedAt])).toEqual([
      ['public', 1000],
      ['friends', 3000],
    ]);
    expect(await db.posts.get(['facebook', 'a'])).toMatchObject({ audience: 'friends', eligible: 'no', firstSeen: 1000, lastSeen: 3000 });
  });

  it('merges duplicates within a batch, keeping the latest reading', async () => {
    await open();
    const result = await recordFindings(
      db,
      [finding({ postId: 'a', audience: 'friends', seenAt: 2000 }), finding({ postId: 'a', audience: 'public', seenAt: 1000 })],
      true,
    );
    expect(result.stored).toBe(1);
    expect(await db.posts.count()).toBe(1);
    expect((await db.posts.get(['facebook', 'a']))?.audience).toBe('friends');
  });

  it('never lets an older reading that arrives late overwrite a newer one', async () => {
    await open();
    await recordFindings(db, [finding({ postId: 'a', audience: 'only_me', seenAt: 5000 })], true);
    await recordFindings(db, [finding({ postId: 'a', audience: 'public', seenAt: 1000 })], true);
    expect(await db.posts.get(['facebook', 'a'])).toMatchObject({ audience: 'only_me', firstSeen: 1000, lastSeen: 5000 });
  });

  it('does not replace a known audience with unknown (a page that failed to show its icon)', async () => {
    await open();
    await recordFindings(db, [finding({ postId: 'a', audience: 'public', seenAt: 1000 })], true);
    await recordFindings(db, [finding({ postId: 'a', audience: 'unknown', evidence: 'none', seenAt: 2000 })], true);
    expect(await db.posts.get(['facebook', 'a'])).toMatchObject({ audience: 'public', lastSeen: 2000 });
    expect(await db.observations.count()).toBe(1);
  });

  it('drops excerpts when the user keeps none', async () => {
    await open();
    await recordFindings(db, [finding({ postId: 'a', excerpt: 'my text' })], false);
    expect((await db.posts.get(['facebook', 'a']))?.excerpt).toBeUndefined();
  });

  it('counts per platform and eligibility (the kept counts), and deletes everything', async () => {
    await open();
    await recordFindings(
      db,
      [
        finding({ audience: 'public' }),
        finding({ audience: 'public' }),
        finding({ audience: 'friends' }),
        finding({ audience: 'unknown', evidence: 'none' }),
        finding({ platform: 'instagram', audience: 'public_account', evidence: 'account' }),
      ],
      true,
    );
    const { platforms } = await exposureSummary(db);
    expect(platforms.find((p) => p.platform === 'facebook')).toMatchObject({ eligible: 2, notEligible: 1, unknown: 1, total: 4 });
    expect(platforms.find((p) => p.platform === 'instagram')).toMatchObject({ eligible: 1, total: 1 });
    await deleteEverything(db);
    for (const table of db.tables) expect(await table.count()).toBe(0);
  });
});

describe('a post stored under its permalink, then found under its data id', () => {
  it('moves to the data id with its history, leaving no duplicate', async () => {
    await open();
    await recordFindings(db, [finding({ postId: 'pfbid02x', audience: 'unknown', evidence: 'none', seenAt: 1_750_000_000_000 })], true);
    await recordFindings(
      db,
      [finding({ postId: '6101', aliasIds: ['pfbid02x'], audience: 'public', evidence: 'graphql', seenAt: 1_750_000_001_000 })],
      true,
    );
    expect(await db.posts.get(['facebook', 'pfbid02x'])).toBeUndefined();
    expect(await db.posts.get(['facebook', '6101'])).toMatchObject({
      audience: 'public',
      firstSeen: 1_750_000_000_000,
      lastSeen: 1_750_000_001_000,
    });
    const history = await db.observations.where('[platform+postId]').equals(['facebook', '6101']).sortBy('observedAt');
    expect(history.map((o) => o.audience)).toEqual(['unknown', 'public']);
    expect(await db.posts.count()).toBe(1);
  });

  it('moves once when two findings of one batch name the same alias: no stale copy under the second id', async () => {
    await open();
    await recordFindings(db, [finding({ postId: 'pfbid02y', audience: 'friends', evidence: 'label', seenAt: 1_750_000_000_000 })], true);
    await recordFindings(
      db,
      [
        finding({ postId: '7001', aliasIds: ['pfbid02y'], audience: 'friends', evidence: 'graphql', seenAt: 1_750_000_001_000 }),
        finding({ postId: '7002', aliasIds: ['pfbid02y'], audience: 'public', evidence: 'graphql', seenAt: 1_750_000_001_000 }),
      ],
      true,
    );
    expect(await db.posts.get(['facebook', 'pfbid02y'])).toBeUndefined();
    // The old record's history went to the first; the second is only what it was seen as.
    const history = async (id: string) =>
      (await db.observations.where('[platform+postId]').equals(['facebook', id]).sortBy('observedAt')).map((o) => o.audience);
    expect(await history('7001')).toEqual(['friends', 'friends']);
    expect(await history('7002')).toEqual(['public']);
    expect(await db.posts.get(['facebook', '7002'])).toMatchObject({ audience: 'public', firstSeen: 1_750_000_001_000 });
  });
});
