import { PLATFORMS } from '../core';
import { ExposureCountChange } from './exposure-counts';
import type { GlasshouseDatabase } from './schema';

const DAY = 24 * 3600 * 1000;

/** Automatic deletion: posts not seen for `days` days go, with their history. 0 keeps everything. */
export async function deleteOlderThan(db: GlasshouseDatabase, days: number, now: number): Promise<number> {
  if (days <= 0) return 0;
  const cutoff = now - days * DAY;
  return db.transaction('rw', db.posts, db.observations, db.exposureCounts, async () => {
    const old = (
      await Promise.all(
        PLATFORMS.map((platform) =>
          db.posts.where('[platform+lastSeen]').between([platform, -Infinity], [platform, cutoff], true, false).toArray(),
        ),
      )
    ).flat();
    if (old.length === 0) return 0;
    await db.posts.bulkDelete(old.map((p) => [p.platform, p.postId] as [typeof p.platform, string]));
    for (const post of old) await db.observations.where('[platform+postId]').equals([post.platform, post.postId]).delete();
    const change = new ExposureCountChange();
    for (const post of old) change.replace(post, undefined);
    await change.applyTo(db);
    return old.length;
  });
}
