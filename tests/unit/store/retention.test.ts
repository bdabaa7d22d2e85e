import { afterEach, describe, expect, it } from 'vitest';
import { deleteOlderThan, exposureSummary, openDatabase, recordFindings, type GlasshouseDatabase } from '../../../src/db';
import { finding, freshName } from './findings-factory';

const DAY = 24 * 3600 * 1000;
const NOW = Date.UTC(2026, 5, 1);

let opened: GlasshouseDatabase | undefined;
const open = async () => (opened = (await openDatabase(freshName()).open()) as GlasshouseDatabase);
afterEach(async () => {
  await opened?.delete();
  opened = undefined;
});

describe('automatic deletion', () => {
  it('deletes the posts of every platform not seen for the chosen days, with their history, and keeps the rest', async () => {
    const db = await open();
    await recordFindings(
      db,
      [
        finding({ postId: 'fb-old', audience: 'public', seenAt: NOW - 40 * DAY }),
        finding({ postId: 'fb-edge', audience: 'friends', seenAt: NOW - 30 * DAY }),
        finding({ postId: 'fb-new', audience: 'unknown', seenAt: NOW - DAY }),
        finding({
          platform: 'instagram',
          postId: 'ig-old',
          url: 'https://www.instagram.com/p/ig-old/',
          audience: 'public_account',
          seenAt: NOW - 31 * DAY,
        }),
        finding({
          platform: 'instagram',
          postId: 'ig-new',
          url: 'https://www.instagram.com/p/ig-new/',
          audience: 'private_account',
          seenAt: NOW - 2 * DAY,
        }),
      ],
      true,
    );
    // A post seen long ago and again recently stays: its last sighting counts.
    await recordFindings(db, [finding({ postId: 'fb-seen-again', audience: 'public', seenAt: NOW - 90 * DAY })], true);
    await recordFindings(db, [finding({ postId: 'fb-seen-again', audience: 'public', seenAt: NOW - 3 * DAY })], true);

    expect(await deleteOlderThan(db, 0, NOW)).toBe(0);
    expect(await deleteOlderThan(db, 30, NOW)).toBe(2);
    const left = (await db.posts.toArray()).map((post) => `${post.platform}/${post.postId}`).sort();
    // Exactly 30 days is not older than 30 days.
    expect(left).toEqual(['facebook/fb-edge', 'facebook/fb-new', 'facebook/fb-seen-again', 'instagram/ig-new']);
    const history = (await db.observations.toArray()).map((o) => o.postId).sort();
    expect(history).toEqual(['fb-edge', 'fb-new', 'fb-seen-again', 'ig-new']);
    expect((await exposureSummary(db)).platforms.map(({ platform, total, eligible }) => ({ platform, total, eligible }))).toEqual([
      { platform: 'facebook', total: 3, eligible: 1 },
      { platform: 'instagram', total: 1, eligible: 0 },
    ]);
    expect(await deleteOlderThan(db, 30, NOW)).toBe(0);
  });
});
