import { failure, type OwnFinding, type Reply } from '../../core';
import type { ScanAssignment } from '../../core/scan';
import type { PlatformAdapter } from '../../platforms/adapter';
import { askWorker } from '../../lib/worker-client';
import type { PageWatch } from '../page-watch';
import { isRateLimitPayload, isSameScanPage, pageBlocker } from './page-state';
import { progressReporter } from './progress-report';
import { ScanDriver, type ScrollablePage } from './scan-driver';
import { ScanPanel } from './scan-panel';
import { ScanTally } from './scan-tally';

export interface FullScanHandle {
  /** A network response the page received: a rate-limit answer stops the scan. */
  notePayload(body: string): void;
  /** Asks the worker whether this tab is a scan's, and if so drives it. */
  begin(): Promise<void>;
}

type Ask = typeof askWorker;

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * The full-history scan, content side. Called before the page watch starts, so the posts of the first
 * screen are counted too; until the worker says this tab is a scan's, they are only kept aside (every
 * Facebook and Instagram tab asks once; all but the scan's drop them).
 */
export function prepareFullScan(watch: PageWatch, adapter: PlatformAdapter, doc: Document, ask: Ask = askWorker): FullScanHandle {
  let early: OwnFinding[] | null = [];
  let tally: ScanTally | null = null;
  let rateLimited = false;
  const unsubscribe = watch.observeOwnFindings((finding) => {
    if (tally) tally.noteRead(finding);
    else if (early && early.length < 50_000) early.push(finding);
  });

  return {
    notePayload(body) {
      if (!rateLimited && isRateLimitPayload(adapter.id, body)) rateLimited = true;
    },

    async begin() {
      let assignment: ScanAssignment | null = null;
      try {
        const reply = await ask({ type: 'scan/for-this-tab' });
        assignment = reply.ok ? reply.scan : null;
      } catch {
        assignment = null;
      }
      if (!assignment || assignment.platform !== adapter.id || !doc.defaultView) {
        unsubscribe();
        early = null;
        return;
      }
      const scanId = assignment.scanId;
      const current = new ScanTally(assignment);
      for (const finding of early ?? []) current.noteRead(finding);
      early = null;
      tally = current;
      const win = doc.defaultView;
      // The address the scan walks (after /me resolved to the profile): leaving it pauses the walk.
      const startedOn = new URL(doc.location.href);
      const scroller = () => doc.scrollingElement ?? doc.documentElement;
      const page: ScrollablePage = {
        scrollTop: () => win.scrollY || scroller().scrollTop,
        viewportHeight: () => win.innerHeight,
        pageHeight: () => scroller().scrollHeight,
        scrollTo: (top) => win.scrollTo({ top, behavior: 'auto' }),
        visible: () => doc.visibilityState !== 'hidden',
        onScanPage: () => isSameScanPage(startedOn, new URL(doc.location.href)),
        blocker: () => (rateLimited ? 'rate-limited' : pageBlocker(adapter.id, new URL(doc.location.href), watch.session.viewer !== null)),
      };
      const report = progressReporter(scanId, watch.queue, ask);
      const panel = new ScanPanel(doc, { pause: () => void pause(), resume: () => void resume(), cancel: () => void cancel() }, adapter.id);
      const driver = new ScanDriver({ page, tally: current, report, assignment, sleep, onChange: (state) => panel.update(state) });
      const settleFrom = (reply: Reply<'scan/pause' | 'scan/resume' | 'scan/cancel'>) => {
        if (reply.ok && reply.scan) driver.settle(reply.scan.status, reply.scan.reason);
      };
      const pause = async () => {
        driver.settle('paused', 'paused-by-user');
        settleFrom(await ask({ type: 'scan/pause' }).catch(() => failure('worker-unreachable', '')));
      };
      const cancel = async () => {
        driver.settle('stopped', 'cancelled');
        settleFrom(await ask({ type: 'scan/cancel' }).catch(() => failure('worker-unreachable', '')));
      };
      const resume = async () => {
        const reply = await ask({ type: 'scan/resume' }).catch(() => null);
        if (reply?.ok && reply.scan?.status === 'running') void driver.run();
      };
      panel.show();
      if (assignment.status === 'running') void driver.run();
      else driver.settle(assignment.status, assignment.reason);
    },
  };
}
