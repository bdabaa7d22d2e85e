import { recordAccounts } from './accounts';
import { recordDiagnostics } from './diagnostics';
import { recordFindings, type RecordResult } from './findings';
import { deleteOlderThan } from './retention';
import type { GlasshouseDatabase, StoredInboxBatch } from './schema';
import { readSettings } from './settings';

/** Every table writing a batch touches, for callers that write batches inside a transaction of their own (src/db/inbox.ts). */
export const batchTables = (db: GlasshouseDatabase) => [
  db.settings,
  db.posts,
  db.observations,
  db.exposureCounts,
  db.accounts,
  db.diagnostics,
];

/**
 * Content scripts' batches (findings/record messages) written in the order they arrived: the
 * settings they need, the posts with their history and counts, the accounts, the diagnostics, and
 * the automatic deletion that may have fallen due. Call it inside a transaction over
 * `batchTables(db)` (the inbox's fold, src/db/inbox.ts, adds the inbox to it): IndexedDB charges
 * each transaction a few milliseconds of its own on top of each record, and a failure anywhere
 * leaves the batches unwritten as a whole, never half of one.
 *
 * Batches are written one after the other, not merged: a post read public in one and friends-only in
 * the next keeps both steps in its history. Inside a batch nothing waits that need not: the settings
 * are read with the posts, and the accounts and the diagnostics are written alongside them, since none
 * of these depends on another. Each awaited step is a round trip to the browser's storage process
 * (src/db/findings.ts).
 */
export async function writeBatches(db: GlasshouseDatabase, batches: readonly StoredInboxBatch[], now: number): Promise<RecordResult> {
  const settings = readSettings(db);
  const total: RecordResult = { stored: 0, changed: 0 };
  for (const batch of batches) {
    const [result] = await Promise.all([
      recordFindings(
        db,
        batch.findings,
        settings.then((s) => s.keepExcerpts),
      ),
      batch.accounts?.length ? recordAccounts(db, batch.accounts) : undefined,
      batch.diagnostics ? recordDiagnostics(db, batch.diagnostics, batch.receivedAt) : undefined,
    ]);
    total.stored += result.stored;
    total.changed += result.changed;
  }
  // Each write is a moment deletion may have fallen due (the other: the worker's start,
  // src/background/worker-database.ts). Kept after the writes: a post these batches saw again is not due.
  await deleteOlderThan(db, (await settings).autoDeleteDays, now);
  return total;
}
