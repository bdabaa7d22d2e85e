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
}

export type SendBatch = (batch: {
  batchId: string;
  findings: OwnFinding[];
  accounts?: OwnAccountObservation[];
  diagnostics?: Diagnostics;
}) => Promise<BatchReply>;

/**
 * Findings wait here until the worker acknowledges the batch that carried them. The worker can be
 * stopped at any moment (MV3), so a failed or unanswered send is retried with backoff; a later
 * reading of the same post replaces a pending one, and nothing is dropped.
 */
export class FindingQueue {
  private readonly pending = new Map<string, OwnFinding>();
  private readonly pendingAccounts = new Map<string, OwnAccountObservation>();
  private inFlight: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private batchCounter = 0;
  private unreachable = false;
  acknowledged = 0;

  constructor(
    private readonly send: SendBatch,
    private readonly diagnostics: () => Diagnostics | undefined,
    /**
     * How long the first finding after a quiet spell waits for others. Short: one pass over the page
     * (an idle-time slice) queues its findings together anyway, and what arrives while a batch is in
     * flight goes with the next one. A long wait would widen the moment in which closing the tab loses
     * findings: Firefox may drop a message sent while the tab closes.
     */
    private readonly delayMs = 50,
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
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.unreachable) return;
    while (this.inFlight) await this.inFlight;
    while (this.pending.size > 0 || this.pendingAccounts.size > 0) {
      const ok = await this.sendOne();
      if (!ok) return;
    }
  }

  private schedule(delay: number): void {
    if (this.timer || this.inFlight || this.unreachable) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delay);
  }

  private sendOne(): Promise<boolean> {
    const entries = [...this.pending].slice(0, LIMITS.findingsPerBatch);
    const accounts = [...this.pendingAccounts].slice(0, 20);
    const batchId = `${Date.now().toString(36)}-${(this.batchCounter += 1)}`;
    const findings = entries.map(([, f]) => f);
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
      if (reply.ok) {
        // Only what was sent is acknowledged; a newer reading queued meanwhile stays.
        for (const [key, finding] of entries) if (this.pending.get(key) === finding) this.pending.delete(key);
        for (const [key, account] of accounts) if (this.pendingAccounts.get(key) === account) this.pendingAccounts.delete(key);
        this.acknowledged += entries.length;
        this.failures = 0;
      } else {
        this.failures += 1;
        if (reply.unreachable) this.unreachable = true;
      }
      return reply.ok;
    })();
    this.inFlight = run.then(() => undefined);
    return run.finally(() => {
      this.inFlight = null;
      if (!this.failures) return;
      // Back off: 0.5 s, 1 s, 2 s … up to 30 s, then keep trying.
      this.schedule(Math.min(30_000, 500 * 2 ** Math.min(this.failures - 1, 6)));
    });
  }
}
