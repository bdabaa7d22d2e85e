import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../core';
import type { GlasshouseDatabase } from './schema';

export async function readSettings(db: GlasshouseDatabase): Promise<Settings> {
  const row = await db.settings.get('settings');
  const parsed = SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...row?.value });
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function writeSettings(db: GlasshouseDatabase, change: Partial<Settings>): Promise<Settings> {
  return db.transaction('rw', db.settings, db.posts, db.inbox, async () => {
    const next = SettingsSchema.parse({ ...(await readSettings(db)), ...change });
    await db.settings.put({ key: 'settings', value: next });
    // Turning excerpts off purges the ones kept so far, batches not yet written included (src/db/inbox.ts).
    if (!next.keepExcerpts) {
      await db.posts.toCollection().modify((post) => void delete post.excerpt);
      await db.inbox.toCollection().modify((batch) => batch.findings.forEach((finding) => void delete finding.excerpt));
    }
    return next;
  });
}

/** Delete everything: every table emptied in one transaction. */
export async function deleteEverything(db: GlasshouseDatabase): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((table) => table.clear()));
  });
}
