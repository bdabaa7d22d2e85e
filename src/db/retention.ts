import { PLATFORMS } from '../core';
import { ExposureCountChange } from './exposure-counts';
import { postsLastSeenBetween } from './last-seen';
import type { GlasshouseDatabase } from './schema';
import { readSettings } from './settings';

const DAY = 24 * 3600 * 1000;

/** Automatic deletion's line: a post last seen before it is due. Undefined when `days` is 0 (keep everything). */
export function retentionCutoff(days: number, now: number): number | undefined {
  return days > 0 ? now - days * DAY : undefined;
}

/** Whether a post last seen at `lastSeen` is due for deletion (exactly `days` old is not). */
export const isDueForDeletion = (lastSeen: number, cutoff: number | undefined): boolean => cutoff !== undefined && lastSeen < cutoff;

/** Automatic deletion: posts not seen for `days` days go, with their history. 0 keeps everything. */
export async function deleteOlderThan(db: GlasshouseDatabase, days: number, now: number): Promise<number> {
  const cutoff = retentionCutoff(days, now);
  if (cutoff === undefined) return 0;
  return db.transaction('rw', db.posts, db.observations, db.exposureCounts, async () => {
    const old = (await Promise.all(PLATFORMS.map((platform) => postsLastSeenBetween(db, platform, -Infinity, cutoff, false)))).flat();
    if (old.length === 0) return 0;
    await db.posts.bulkDelete(old.map((p) => [p.platform, p.postId] as [typeof p.platform, string]));
    for (const post of old) await db.observations.where('[platform+postId]').equals([post.platform, post.postId]).delete();
    const change = new ExposureCountChange();
    for (const post of old) change.replace(post, undefined);
    await change.applyTo(db);
    return old.length;
  });
}

/**
 * Automatic deletion as the user set it. Runs where deletion falls due: at the worker's start and
 * after each write (src/background); reads never delete, and the export leaves due posts out.
 */
export async function applyRetention(db: GlasshouseDatabase, now: number): Promise<number> {
  return deleteOlderThan(db, (await readSettings(db)).autoDeleteDays, now);
}
