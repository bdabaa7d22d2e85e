import { afterEach, describe, expect, it } from 'vitest';
import type { OwnAccountObservation } from '../../../src/core';
import {
  fixQueue,
  fixTargetOfTab,
  nextFixStep,
  noteFixTab,
  openDatabase,
  recordAccounts,
  recordFindings,
  skipFixStep,
  type GlasshouseDatabase,
} from '../../../src/db';
import { finding, freshName } from './findings-factory';

let db: GlasshouseDatabase;
const open = async () => (db = (await openDatabase(freshName()).open()) as GlasshouseDatabase);
afterEach(async () => {
  await db?.delete();
});

const T = 1_750_000_000_000;
const published = (year: number, month = 5) => Date.UTC(year, month, 1);

/** Three public posts of 2023–2025 and one friends-only post, seen at T. */
async function seedPosts() {
  await recordFindings(
    db,
    [
      finding({ postId: 'old', publishedAt: published(2023), seenAt: T }),
      finding({ postId: 'new', publishedAt: published(2025), seenAt: T }),
      finding({ postId: 'mid', publishedAt: published(2024), seenAt: T }),
      finding({ postId: 'friends', audience: 'friends', publishedAt: published(2025, 8), seenAt: T }),
      finding({ postId: 'comment', kind: 'comment', publishedAt: published(2025, 9), seenAt: T }),
      finding({ postId: 'avatar', kind: 'profile_picture', publishedAt: published(2025, 10), seenAt: T }),
    ],
    true,
  );
}

const account = (privacy: OwnAccountObservation['privacy'], seenAt: number): OwnAccountObservation => ({
  platform: 'instagram',
  accountId: '48151623420',
  username: 'alice',
  isViewer: true,
  privacy,
  evidence: 'embedded-json',
  seenAt,
});

describe('the guided fix queue', () => {
  it("holds the user's public posts the user can change, newest first; never friends-only posts, comments or profile photos", async () => {
    await open();
    await seedPosts();
    const queue = await fixQueue(db, {});
    expect(queue.steps.map((s) => s.id)).toEqual(['new', 'mid', 'old']);
    expect(queue.steps.every((s) => s.state === 'to-fix')).toBe(true);
    expect(queue).toMatchObject({ total: 3, fixed: 0, years: [2025, 2024, 2023], current: null });
  });

  it('puts undated posts after the dated ones', async () => {
    await open();
    await seedPosts();
    await recordFindings(db, [finding({ postId: 'undated', seenAt: T + 5 })], true);
    expect((await fixQueue(db, {})).steps.map((s) => s.id)).toEqual(['new', 'mid', 'old', 'undated']);
  });

  it('filters by year and by platform, and counts within the filter', async () => {
    await open();
    await seedPosts();
    await recordAccounts(db, [account('public', T)]);
    expect((await fixQueue(db, { year: 2024 })).steps.map((s) => s.id)).toEqual(['48151623420', 'mid']);
    expect((await fixQueue(db, { platform: 'facebook', year: 2024 })).steps.map((s) => s.id)).toEqual(['mid']);
    const instagram = await fixQueue(db, { platform: 'instagram' });
    expect(instagram.steps).toHaveLength(1);
    expect(instagram.steps[0]).toMatchObject({ kind: 'account', username: 'alice', state: 'to-fix' });
    expect(instagram.total).toBe(1);
  });

  it('marks a post fixed when it is seen non-public later, with the time its audience history says', async () => {
    await open();
    await seedPosts();
    await recordFindings(db, [finding({ postId: 'mid', audience: 'only_me', publishedAt: published(2024), seenAt: T + 60_000 })], true);
    const queue = await fixQueue(db, {});
    expect(queue.steps.find((s) => s.id === 'mid')).toMatchObject({ state: 'fixed', fixedAt: T + 60_000 });
    expect(queue).toMatchObject({ total: 3, fixed: 1 });
    // Public again: back to fix; the progress follows the data, never a flag that could go stale.
    await recordFindings(db, [finding({ postId: 'mid', audience: 'public', seenAt: T + 120_000 })], true);
    expect((await fixQueue(db, {})).fixed).toBe(0);
  });

  it('never calls a post fixed without a non-public reading: an unknown one leaves it to fix', async () => {
    await open();
    await seedPosts();
    await recordFindings(db, [finding({ postId: 'new', audience: 'unknown', evidence: 'none', seenAt: T + 1000 })], true);
    expect((await fixQueue(db, {})).steps.find((s) => s.id === 'new')).toMatchObject({ state: 'to-fix' });
  });

  it('keeps a skipped post in the queue, marked skipped, and offers it again only after the others', async () => {
    await open();
    await seedPosts();
    await skipFixStep(db, { platform: 'facebook', id: 'new' }, T);
    const queue = await fixQueue(db, {});
    expect(queue.steps.map((s) => [s.id, s.state])).toEqual([
      ['new', 'skipped'],
      ['mid', 'to-fix'],
      ['old', 'to-fix'],
    ]);
    expect(queue.total).toBe(3);
    expect((await nextFixStep(db, {}, null))?.id).toBe('mid');
    expect((await nextFixStep(db, {}, { platform: 'facebook', id: 'mid' }))?.id).toBe('old');
    // Wrapping around: after the last, the next still to fix; the skipped one once nothing else is left.
    expect((await nextFixStep(db, {}, { platform: 'facebook', id: 'old' }))?.id).toBe('mid');
    await recordFindings(db, [finding({ postId: 'mid', audience: 'friends', seenAt: T + 1 })], true);
    await recordFindings(db, [finding({ postId: 'old', audience: 'friends', seenAt: T + 1 })], true);
    expect((await nextFixStep(db, {}, { platform: 'facebook', id: 'old' }))?.id).toBe('new');
    await recordFindings(db, [finding({ postId: 'new', audience: 'friends', seenAt: T + 1 })], true);
    expect(await nextFixStep(db, {}, { platform: 'facebook', id: 'new' })).toBeUndefined();
    expect(await fixQueue(db, {})).toMatchObject({ total: 3, fixed: 3 });
  });

  it('keeps progress in the database: a new connection (a browser restart) sees the same counts and skips', async () => {
    await open();
    await seedPosts();
    await skipFixStep(db, { platform: 'facebook', id: 'old' }, T);
    await recordFindings(db, [finding({ postId: 'new', audience: 'friends', seenAt: T + 1 })], true);
    const name = db.name;
    db.close();
    db = (await openDatabase(name).open()) as GlasshouseDatabase;
    const queue = await fixQueue(db, {});
    expect(queue).toMatchObject({ total: 3, fixed: 1 });
    expect(queue.steps.map((s) => s.state)).toEqual(['fixed', 'to-fix', 'skipped']);
  });

  it("marks the Instagram account's step fixed when the account is seen private, at the time its privacy history says", async () => {
    await open();
    await recordAccounts(db, [account('public', T)]);
    await recordFindings(
      db,
      [finding({ platform: 'instagram', postId: 'ig1', url: 'https://www.instagram.com/p/ig1/', audience: 'public_account' })],
      true,
    );
    expect((await fixQueue(db, {})).steps[0]).toMatchObject({ kind: 'account', state: 'to-fix', publicPosts: 1 });
    await recordAccounts(db, [account('unknown', T + 10)]);
    expect((await fixQueue(db, {})).steps[0]).toMatchObject({ state: 'to-fix' });
    await recordAccounts(db, [account('private', T + 20)]);
    expect((await fixQueue(db, {})).steps[0]).toMatchObject({ state: 'fixed', fixedAt: T + 20 });
  });

  it('tells only the fix tab its target', async () => {
    await open();
    await seedPosts();
    expect(await fixTargetOfTab(db, 7)).toBeNull();
    await noteFixTab(db, { platform: 'facebook', id: 'mid' }, 7, T);
    expect(await fixTargetOfTab(db, 7)).toEqual({ kind: 'post', platform: 'facebook', postId: 'mid' });
    expect(await fixTargetOfTab(db, 8)).toBeNull();
    expect(await fixTargetOfTab(db, undefined)).toBeNull();
    expect((await fixQueue(db, {})).current).toEqual({ platform: 'facebook', id: 'mid' });
    await noteFixTab(db, { platform: 'instagram', id: '48151623420' }, 9, T);
    expect(await fixTargetOfTab(db, 9)).toEqual({ kind: 'account', platform: 'instagram', accountId: '48151623420' });
  });
});
