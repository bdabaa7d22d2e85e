import { isUnanswered } from '../../core';
import type { askWorker } from '../../lib/worker-client';
import type { ReportProgress } from './scan-driver';

/** The part of the finding queue a progress report waits for. */
export interface PendingFindings {
  flush(): Promise<void>;
  readonly size: number;
}

/**
 * A scan's progress goes to the worker only once the findings it counts are stored: the findings are
 * sent first, and the report waits for their acknowledgement. So the scan's row (its count, and the
 * cursor a resumed scan skips to) never runs ahead of the store, whenever the browser closes or the
 * worker stops. When the findings could not be sent, the report is not sent either: the driver counts
 * it as unanswered, and gives up after a few.
 */
export function progressReporter(scanId: number, findings: PendingFindings, ask: typeof askWorker): ReportProgress {
  return async (progress, end) => {
    try {
      await findings.flush();
      if (findings.size > 0) return null;
      const reply = await ask({ type: 'scan/progress', scanId, progress, ...(end ? { end } : {}) });
      if (reply.ok) return { status: reply.status, reason: reply.reason };
      // Refused: the scan is no longer this tab's (cancelled or finished elsewhere). Unanswered: try again later.
      return isUnanswered(reply) ? null : { status: 'stopped' };
    } catch {
      return null;
    }
  };
}
