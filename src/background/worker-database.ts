import { applyRetention, foldInbox, type GlasshouseDatabase } from '../db';

/**
 * The worker's database: opened on the first request and kept for the worker's life. Automatic
 * deletion runs once right after the open (the worker's start), before any request is answered, and
 * so does the fold of batches a stopped worker left in the inbox (src/db/inbox.ts).
 * A failed open is not kept: every request meanwhile is answered `database-unavailable` (router.ts),
 * and the next one tries to open again.
 */
export function databaseOnDemand(open: () => Promise<GlasshouseDatabase>, now: () => number = Date.now): () => Promise<GlasshouseDatabase> {
  let opening: Promise<GlasshouseDatabase> | undefined;
  return () => {
    if (opening) return opening;
    const attempt = open().then(async (db) => {
      // A deletion that fails now runs again with the next write: it must not keep the database shut.
      await applyRetention(db, now()).catch(() => undefined);
      // Likewise: a batch that cannot be written now stays in the inbox for the next fold.
      await foldInbox(db, now).catch(() => undefined);
      return db;
    });
    opening = attempt;
    attempt.catch(() => {
      if (opening === attempt) opening = undefined;
    });
    return attempt;
  };
}
