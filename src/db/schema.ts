import Dexie from 'dexie';
import type { ObservedPost } from '../core';
import { yearOf } from '../core';
import { countStoredPosts } from './exposure-counts';
import type { GlasshouseDatabase, StoredExposureCount } from './tables';

export type {
  GlasshouseDatabase,
  StoredDiagnostics,
  StoredExposureCount,
  StoredFixSkip,
  StoredFixTab,
  StoredFormPrompt,
  StoredInboxBatch,
  StoredScan,
  StoredSetting,
  WriteBatch,
} from './tables';

export const DATABASE_NAME = 'glasshouse';

/** Version 1's stores, kept as written so the migration test can create a version-1 database. */
export const SCHEMA_V1 = {
  posts: '&[platform+postId], [platform+eligible], [platform+lastSeen], [platform+publishedYear], lastSeen',
  observations: '++id, [platform+postId], observedAt',
  accounts: '&[platform+accountId], [platform+isViewer]',
  objections: '++id, platform',
  scans: '++id, platform, status',
  settings: '&key',
  diagnostics: '&platform',
} as const;

/** Version 2's changes to version 1, kept as written so the migration test can create a version-2 database. */
export const SCHEMA_V2 = {
  posts:
    '&[platform+postId], [platform+eligible], [platform+eligible+lastSeen], [platform+lastSeen], [platform+publishedYear], [platform+kind], lastSeen',
  formPrompts: '&platform',
} as const;

/** Version 3's changes to version 2, kept as written so the migration test can create a version-3 database. */
export const SCHEMA_V3 = {
  posts: '&[platform+postId], [platform+eligible+lastSeen], [platform+lastSeen]',
  observations: '++id, [platform+postId]',
  exposureCounts: '&platform',
} as const;

/** Version 4's changes to version 3, kept as written so the migration test can create a version-4 database. */
export const SCHEMA_V4 = {
  observations: '++id, [platform+postId], [platform+eligible]',
  fixSkips: '&[platform+id]',
  fixTab: '&key',
} as const;

/** Version 5's changes to version 4, kept as written so the migration test can create a version-5 database. */
export const SCHEMA_V5 = {
  posts: '&[platform+postId], [platform+eligible+lastSeen]',
} as const;

/** Version 6's changes to version 5. */
export const SCHEMA_V6 = {
  inbox: '++seq',
} as const;

/** Schema versions, oldest first. A new version adds a line here and, if data moves, an upgrade. */
export function openDatabase(name = DATABASE_NAME): GlasshouseDatabase {
  // Relaxed: a write is done once IndexedDB has it, without waiting for the disk to confirm it. What
  // could be lost to a power cut is the last moment's readings, which the next visit to the page reads
  // again; waiting for the disk on every batch would cost more than the batch's posts.
  const db = new Dexie(name, { chromeTransactionDurability: 'relaxed' }) as GlasshouseDatabase;
  db.version(1).stores(SCHEMA_V1);
  // 2: the popup's "most recent exposed posts" and the report's kind filter answer from indexes;
  // objection-form prompts get their table. Posts written by version 1 without a year get one.
  db.version(2)
    .stores(SCHEMA_V2)
    .upgrade((tx) =>
      tx
        .table<ObservedPost>('posts')
        .toCollection()
        .modify((post) => {
          if (typeof post.publishedYear !== 'number') post.publishedYear = yearOf(post.publishedAt);
        }),
    );
  // 3: the popup's totals come from counts kept per platform (exposureCounts) instead of counting an
  // index over every post, and the indexes no query reads go, so each post written costs fewer
  // index entries: [platform+eligible] (the counts, and the prefix of [platform+eligible+lastSeen]),
  // [platform+publishedYear] and [platform+kind] (the report filters in memory), lastSeen (automatic
  // deletion asks [platform+lastSeen]) and the observations' observedAt (sorted in memory).
  db.version(3)
    .stores(SCHEMA_V3)
    .upgrade(async (tx) => {
      const counts = await countStoredPosts(tx.table<ObservedPost>('posts'));
      await tx.table<StoredExposureCount>('exposureCounts').bulkPut(counts);
    });
  // 4: the guided fix. Its queue holds every post ever seen public, fixed since or not, so the
  // history answers "which posts had a public step" from an index; skipped steps and the fix tab
  // are kept, so progress and the walk survive a browser restart.
  db.version(4).stores(SCHEMA_V4);
  // 5: [platform+lastSeen] goes. [platform+eligible+lastSeen] answers its three readers (automatic
  // deletion, the latest sighting, the archive comparison) with one range per eligibility
  // (src/db/last-seen.ts), and every post written costs one index entry fewer: −11 % of raw
  // IndexedDB's time per new finding (bench/notes/storage.md). No row changes; IndexedDB drops the index.
  db.version(5).stores(SCHEMA_V5);
  // 6: the inbox. A content script's batch is kept as one record when it arrives and written into
  // the posts later, once the page is quiet (src/db/inbox.ts): while a feed loads, the worker's
  // writing competed with the page for the processor. A new, empty table; no row moves.
  db.version(6).stores(SCHEMA_V6);
  return db;
}
