import type { ScanAssignment, ScanProgress, ScanReason, ScanStatus } from '../../core/scan';
import type { ScanTally } from './scan-tally';

/** The page as the scan drives it: only reading positions and scrolling. It never clicks anything. */
export interface ScrollablePage {
  scrollTop(): number;
  viewportHeight(): number;
  pageHeight(): number;
  scrollTo(top: number): void;
  /** A hidden tab loads nothing more on most sites: a scan waits there, and counts no idle scroll. */
  visible(): boolean;
  /**
   * False when the tab went elsewhere on the site (a post opened, another page): scrolling there
   * would walk the wrong list, so the scan waits, counting nothing, until the user comes back.
   */
  onScanPage(): boolean;
  /** Why the scan must stop now (a login page, no viewer, a rate limit), or null. */
  blocker(): ScanReason | null;
}

/** The worker's answer to a progress report: the scan's state there, or null when the worker did not answer. */
export type ReportProgress = (
  progress: ScanProgress,
  end?: { status: 'done' | 'stopped'; reason: ScanReason },
) => Promise<{ status: ScanStatus; reason?: ScanReason | undefined } | null>;

export interface DriverState {
  status: ScanStatus;
  reason?: ScanReason | undefined;
  /** True while a resumed scan is still scrolling back to where it stopped. */
  catchingUp: boolean;
  /** True while it waits for its tab to be in front, or to be back on the scan's page. */
  waiting: boolean;
  /** True while it waits because the tab left the scan's page. */
  elsewhere: boolean;
  progress: ScanProgress;
}

export interface DriverOptions {
  page: ScrollablePage;
  tally: ScanTally;
  report: ReportProgress;
  assignment: Pick<ScanAssignment, 'pace' | 'idleScrollsToEnd'>;
  sleep: (ms: number) => Promise<void>;
  random?: () => number;
  onChange?: (state: DriverState) => void;
  /** Reports the worker may miss in a row (it restarts) before the scan gives up with an error. */
  maxMissedReports?: number;
}

/** How far one scroll goes: most of a screen, so every post passes through the viewport on its way up. */
const STEP_OF_VIEWPORT = 0.85;

/**
 * Scrolls the scan's page down at a polite pace with jitter until the timeline ends (several scrolls
 * at the bottom with nothing new), the user pauses or cancels it, or the page says stop. After each
 * scroll it reports its progress; the worker's answer tells it whether it is still running.
 */
export class ScanDriver {
  private status: ScanStatus = 'paused';
  private reason: ScanReason | undefined;
  private waiting = false;
  private elsewhere = false;
  private generation = 0;
  private readonly random: () => number;

  constructor(private readonly options: DriverOptions) {
    this.random = options.random ?? Math.random;
  }

  state(): DriverState {
    return {
      status: this.status,
      reason: this.reason,
      catchingUp: !this.options.tally.passedCursor,
      waiting: this.waiting,
      elsewhere: this.elsewhere,
      progress: this.options.tally.progress(),
    };
  }

  /** Sets the state the worker says (paused, cancelled …) and stops the loop if it is no longer running. */
  settle(status: ScanStatus, reason?: ScanReason): void {
    this.status = status;
    this.reason = reason;
    if (status !== 'running') this.generation += 1;
    this.changed();
  }

  /** Runs until the scan is no longer running; resolves then. Calling it again while running starts nothing. */
  async run(): Promise<void> {
    if (this.status === 'running') return;
    this.status = 'running';
    this.reason = undefined;
    const generation = (this.generation += 1);
    const live = () => this.generation === generation && this.status === 'running';
    const { page, tally, assignment } = this.options;
    let idle = 0;
    let missed = 0;
    let lastHeight = page.pageHeight();
    this.changed();
    try {
      while (live()) {
        const away = !page.onScanPage();
        if (!page.visible() || away) {
          // Gone to a login page meanwhile: that stops the scan, as it would after a scroll.
          const blocked = page.blocker();
          if (blocked) return await this.end('stopped', blocked);
          this.setWaiting(true, away);
          await this.options.sleep(assignment.pace.maxMs);
          continue;
        }
        this.setWaiting(false, false);
        const top = page.scrollTop();
        const viewport = Math.max(1, page.viewportHeight());
        const atBottom = top + viewport >= page.pageHeight() - 2;
        page.scrollTo(Math.min(top + viewport * STEP_OF_VIEWPORT, page.pageHeight()));
        await this.options.sleep(this.pause());
        if (!live()) return;
        // After the wait: a page that was still loading has had time to say who is logged in.
        const blocked = page.blocker();
        if (blocked) return await this.end('stopped', blocked);
        tally.notePosition(page.scrollTop());
        const height = page.pageHeight();
        const fresh = tally.takeFresh();
        const grew = height > lastHeight + 1 || fresh > 0;
        lastHeight = Math.max(lastHeight, height);
        if (grew) idle = 0;
        else if (atBottom) idle += 1;
        if (idle >= assignment.idleScrollsToEnd) return await this.end('done', 'end-of-timeline');
        const answer = await this.options.report(tally.progress());
        if (!live()) return;
        if (answer === null) {
          missed += 1;
          if (missed >= (this.options.maxMissedReports ?? 5)) return await this.end('stopped', 'error');
        } else {
          missed = 0;
          if (answer.status !== 'running') return this.settle(answer.status, answer.reason);
        }
        this.changed();
      }
    } catch {
      if (live()) await this.end('stopped', 'error').catch(() => undefined);
    }
  }

  /** A wait in [minMs, maxMs]: a regular beat would look like a machine, and hurry the site. */
  private pause(): number {
    const { minMs, maxMs } = this.options.assignment.pace;
    return Math.round(minMs + (maxMs - minMs) * this.random());
  }

  private async end(status: 'done' | 'stopped', reason: ScanReason): Promise<void> {
    this.settle(status, reason);
    // The worker must learn it: a few tries, as it may be restarting.
    for (let attempt = 0; attempt < 4; attempt += 1) {
      if ((await this.options.report(this.options.tally.progress(), { status, reason })) !== null) return;
      await this.options.sleep(500 * 2 ** attempt);
    }
  }

  private setWaiting(waiting: boolean, elsewhere: boolean): void {
    if (this.waiting === waiting && this.elsewhere === elsewhere) return;
    this.waiting = waiting;
    this.elsewhere = elsewhere;
    this.changed();
  }

  private changed(): void {
    this.options.onChange?.(this.state());
  }
}
