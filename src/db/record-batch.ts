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
 */
export async function recordBatch(db: GlasshouseDatabase, batch: WriteBatch, now: number): Promise<RecordResult> {
  const tables = [db.settings, db.posts, db.observations, db.exposureCounts, db.accounts, db.diagnostics];
  return db.transaction('rw', tables, async () => {
    const settings = await readSettings(db);
    const result = await recordFindings(db, batch.findings, settings.keepExcerpts);
    if (batch.accounts?.length) await recordAccounts(db, batch.accounts);
    if (batch.diagnostics) await recordDiagnostics(db, batch.diagnostics, now);
    // Each write batch is a moment deletion may have fallen due (the other: the worker's start, src/background/worker-database.ts).
    await deleteOlderThan(db, settings.autoDeleteDays, now);
    return result;
  });
}
