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
