import type { Diagnostics } from '../core';
import type { GlasshouseDatabase } from './schema';

/** A page's latest diagnostics replace its platform's row: the popup shows the newest. */
export async function recordDiagnostics(db: GlasshouseDatabase, diagnostics: Diagnostics, now: number): Promise<void> {
  await db.diagnostics.put({ ...diagnostics, updatedAt: now });
}
