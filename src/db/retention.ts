import type { GlasshouseDatabase } from './schema';

const DAY = 24 * 3600 * 1000;

/** Automatic deletion: posts not seen for `days` days go, with their history. 0 keeps everything. */
export async function deleteOlderThan(db: GlasshouseDatabase, days: number, now: number): Promise<number> {
  if (days <= 0) return 0;
  const cutoff = now - days * DAY;
  return db.transaction('rw', db.posts, db.observations, async () => {
    const old = await db.posts.where('lastSeen').below(cutoff).toArray();
    if (old.length === 0) return 0;
    await db.posts.bulkDelete(old.map((p) => [p.platform, p.postId] as [typeof p.platform, string]));
    for (const post of old) await db.observations.where('[platform+postId]').equals([post.platform, post.postId]).delete();
    return old.length;
  });
}
