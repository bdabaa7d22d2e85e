import type { ObservedPost, Platform } from '../core';
import { ELIGIBILITIES } from '../core';
import type { GlasshouseDatabase } from './schema';

/**
 * A platform's posts by when they were last seen, read from the one index that knows it,
 * `[platform+eligible+lastSeen]`: one range per eligibility. Schema 5 dropped `[platform+lastSeen]`,
 * which said the same thing once more for every post written, so each write costs one index entry
 * fewer (bench/notes/storage.md); its three readers ask these three ranges instead.
 */
export async function postsLastSeenBetween(
  db: GlasshouseDatabase,
  platform: Platform,
  from: number,
  to: number,
  includeUpper = true,
): Promise<ObservedPost[]> {
  const ranges = await Promise.all(
    ELIGIBILITIES.map((eligible) =>
      db.posts
        .where('[platform+eligible+lastSeen]')
        .between([platform, eligible, from], [platform, eligible, to], true, includeUpper)
        .toArray(),
    ),
  );
  // In the order the dropped index gave: by last sighting, then by id.
  return ranges.flat().sort((a, b) => a.lastSeen - b.lastSeen || (a.postId < b.postId ? -1 : a.postId > b.postId ? 1 : 0));
}

/** The post of `platform` seen last (the newest `lastSeen`), or undefined when none is stored. */
export async function lastSeenPost(db: GlasshouseDatabase, platform: Platform): Promise<ObservedPost | undefined> {
  const latest = await Promise.all(
    ELIGIBILITIES.map((eligible) =>
      db.posts.where('[platform+eligible+lastSeen]').between([platform, eligible, -Infinity], [platform, eligible, Infinity]).last(),
    ),
  );
  return latest.reduce<ObservedPost | undefined>(
    (best, post) => (post && (!best || post.lastSeen > best.lastSeen) ? post : best),
    undefined,
  );
}
