/**
 * The full-history scan, worker side: its state machine over the `scans` table.
 *
 * What it walks — the user's own profile timeline (Facebook: https://www.facebook.com/me, which
 * resolves to the profile; Instagram: the profile grid https://www.instagram.com/<username>/), not the
 * activity log (https://www.facebook.com/me/allactivity, docs/FACTS.md#fixing-exposure). The timeline
 * shows every post with the audience icon next to its timestamp, and carries the embedded data, which
 * the detectors already read (docs/FACTS.md#facebook-audience-data): the same PageWatch records the
 * scan's posts as any other page's, with the same evidence. The activity log's audience display is
 * not documented in docs/FACTS.md, so a scan there would need new, unverified detectors and would
 * fail towards "unknown" for everything. On Instagram the audience is the account's
 * (docs/FACTS.md#what-is-public), and the grid lists every post.
 *
 * States: running → paused (the user, or the tab went away) → running … → done (end of the timeline)
 * or stopped (cancelled; or the scan stopped itself on a login page, a checkpoint, a logged-out page,
 * a rate limit or an error — these keep their cursor and a later start carries on). Everything lives
 * in the row, nothing in globals: the worker may be stopped at any moment, the browser restarted.
 */
import {
  addScan,
  latestScan,
  scanOfTab,
  scanReasonOf,
  scansWithStatus,
  scanView,
  updateScan,
  viewerUsername,
  type GlasshouseDatabase,
  type ScanRow,
  type StoredScan,
} from '../db';
import { failure, type Failure, type Platform, type RequestType } from '../core';
import {
  isResumable,
  politePace,
  SCAN_ERRORS,
  SCAN_PACE,
  scanStartUrl,
  type ScanAssignment,
  type ScanPace,
  type ScanReason,
} from '../core/scan';

import type { Handlers, RouteContext } from './route-context';

type ScanType = Extract<RequestType, `scan/${string}`>;

const NO_TABS = failure('scan-no-tabs', SCAN_ERRORS.noTabs);
const NO_PLATFORM = failure('scan-no-platform', SCAN_ERRORS.noPlatform);

const clock = (context: RouteContext) => (context.now ?? Date.now)();

/** Scan tabs opened whose row is not written yet (a moment, in this worker's life only). */
const tabsBeingOpened = new Set<Promise<void>>();

function assignment(row: ScanRow): ScanAssignment {
  const pace = politePace(row.pace);
  const out: ScanAssignment = {
    scanId: row.id,
    platform: row.platform,
    status: row.status,
    postsFound: row.postsFound,
    publicFound: row.publicFound ?? 0,
    pace,
    idleScrollsToEnd: SCAN_PACE.idleScrollsToEnd,
  };
  const reason = scanReasonOf(row);
  if (reason) out.reason = reason;
  if (row.oldestReached !== undefined) out.oldestReached = row.oldestReached;
  if (row.cursor !== undefined) out.cursor = row.cursor;
  if (row.scrollPosition !== undefined) out.scrollPosition = row.scrollPosition;
  return out;
}

/**
 * Opens the profile in a new tab for a scan: a new one, or the latest one carried on from its cursor
 * when it was paused or stopped itself. A scan running in a tab that is still open is only brought to the front.
 */
async function startOrResume(
  db: GlasshouseDatabase,
  platform: Platform,
  pace: ScanPace | undefined,
  context: RouteContext,
  mayStartNew: boolean,
): Promise<{ row: ScanRow; opened: boolean; resumed: boolean } | Failure | null> {
  const tabs = context.tabs;
  if (!tabs) return NO_TABS;
  const latest = await latestScan(db, platform);
  if (latest?.status === 'running' && latest.tabId !== undefined && (await tabs.exists(latest.tabId))) {
    await tabs.focus(latest.tabId).catch(() => undefined);
    return { row: latest, opened: false, resumed: false };
  }
  const carryOn =
    latest !== undefined && (latest.status === 'running' || isResumable({ status: latest.status, reason: scanReasonOf(latest) }));
  if (!carryOn && !mayStartNew) return null;
  const url = scanStartUrl(platform, platform === 'instagram' ? await viewerUsername(db, 'instagram') : undefined);
  if (!url) return failure('scan-instagram-username-unknown', SCAN_ERRORS.instagramUsernameUnknown);
  // The page in the new tab may ask "am I the scan tab?" before its row is written: it waits for this.
  let written!: () => void;
  const opening = new Promise<void>((done) => (written = done));
  tabsBeingOpened.add(opening);
  try {
    const tabId = await tabs.open(url);
    const now = clock(context);
    const row =
      carryOn && latest
        ? await updateScan(db, latest.id, {
            status: 'running',
            reason: undefined,
            finishedAt: undefined,
            tabId,
            url,
            updatedAt: now,
            ...(pace ? { pace: politePace(pace) } : {}),
          })
        : await addScan(db, {
            platform,
            status: 'running',
            startedAt: now,
            updatedAt: now,
            postsFound: 0,
            publicFound: 0,
            tabId,
            url,
            pace: politePace(pace),
          });
    return { row, opened: true, resumed: carryOn };
  } finally {
    tabsBeingOpened.delete(opening);
    written();
  }
}

/** The scan a pause/resume/cancel is about: the sender tab's own, or (extension pages) the platform's latest. */
async function targetOf(db: GlasshouseDatabase, platform: Platform | undefined, context: RouteContext): Promise<ScanRow | undefined> {
  if (context.fromContentScript) return context.tabId === undefined ? undefined : scanOfTab(db, context.tabId);
  return platform ? latestScan(db, platform) : undefined;
}

const stopFields = (now: number): Partial<StoredScan> => ({ finishedAt: now, tabId: undefined });

export const scanHandlers: Handlers<ScanType> = {
  'scan/start': async (request, db, context) => {
    const result = await startOrResume(db, request.platform, request.pace, context, true);
    if (!result) return NO_TABS;
    if ('code' in result) return result;
    return { ok: true, scan: scanView(result.row), opened: result.opened, resumed: result.resumed };
  },

  'scan/for-this-tab': async (_request, db, context) => {
    if (!context.fromContentScript || context.tabId === undefined) return { ok: true, scan: null };
    await Promise.all(tabsBeingOpened);
    const row = await scanOfTab(db, context.tabId);
    return { ok: true, scan: row ? assignment(row) : null };
  },

  'scan/progress': async (request, db, context) => {
    const row = await targetOf(db, undefined, { ...context, fromContentScript: true });
    if (!row || row.id !== request.scanId) return failure('scan-not-this-tab', SCAN_ERRORS.notThisTab);
    const now = clock(context);
    const { progress, end } = request;
    // Counts only grow (a late or repeated report cannot undo one); the oldest date only goes back.
    const change: Partial<StoredScan> = {
      postsFound: Math.max(row.postsFound, progress.postsFound),
      publicFound: Math.max(row.publicFound ?? 0, progress.publicFound),
      updatedAt: now,
    };
    const oldest = [row.oldestReached, progress.oldestReached].filter((t): t is number => t !== undefined);
    if (oldest.length > 0) change.oldestReached = Math.min(...oldest);
    if (progress.cursor !== undefined) change.cursor = progress.cursor;
    if (progress.scrollPosition !== undefined) change.scrollPosition = progress.scrollPosition;
    if (end && row.status === 'running') Object.assign(change, { status: end.status, reason: end.reason }, stopFields(now));
    const next = await updateScan(db, row.id, change);
    const reason = scanReasonOf(next);
    return { ok: true, status: next.status, ...(reason ? { reason } : {}) };
  },

  'scan/pause': async (request, db, context) => {
    if (!context.fromContentScript && !request.platform) return NO_PLATFORM;
    const row = await targetOf(db, request.platform, context);
    if (!row) return { ok: true, scan: null };
    if (row.status !== 'running') return { ok: true, scan: scanView(row) };
    return {
      ok: true,
      scan: scanView(await updateScan(db, row.id, { status: 'paused', reason: 'paused-by-user', updatedAt: clock(context) })),
    };
  },

  'scan/resume': async (request, db, context) => {
    if (context.fromContentScript) {
      // The panel's Resume: carry on in this very tab.
      const row = await targetOf(db, undefined, context);
      if (!row) return { ok: true, scan: null };
      if (row.status !== 'paused') return { ok: true, scan: scanView(row) };
      return {
        ok: true,
        scan: scanView(await updateScan(db, row.id, { status: 'running', reason: undefined, updatedAt: clock(context) })),
      };
    }
    if (!request.platform) return NO_PLATFORM;
    const result = await startOrResume(db, request.platform, undefined, context, false);
    if (!result) {
      const latest = await latestScan(db, request.platform);
      return { ok: true, scan: latest ? scanView(latest) : null };
    }
    if ('code' in result) return result;
    return { ok: true, scan: scanView(result.row) };
  },

  'scan/cancel': async (request, db, context) => {
    if (!context.fromContentScript && !request.platform) return NO_PLATFORM;
    const row = await targetOf(db, request.platform, context);
    if (!row) return { ok: true, scan: null };
    if (row.status === 'done' || row.status === 'stopped') return { ok: true, scan: scanView(row) };
    const now = clock(context);
    return {
      ok: true,
      scan: scanView(await updateScan(db, row.id, { status: 'stopped', reason: 'cancelled', updatedAt: now, ...stopFields(now) })),
    };
  },

  'scan/status': async (request, db, context) => {
    const row = await latestScan(db, request.platform);
    if (!row) return { ok: true, scan: null };
    // A scan whose tab was closed while the worker slept shows as paused, not as running forever. A read
    // writes nothing: the row is put right by the next start or resume, or the browser's restart.
    if (row.status === 'running' && context.tabs && (row.tabId === undefined || !(await context.tabs.exists(row.tabId)))) {
      return { ok: true, scan: scanView({ ...row, status: 'paused', reason: 'tab-closed' }) };
    }
    return { ok: true, scan: scanView(row) };
  },
};

/** Why every running scan lost its tab at once. */
export type ScanInterruption = Extract<ScanReason, 'browser-restarted' | 'extension-updated'>;

/**
 * runtime.onStartup / onInstalled: tab ids of the last session (or the old content scripts) mean
 * nothing now; running scans pause until resumed, from their cursor.
 */
export async function pauseInterruptedScans(db: GlasshouseDatabase, reason: ScanInterruption, now = Date.now()): Promise<void> {
  for (const row of await scansWithStatus(db, 'running')) {
    await updateScan(db, row.id, { status: 'paused', reason, tabId: undefined, updatedAt: now });
  }
  for (const row of await scansWithStatus(db, 'paused')) if (row.tabId !== undefined) await updateScan(db, row.id, { tabId: undefined });
}
