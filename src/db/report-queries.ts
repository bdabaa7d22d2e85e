import type { AudienceHistoryStep, Objection, ObservedAccount, ObservedPost } from '../core';
import type { GlasshouseDatabase } from './schema';

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
 * need them, and they are the largest table.
 */
export async function readReportTables(db: GlasshouseDatabase, options: { history?: boolean } = {}): Promise<ReportTables> {
  const withHistory = options.history ?? true;
  return db.transaction('r', db.posts, db.observations, db.accounts, db.objections, async () => {
    const [posts, observations, accounts, objections] = await Promise.all([
      db.posts.toArray(),
      withHistory ? db.observations.toArray() : Promise.resolve([] as AudienceHistoryStep[]),
      db.accounts.toArray(),
      db.objections.toArray(),
    ]);
    return { posts, observations, accounts, objections };
  });
}
