import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core';
import { exposureSummary, openDatabase, type GlasshouseDatabase } from '../../../src/db';
import { recordBatch } from './write-batch';
import { finding, freshName } from './findings-factory';
import { snapshot } from './database-snapshot';

let db: GlasshouseDatabase;
const open = async () => (db = (await openDatabase(freshName()).open()) as GlasshouseDatabase);
afterEach(async () => {
  await db?.delete();
});

const diagnostics = { platform: 'facebook' as const, unknownAudiences: 1, errors: 0, unreadLabels: {} };
const fifty = (seenAt: number, audience: (i: number) => Finding['audience']) =>
  Array.from({ length: 50 }, (_, i) => finding({ postId: `b${i}`, audience: audience(i), seenAt }));

describe('a batch of findings', () => {
  it('is written whole: posts, history, counts, accounts and diagnostics', async () => {
    await open();
    const result = await recordBatch(
      db,
      {
        findings: fifty(1000, (i) => (i % 2 ? 'public' : 'friends')),
        accounts: [{ platform: 'facebook', accountId: '100001', isViewer: true, privacy: 'unknown', evidence: 'none', seenAt: 1000 }],
        diagnostics,
      },
      5000,
    );
    expect(result).toEqual({ stored: 50, changed: 50 });
    expect(await db.posts.count()).toBe(50);
    expect(await db.observations.count()).toBe(50);
    expect(await db.accounts.count()).toBe(1);
    expect(await db.diagnostics.get('facebook')).toMatchObject({ unknownAudiences: 1, updatedAt: 5000 });
    expect((await exposureSummary(db)).platforms.find((p) => p.platform === 'facebook')).toMatchObject({
      total: 50,
      eligible: 25,
      notEligible: 25,
    });
  });

  it('keeps each post its history: a later batch adds a step only where the audience changed', async () => {
    await open();
    await recordBatch(db, { findings: fifty(1000, () => 'public') }, 1000);
    await recordBatch(db, { findings: fifty(2000, (i) => (i < 10 ? 'only_me' : 'public')) }, 2000);
    await recordBatch(db, { findings: fifty(3000, (i) => (i < 5 ? 'public' : i < 10 ? 'only_me' : 'public')) }, 3000);
    const steps = await db.observations.where('[platform+postId]').equals(['facebook', 'b3']).sortBy('observedAt');
    expect(steps.map((s) => [s.audience, s.observedAt])).toEqual([
      ['public', 1000],
      ['only_me', 2000],
      ['public', 3000],
    ]);
    const unchanged = await db.observations.where('[platform+postId]').equals(['facebook', 'b7']).sortBy('observedAt');
    expect(unchanged.map((s) => [s.audience, s.observedAt])).toEqual([
      ['public', 1000],
      ['only_me', 2000],
    ]);
    expect(await db.observations.count()).toBe(50 + 10 + 5);
    expect(await db.posts.get(['facebook', 'b20'])).toMatchObject({ audience: 'public', firstSeen: 1000, lastSeen: 3000 });
  });

  it('that fails in the middle leaves nothing half-written: not its posts, history, counts nor diagnostics', async () => {
    await open();
    await recordBatch(db, { findings: fifty(1000, () => 'public') }, 1000);
    const before = await snapshot(db);
    // The 26th post's write fails, as a full disk would: the 25 before it were already put.
    const refuse = (_key: unknown, post: { postId: string }) => {
      if (post.postId === 'b25') throw new Error('the disk said no');
    };
    db.posts.hook('updating', (_changes, key, post) => refuse(key, post));
    await expect(recordBatch(db, { findings: fifty(2000, () => 'friends'), diagnostics }, 2000)).rejects.toThrow();
    expect(await snapshot(db)).toBe(before);
  });

  it('whose last part fails (the diagnostics) keeps none of its findings either', async () => {
    await open();
    const before = await snapshot(db);
    const broken = { ...diagnostics, platform: { not: 'a key' } as unknown as 'facebook' };
    await expect(recordBatch(db, { findings: fifty(1000, () => 'public'), diagnostics: broken }, 1000)).rejects.toThrow();
    expect(await snapshot(db)).toBe(before);
  });
});
