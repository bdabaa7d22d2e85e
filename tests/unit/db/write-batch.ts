import { batchTables, writeBatches, type GlasshouseDatabase, type WriteBatch } from '../../../src/db';

/** One batch written in a transaction of its own, received at `now`: what writing each batch on arrival would do. */
export function recordBatch(db: GlasshouseDatabase, batch: WriteBatch, now: number) {
  return db.transaction('rw', batchTables(db), () => writeBatches(db, [{ ...batch, receivedAt: now }], now));
}
