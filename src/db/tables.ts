// The database's tables and the rows they hold: types only, so any part of src/db can name them without
// importing the schema's versions and upgrades (src/db/schema.ts), which themselves use those parts.
import type Dexie from 'dexie';
import type { EntityTable, Table } from 'dexie';
import type {
  AccountObservation,
  AudienceHistoryStep,
  Diagnostics,
  Finding,
  Objection,
  ObservedAccount,
  ObservedPost,
  Platform,
  Settings,
} from '../core';

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

/** A content script's batch (a findings/record message's payload), as the worker writes it. */
export interface WriteBatch {
  findings: readonly Finding[];
  accounts?: readonly AccountObservation[] | undefined;
  diagnostics?: Diagnostics | undefined;
}

/**
 * A batch as the worker received it, waiting to be written into the posts, their history, the counts
 * and the accounts (src/db/inbox.ts): one record per batch, in arrival order. Its diagnostics are
 * dated when it came, not when written.
 */
export type StoredInboxBatch = WriteBatch & { seq?: number; receivedAt: number };

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
  inbox: EntityTable<StoredInboxBatch, 'seq'>;
};
