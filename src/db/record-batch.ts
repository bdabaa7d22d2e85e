import type { AccountObservation, Diagnostics, Finding } from '../core';
import { recordAccounts } from './accounts';
import { recordDiagnostics } from './diagnostics';
import { recordFindings, type RecordResult } from './findings';
import { deleteOlderThan } from './retention';
import type { GlasshouseDatabase } from './schema';
import { readSettings } from './settings';

export interface WriteBatch {
  findings: readonly Finding[];
  accounts?: readonly AccountObservation[] | undefined;
  diagnostics?: Diagnostics | undefined;
}

/**
 * A content script's batch (one findings/record message) written in one transaction: the settings it
 * needs, the posts with their history and counts, the accounts, the diagnostics, and the automatic
 * deletion that may have fallen due. IndexedDB charges each transaction a few milliseconds of its own
 * on top of each record, so five transactions per message cost more than the fifty posts in it; and a
 * failure anywhere leaves the batch unwritten as a whole, never half of it.
 *
 * Inside it, nothing waits that need not: the settings are read with the posts, and the accounts and
 * the diagnostics are written alongside them, since none of these depends on another. Each awaited
 * step is a round trip to the browser's storage process (src/db/findings.ts).
 */
export async function recordBatch(db: GlasshouseDatabase, batch: WriteBatch, now: number): Promise<RecordResult> {
  const tables = [db.settings, db.posts, db.observations, db.exposureCounts, db.accounts, db.diagnostics];
  return db.transaction('rw', tables, async () => {
    const settings = readSettings(db);
    const [result] = await Promise.all([
      recordFindings(
        db,
        batch.findings,
        settings.then((s) => s.keepExcerpts),
      ),
      batch.accounts?.length ? recordAccounts(db, batch.accounts) : undefined,
      batch.diagnostics ? recordDiagnostics(db, batch.diagnostics, now) : undefined,
    ]);
    // Each write batch is a moment deletion may have fallen due (the other: the worker's start,
    // src/background/worker-database.ts). Kept after the writes: a post this batch saw again is not due.
    await deleteOlderThan(db, (await settings).autoDeleteDays, now);
    return result;
  });
}
