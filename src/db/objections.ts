import type { Platform } from '../core';
import type { GlasshouseDatabase } from './schema';

/** The user's objection date per platform: one kept, the latest said. */
export async function recordObjection(db: GlasshouseDatabase, platform: Platform, objectedAt: number, now: number): Promise<void> {
  if (objectedAt > now + 24 * 3600 * 1000) throw new RangeError('objection date is in the future');
  await db.transaction('rw', db.objections, db.formPrompts, async () => {
    await db.objections.where('platform').equals(platform).delete();
    await db.objections.add({ platform, objectedAt, recordedAt: now, how: 'user-confirmed' });
    await db.formPrompts.delete(platform);
  });
}

export async function clearObjection(db: GlasshouseDatabase, platform: Platform): Promise<void> {
  await db.objections.where('platform').equals(platform).delete();
}

export async function noteFormOpened(db: GlasshouseDatabase, platform: Platform, now: number): Promise<void> {
  await db.formPrompts.put({ platform, openedAt: now });
}

export async function dismissFormPrompt(db: GlasshouseDatabase, platform: Platform): Promise<void> {
  await db.formPrompts.delete(platform);
}
