import type { Platform } from '../../core';

/** What an action button shows after it ran: a message key of _locales, and whether it failed. */
export interface ActionOutcome {
  state: 'done' | 'unavailable' | 'failed';
  messageKey: string;
  substitutions?: string[];
}

export type ReportFormat = 'json' | 'csv' | 'html';

const NOT_AVAILABLE: ActionOutcome = { state: 'unavailable', messageKey: 'actionNotAvailable' };

/**
 * Exports the exposure report as a file.
 * TODO(issue "Report page and export"): build the file with src/report/ and download it; until
 * then the button says plainly that this is not available yet — never a fake success.
 */
export async function exportReport(_format: ReportFormat): Promise<ActionOutcome> {
  return NOT_AVAILABLE;
}

/**
 * Starts the scan of the user's whole history (activity log / profile grid) on one platform.
 * TODO(issue "Full-history scan"): start the scan; until then the button says it is not available yet.
 */
export async function startFullScan(_platform: Platform): Promise<ActionOutcome> {
  return NOT_AVAILABLE;
}
