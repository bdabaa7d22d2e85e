import type { Platform } from '../../core';
import { askWorker } from '../../lib/worker-client';

/** What an action button shows after it ran: a message key of _locales, and whether it failed. */
export interface ActionOutcome {
  state: 'done' | 'unavailable' | 'failed';
  messageKey: string;
  substitutions?: string[];
}

export type ReportFormat = 'json' | 'csv' | 'html';

/**
 * Builds the exposure report from the database and downloads it (src/ui/shared/export-report.ts, as the report page does).
 * Loaded on the first press: Dexie, the report builders, their schemas and papaparse would double the popup's first load.
 */
export async function exportReport(format: ReportFormat): Promise<ActionOutcome> {
  const { saveReport } = await import('./export-report');
  const file = await saveReport(format);
  return { state: 'done', messageKey: 'exportDone', substitutions: [file.name] };
}

/**
 * Starts the scan of the user's whole history on one platform (src/background/full-scan.ts): the
 * worker opens the user's own profile in a new tab, which then scrolls by itself. A paused or
 * interrupted scan carries on from where it stopped; a running one is brought to the front.
 */
export async function startFullScan(platform: Platform): Promise<ActionOutcome> {
  const reply = await askWorker({ type: 'scan/start', platform });
  if (!reply.ok) {
    if (reply.code === 'scan-instagram-username-unknown') return { state: 'unavailable', messageKey: 'scanNeedsInstagramUsername' };
    return { state: 'failed', messageKey: 'actionFailed', substitutions: [reply.detail] };
  }
  if (!reply.opened) return { state: 'done', messageKey: 'scanAlreadyRunning' };
  return { state: 'done', messageKey: reply.resumed ? 'scanResumed' : 'scanStarted' };
}
