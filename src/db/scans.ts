import type { ObservedPost, Platform } from '../core';
import { isResumable, ScanReasonSchema, type ScanReason, type ScanView } from '../core/scan';
import type { GlasshouseDatabase, StoredScan } from './schema';
import { foldBeforeReading } from './inbox';
import { postsLastSeenBetween } from './last-seen';

/** Queries of the full-history scan's rows (table `scans`: '++id, platform, status'). */

export type ScanRow = StoredScan & { id: number };

/** The latest scan of a platform (the highest id), if any. */
export async function latestScan(db: GlasshouseDatabase, platform: Platform): Promise<ScanRow | undefined> {
  const rows = await db.scans.where('platform').equals(platform).toArray();
  return rows.sort((a, b) => (b.id ?? 0) - (a.id ?? 0))[0] as ScanRow | undefined;
}

/** The unfinished scan (running or paused) whose tab is `tabId`. */
export async function scanOfTab(db: GlasshouseDatabase, tabId: number): Promise<ScanRow | undefined> {
  const rows = await db.scans.where('status').anyOf(['running', 'paused']).toArray();
  return rows.filter((row) => row.tabId === tabId).sort((a, b) => (b.id ?? 0) - (a.id ?? 0))[0] as ScanRow | undefined;
}

export async function scansWithStatus(db: GlasshouseDatabase, status: StoredScan['status']): Promise<ScanRow[]> {
  return (await db.scans.where('status').equals(status).toArray()) as ScanRow[];
}

export async function addScan(db: GlasshouseDatabase, row: Omit<StoredScan, 'id'>): Promise<ScanRow> {
  const id = await db.scans.add(row as StoredScan);
  return { ...row, id } as ScanRow;
}

/** Writes a change to a row; a field set to `undefined` is removed. Returns the row as stored. */
export async function updateScan(db: GlasshouseDatabase, id: number, change: Partial<StoredScan>): Promise<ScanRow> {
  return db.transaction('rw', db.scans, async () => {
    const row = await db.scans.get(id);
    if (!row) throw new Error(`no scan ${id}`);
    const next: StoredScan = { ...row, ...change, id };
    for (const key of Object.keys(next) as (keyof StoredScan)[]) if (next[key] === undefined) delete next[key];
    await db.scans.put(next);
    return next as ScanRow;
  });
}

export function scanReasonOf(row: StoredScan): ScanReason | undefined {
  const parsed = ScanReasonSchema.safeParse(row.reason);
  return parsed.success ? parsed.data : undefined;
}

/** A row as the popup shows it. */
export function scanView(row: ScanRow): ScanView {
  const reason = scanReasonOf(row);
  const view: ScanView = {
    id: row.id,
    platform: row.platform,
    status: row.status,
    url: row.url ?? '',
    startedAt: row.startedAt,
    updatedAt: row.updatedAt,
    postsFound: row.postsFound,
    publicFound: row.publicFound ?? 0,
    resumable: isResumable({ status: row.status, reason }),
  };
  if (reason) view.reason = reason;
  if (row.finishedAt !== undefined) view.finishedAt = row.finishedAt;
  if (row.oldestReached !== undefined) view.oldestReached = row.oldestReached;
  return view;
}

/** The user's stored posts of a platform (not comments: an archive's posts file lists posts only), the inbox's included. */
export async function observedPosts(db: GlasshouseDatabase, platform: Platform): Promise<ObservedPost[]> {
  await foldBeforeReading(db);
  const posts = await postsLastSeenBetween(db, platform, -Infinity, Infinity);
  return posts.filter((post) => post.kind !== 'comment');
}
