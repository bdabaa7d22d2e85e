import { batchTables, writeBatches } from './record-batch';
import type { GlasshouseDatabase, StoredInboxBatch, WriteBatch } from './schema';
import { isQuotaError } from './quota';
import { readSettings } from './settings';

/**
 * The inbox: how findings reach the posts without competing with the page that found them.
 *
 * While a feed loads, a content script sends a batch every few hundred milliseconds, and writing each
 * one (its posts with their indexes, history steps, counts, accounts) took the worker and the
 * browser's storage process several milliseconds per batch, on the same processor cores the page
 * was rendering on. So a batch is now kept as it arrives, one record in one transaction, and the
 * worker folds the inbox into the posts once the page is quiet (src/background/inbox-folding.ts)
 * and before anything reads: every request but findings/record and data/delete-all
 * (src/background/router.ts), and the extension pages that read the database themselves
 * (src/db/report-queries.ts, src/db/scans.ts).
 *
 * Nothing is lost on the way: a batch in the inbox is as durable as a post, a fold writes its batches
 * and removes them from the inbox in one transaction (a worker stopped mid-fold leaves both as they
 * were), and the worker's next start folds what is left. Two folds at once (the worker's and a
 * page's) are safe: IndexedDB runs transactions that write the same table one after the other, and
 * the second finds the batches gone.
 */

/** Batches written per fold transaction: one transaction holds the tables it writes for its whole length, so keep it short. */
const BATCHES_PER_FOLD = 10;

/**
 * Keeps a validated batch in the inbox. Returns how many findings it holds. With excerpts turned off,
 * they are left out here already: a page opened before the change may still send them.
 */
export async function receiveBatch(db: GlasshouseDatabase, batch: WriteBatch, now: number): Promise<number> {
  return db.transaction('rw', db.inbox, db.settings, async () => {
    const { keepExcerpts } = await readSettings(db);
    const findings = keepExcerpts ? [...batch.findings] : batch.findings.map(({ excerpt: _excerpt, ...rest }) => rest);
    const row: StoredInboxBatch = { receivedAt: now, findings };
    if (batch.accounts?.length) row.accounts = [...batch.accounts];
    if (batch.diagnostics) row.diagnostics = batch.diagnostics;
    await db.inbox.add(row);
    return findings.length;
  });
}

type InboxRow = StoredInboxBatch & { seq: number };

/**
 * Writes every batch the inbox holds now into the posts, their history, the counts and the accounts,
 * in arrival order, and removes them from it. Batches arriving meanwhile wait for the next fold, so a
 * steady stream cannot keep a fold going. Resolves to the number of batches written.
 *
 * A batch that cannot be written stays in the inbox without holding up the others: when a
 * transaction of several fails, the fold goes on one batch per transaction, and a batch that fails
 * alone is left for the next fold (nothing is lost; a later reading of the same post still wins by
 * its time, src/core/newer-reading.ts). A full disk fails every batch alike: the fold stops and
 * rejects, with everything still in the inbox.
 */
export async function foldInbox(db: GlasshouseDatabase, now: () => number = Date.now): Promise<number> {
  // Read outside the writing transaction, which would lock the posts for a reader with nothing to fold.
  const last = await db.inbox.toCollection().lastKey();
  if (last === undefined) return 0;
  let folded = 0;
  let from = -Infinity;
  let perTransaction = BATCHES_PER_FOLD;
  for (;;) {
    let batches: InboxRow[] = [];
    try {
      await db.transaction('rw', [db.inbox, ...batchTables(db)], async () => {
        batches = (await db.inbox.where(':id').between(from, last, true, true).limit(perTransaction).toArray()) as InboxRow[];
        if (batches.length === 0) return;
        // Written in this transaction, not a nested one of their own: a nested transaction opened
        // after the read above left Dexie unable to start any transaction again when a batch held
        // accounts and no finding (a settings page's), measured in Chromium and in the unit tests.
        await writeBatches(db, batches, now());
        await db.inbox.bulkDelete(batches.map((b) => b.seq));
      });
      if (batches.length === 0) return folded;
      folded += batches.length;
    } catch (error) {
      if (isQuotaError(error) || batches.length === 0) throw error;
      if (batches.length > 1) {
        // Which of them fails is not known: from here on, one batch per transaction.
        perTransaction = 1;
        continue;
      }
      // This batch alone fails: it stays, and the fold goes on past it.
    }
    from = batches[batches.length - 1]!.seq + 1;
  }
}

/** A batch still in the inbox this long after it came has outlived several folds: its write keeps failing. */
export const UNWRITTEN_AFTER_MS = 60_000;

/** How many batches have waited in the inbox longer than UNWRITTEN_AFTER_MS (normally none: the inbox is a few seconds deep). */
export async function unwrittenBatches(db: GlasshouseDatabase, now: number): Promise<number> {
  return db.inbox.filter((batch) => batch.receivedAt < now - UNWRITTEN_AFTER_MS).count();
}

/**
 * For an extension page about to read the posts itself (the report, its exports, the archive
 * comparison): the batches still in the inbox are written first, so the page shows everything seen.
 * A fold that fails leaves them there, and the page shows what is written.
 */
export async function foldBeforeReading(db: GlasshouseDatabase): Promise<void> {
  await foldInbox(db).catch(() => undefined);
}
