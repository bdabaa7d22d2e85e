import type { OwnAccountObservation, Diagnostics, OwnFinding } from '../core';
import { LIMITS, postKey } from '../core';

export interface BatchReply {
  ok: boolean;
  error?: string;
  /**
   * The extension is out of this script's reach for good (updated or reloaded under the tab,
   * src/content/extension-context.ts): keep everything in memory and stop retrying.
   */
  unreachable?: boolean;
  /** The worker refused the batch as malformed (a bad finding in it refuses it whole). */
  refused?: boolean;
}

/** Checks one finding against the worker's schema: the finding to send (trimmed if need be), or null to drop it. */
export type FindingCheck = (finding: OwnFinding) => OwnFinding | null;

export type SendBatch = (batch: {
  batchId: string;
  findings: OwnFinding[];
  accounts?: OwnAccountObservation[];
  diagnostics?: Diagnostics;
}) => Promise<BatchReply>;

/**
 * Findings wait here until the worker acknowledges the batch that carried them. The worker can be
 * stopped at any moment (MV3), so a failed or unanswered send is retried with backoff; a later
 * reading of the same post replaces a pending one, and nothing is lost.
 *
 * The worker refuses a whole batch when one finding in it breaks the message schema. Findings are not
 * checked before they are sent: the readers bound what they read, so a refusal is rare, and checking
 * every finding in the page cost about a tenth of the content script's time per post (the schema
 * check, cold; bench/notes/page-overhead.md). When a batch is refused, each of its findings is
 * checked (`check`, finding-gate.ts): a bad one is dropped or trimmed, and the rest go again at once,
 * so one bad finding never holds back the others.
 */
export class FindingQueue {
  private readonly pending = new Map<string, OwnFinding>();
  private readonly pendingAccounts = new Map<string, OwnAccountObservation>();
  /** Findings and accounts in a batch not answered yet: a second batch carries only the others. */
  private readonly sending = new Set<OwnFinding | OwnAccountObservation>();
  private readonly flights = new Set<Promise<boolean>>();
  /** Findings the check has passed: a batch of only these that is refused again is refused for something else. */
  private readonly checked = new WeakSet<OwnFinding>();
  private timer: ReturnType<typeof setTimeout> | 'end-of-task' | null = null;
  private failures = 0;
  private batchCounter = 0;
  private unreachable = false;
  acknowledged = 0;

  constructor(
    private readonly send: SendBatch,
    private readonly diagnostics: () => Diagnostics | undefined,
    /**
     * How long the first finding after a quiet spell waits for others; 0, the default, sends at the
     * end of the task that queued it, even while an earlier batch is unanswered. One pass over the
     * page (an idle-time slice) queues its findings in one task, so they still go together. Any wait
     * is a moment in which closing the tab loses findings: Firefox drops a message a closing tab
     * sends, even from `pagehide` (tests/e2e/updates.e2e.ts).
     */
    private readonly delayMs = 0,
    /** Run over a refused batch's findings; without it, a refused batch is retried as a failed one. */
    private readonly check: FindingCheck | null = null,
  ) {}

  /** Whether the extension was found out of reach: what is pending stays here, unsent. */
  get isUnreachable(): boolean {
    return this.unreachable;
  }

  get size(): number {
    return this.pending.size;
  }

  add(finding: OwnFinding): void {
    this.pending.set(postKey(finding), finding);
    this.schedule(this.delayMs);
  }

  addAccount(account: OwnAccountObservation): void {
    this.pendingAccounts.set(`${account.platform}:${account.accountId}`, account);
    this.schedule(this.delayMs);
  }

  /** Sends everything pending now; resolves when the queue is empty or a send failed. */
  async flush(): Promise<void> {
    this.cancelTimer();
    if (this.unreachable) return;
    while (this.flights.size > 0) await Promise.all(this.flights);
    while (this.pending.size > 0 || this.pendingAccounts.size > 0) {
      const ok = await this.sendOne();
      if (!ok) return;
    }
  }

  /**
   * Hands everything pending and not yet in a batch to the browser now, without waiting for an
   * unanswered batch: the page may be going away (closed, navigated, hidden), and a reply may never
   * come. Firefox drops what a closing tab has not sent yet.
   */
  sendNow(): void {
    this.cancelTimer();
    while (!this.unreachable && this.unsent().length > 0) void this.sendOne();
  }

  private unsent(): OwnFinding[] {
    return [...this.pending.values()].filter((f) => !this.sending.has(f));
  }

  private cancelTimer(): void {
    if (this.timer !== null && this.timer !== 'end-of-task') clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(delay: number): void {
    if (this.timer || this.unreachable) return;
    if (delay > 0) {
      // A delay (a retry's backoff, or a queue told to wait): after the batch in flight, if any.
      if (this.flights.size > 0) return;
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.flush();
      }, delay);
      return;
    }
    this.timer = 'end-of-task';
    queueMicrotask(() => {
      // Unless a flush took it over meanwhile.
      if (this.timer !== 'end-of-task') return;
      this.timer = null;
      if (this.flights.size > 0) this.sendNow();
      else void this.flush();
    });
  }

  private sendOne(): Promise<boolean> {
    const entries = [...this.pending].filter(([, f]) => !this.sending.has(f)).slice(0, LIMITS.findingsPerBatch);
    const accounts = [...this.pendingAccounts].filter(([, a]) => !this.sending.has(a)).slice(0, 20);
    const batchId = `${Date.now().toString(36)}-${(this.batchCounter += 1)}`;
    const findings = entries.map(([, f]) => f);
    for (const [, item] of [...entries, ...accounts]) this.sending.add(item);
    let checkedNow = false;
    const run = (async () => {
      let reply: BatchReply;
      try {
        const batch: Parameters<SendBatch>[0] = { batchId, findings };
        if (accounts.length > 0) batch.accounts = accounts.map(([, a]) => a);
        const diagnostics = this.diagnostics();
        if (diagnostics) batch.diagnostics = diagnostics;
        reply = await this.send(batch);
      } catch (error) {
        reply = { ok: false, error: String(error) };
      }
      for (const [, item] of [...entries, ...accounts]) this.sending.delete(item);
      if (reply.ok) {
        // Only what was sent is acknowledged; a newer reading queued meanwhile stays.
        for (const [key, finding] of entries) if (this.pending.get(key) === finding) this.pending.delete(key);
        for (const [key, account] of accounts) if (this.pendingAccounts.get(key) === account) this.pendingAccounts.delete(key);
        this.acknowledged += entries.length;
        this.failures = 0;
      } else if (reply.refused && (checkedNow = this.checkRefused(entries))) {
        // Sent again at once, without the bad findings: not a failure to back off from.
      } else {
        this.failures += 1;
        if (reply.unreachable) this.unreachable = true;
      }
      return reply.ok;
    })();
    this.flights.add(run);
    return run.finally(() => {
      this.flights.delete(run);
      if (checkedNow) this.schedule(0);
      if (!this.failures) return;
      // Back off: 0.5 s, 1 s, 2 s … up to 30 s, then keep trying.
      this.schedule(Math.min(30_000, 500 * 2 ** Math.min(this.failures - 1, 6)));
    });
  }

  /**
   * Checks the findings of a refused batch that are still pending and not checked yet: a bad one is
   * dropped, a trimmed one replaces it. False when there was nothing left to check (the refusal is
   * about something else, and is retried as a failure).
   */
  private checkRefused(entries: [string, OwnFinding][]): boolean {
    if (!this.check) return false;
    let any = false;
    for (const [key, finding] of entries) {
      if (this.pending.get(key) !== finding || this.checked.has(finding)) continue;
      any = true;
      const admitted = this.check(finding);
      if (admitted) {
        this.checked.add(admitted);
        this.pending.set(key, admitted);
      } else {
        this.pending.delete(key);
      }
    }
    return any;
  }
}

/** Sends what `queue` holds the moment the page is hidden or left, rather than after its batching delay. */
export function sendOnLeave(queue: FindingQueue, win: Window, doc: Document): void {
  win.addEventListener('pagehide', () => queue.sendNow());
  doc.addEventListener('visibilitychange', () => {
    if (doc.visibilityState === 'hidden') queue.sendNow();
  });
}
