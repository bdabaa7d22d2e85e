import type { AudienceHistoryStep, Objection, ObservedAccount, ObservedPost } from '../core';
import { postKey } from '../core';
import { foldBeforeReading } from './inbox';
import { isDueForDeletion, retentionCutoff } from './retention';
import type { GlasshouseDatabase } from './schema';
import { readSettings } from './settings';

/** Everything the exposure report is made of, read in one snapshot (the shape of src/report's `ReportInput` without `now`). */
export interface ReportTables {
  posts: ObservedPost[];
  observations: AudienceHistoryStep[];
  accounts: ObservedAccount[];
  objections: Objection[];
}

/**
 * Reads the report's tables in one read transaction, so an export never mixes two states of the
 * database. `history: false` leaves the observations out: the report page's table and charts do not
 * need them, and they are the largest table. Posts due for automatic deletion at `now` are left out
 * (with their history), whether or not the deletion has run yet: reading deletes nothing. Batches
 * still in the worker's inbox are written first (src/db/inbox.ts).
 */
export async function readReportTables(db: GlasshouseDatabase, options: { history?: boolean; now?: number } = {}): Promise<ReportTables> {
  const withHistory = options.history ?? true;
  await foldBeforeReading(db);
  return db.transaction('r', [db.posts, db.observations, db.accounts, db.objections, db.settings], async () => {
    const [posts, observations, accounts, objections, settings] = await Promise.all([
      db.posts.toArray(),
      withHistory ? db.observations.toArray() : Promise.resolve([] as AudienceHistoryStep[]),
      db.accounts.toArray(),
      db.objections.toArray(),
      readSettings(db),
    ]);
    const cutoff = retentionCutoff(settings.autoDeleteDays, options.now ?? Date.now());
    const due = new Set(posts.filter((post) => isDueForDeletion(post.lastSeen, cutoff)).map(postKey));
    if (due.size === 0) return { posts, observations, accounts, objections };
    return {
      posts: posts.filter((post) => !due.has(postKey(post))),
      observations: observations.filter((step) => !due.has(postKey(step))),
      accounts,
      objections,
    };
  });
}
