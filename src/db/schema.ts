import Dexie, { type EntityTable, type Table } from 'dexie';
import type { AudienceHistoryStep, Diagnostics, Objection, ObservedAccount, ObservedPost, Platform, Settings } from '../core';
import { yearOf } from '../core';
import { countStoredPosts } from './exposure-counts';

export interface StoredScan {
  id?: number;
  platform: Platform;
  status: 'running' | 'paused' | 'done' | 'stopped';
  startedAt: number;
  updatedAt: number;
  cursor?: string;
  postsFound: number;
  reason?: string;
  /** Full-history scan (src/background/full-scan.ts): its tab, address and pace, and what it reached. */
  tabId?: number;
  url?: string;
  pace?: { minMs: number; maxMs: number };
  publicFound?: number;
  oldestReached?: number;
  scrollPosition?: number;
  finishedAt?: number;
}

/** A step of the guided fix the user skipped (src/db/fix-queue.ts): it stays in the queue, offered after the others. */
export interface StoredFixSkip {
  platform: Platform;
  id: string;
  skippedAt: number;
}

/** The guided fix's tab: which step it shows, so that tab's content script (and only it) is told its target. */
export interface StoredFixTab {
  key: 'current';
  platform: Platform;
  id: string;
  /** Absent after a browser restart: tab ids start again, and another tab may have this one's. */
  tabId?: number;
  openedAt: number;
}

export type StoredSetting = { key: 'settings'; value: Settings };

/** Per platform: the objection form opened from the popup, awaiting the user's answer. */
export interface StoredFormPrompt {
  platform: Platform;
  openedAt: number;
}
export type StoredDiagnostics = Diagnostics & { updatedAt: number };

/** Per platform: how many stored posts are training-eligible, not eligible, unknown (src/db/exposure-counts.ts keeps it). */
export interface StoredExposureCount {
  platform: Platform;
  eligible: number;
  notEligible: number;
  unknown: number;
}

export const DATABASE_NAME = 'glasshouse';

export type GlasshouseDatabase = Dexie & {
  posts: Table<ObservedPost, [Platform, string]>;
  observations: EntityTable<AudienceHistoryStep, 'id'>;
  accounts: Table<ObservedAccount, [Platform, string]>;
  objections: EntityTable<Objection, 'id'>;
  scans: EntityTable<StoredScan, 'id'>;
  settings: EntityTable<StoredSetting, 'key'>;
  diagnostics: EntityTable<StoredDiagnostics, 'platform'>;
  formPrompts: EntityTable<StoredFormPrompt, 'platform'>;
  exposureCounts: EntityTable<StoredExposureCount, 'platform'>;
  fixSkips: Table<StoredFixSkip, [Platform, string]>;
  fixTab: EntityTable<StoredFixTab, 'key'>;
};

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

/** Schema versions, oldest first. A new version adds a line here and, if data moves, an upgrade. */
export function openDatabase(name = DATABASE_NAME): GlasshouseDatabase {
  const db = new Dexie(name) as GlasshouseDatabase;
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
  db.version(4).stores({
    observations: '++id, [platform+postId], [platform+eligible]',
    fixSkips: '&[platform+id]',
    fixTab: '&key',
  });
  return db;
}
