import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, recordFindings, type GlasshouseDatabase } from '../../../src/db';
import { lastSeenPost, postsLastSeenBetween } from '../../../src/db/last-seen';
import { finding, freshName } from './findings-factory';

let opened: GlasshouseDatabase | undefined;
afterEach(async () => {
  await opened?.delete();
  opened = undefined;
});

/** Facebook posts of all three eligibilities, seen at interleaved times, and one Instagram post seen last of all. */
async function stored(): Promise<GlasshouseDatabase> {
  const db = (opened = (await openDatabase(freshName()).open()) as GlasshouseDatabase);
  await recordFindings(
    db,
    [
      finding({ postId: 'yes-10', audience: 'public', seenAt: 10 }),
      finding({ postId: 'no-20', audience: 'friends', seenAt: 20 }),
      finding({ postId: 'unknown-30', audience: 'unknown', seenAt: 30 }),
      finding({ postId: 'no-40', audience: 'only_me', seenAt: 40 }),
      finding({ postId: 'b-yes-40', audience: 'public', seenAt: 40 }),
      finding({ postId: 'unknown-50', audience: 'unknown', seenAt: 50 }),
      finding({
        platform: 'instagram',
        postId: 'ig-60',
        url: 'https://www.instagram.com/p/ig-60/',
        audience: 'public_account',
        seenAt: 60,
      }),
    ],
    true,
  );
  return db;
}

describe('posts by last sighting, from [platform+eligible+lastSeen] (schema 5 dropped [platform+lastSeen])', () => {
  it('reads every eligibility of the platform, in the order of the dropped index: by last sighting, then by id', async () => {
    const db = await stored();
    const ids = (posts: { postId: string }[]) => posts.map((post) => post.postId);
    expect(ids(await postsLastSeenBetween(db, 'facebook', -Infinity, Infinity))).toEqual([
      'yes-10',
      'no-20',
      'unknown-30',
      'b-yes-40',
      'no-40',
      'unknown-50',
    ]);
    // Automatic deletion's range: the upper end left out.
    expect(ids(await postsLastSeenBetween(db, 'facebook', -Infinity, 40, false))).toEqual(['yes-10', 'no-20', 'unknown-30']);
    expect(ids(await postsLastSeenBetween(db, 'facebook', 20, 40))).toEqual(['no-20', 'unknown-30', 'b-yes-40', 'no-40']);
    expect(ids(await postsLastSeenBetween(db, 'instagram', -Infinity, Infinity))).toEqual(['ig-60']);
  });

  it('finds the post seen last whatever its eligibility, per platform', async () => {
    const db = await stored();
    expect((await lastSeenPost(db, 'facebook'))?.postId).toBe('unknown-50');
    expect((await lastSeenPost(db, 'instagram'))?.postId).toBe('ig-60');
    await db.posts.clear();
    expect(await lastSeenPost(db, 'facebook')).toBeUndefined();
  });
});
