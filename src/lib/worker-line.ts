import { failure, readReply, WORKER_LINE, type LineAnswer, type LineRequest, type Reply, type Request, type RequestType } from '../core';

/** The part of a runtime.Port the line uses (a fake one in the unit tests). */
export interface LinePort {
  postMessage(message: LineRequest): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export type ConnectLine = (info: { name: string }) => LinePort;

/** How long the line stays open with nothing to answer: a burst of batches shares it, a quiet tab holds none. */
export const LINE_IDLE_MS = 5_000;

/**
 * A content script's end of the worker line (src/core/worker-line.ts): `ask` has askWorker's contract
 * (never rejects; `worker-unreachable` when no answer can come, `malformed-reply` when it is not one),
 * over a port opened on the first ask and closed after LINE_IDLE_MS with nothing waiting. Closed, it
 * keeps no worker awake and no page out of the back-forward cache.
 *
 * The worker can stop at any moment (MV3): its end of the port then closes, every ask still waiting
 * is answered `worker-unreachable` (the queue sends its batch again), and the next ask opens a new
 * port, which wakes the worker as a one-shot message would.
 */
export class WorkerLine {
  private port: LinePort | null = null;
  private readonly waiting = new Map<number, (answer: unknown) => void>();
  private nextId = 0;
  /** One timer per quiet spell, not one per answer: re-armed for what is left when it fires early. */
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private lastUse = 0;

  constructor(
    private readonly connect: ConnectLine,
    private readonly idleMs = LINE_IDLE_MS,
  ) {}

  async ask<T extends RequestType>(request: Extract<Request, { type: T }>): Promise<Reply<T>> {
    let answer: unknown;
    try {
      answer = await this.post(request);
    } catch (error) {
      // The extension is out of reach (reloaded or updated under the tab), or the port closed as it was written to.
      return failure('worker-unreachable', String(error instanceof Error ? error.message : error));
    }
    return readReply(request.type, answer);
  }

  /** Whether a port is open now (for the tests). */
  get isOpen(): boolean {
    return this.port !== null;
  }

  private post(request: unknown): Promise<unknown> {
    const port = this.open();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, resolve);
      try {
        port.postMessage({ id, request });
      } catch (error) {
        this.waiting.delete(id);
        this.drop(port);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  private open(): LinePort {
    this.lastUse = Date.now();
    if (this.port) return this.port;
    const port = this.connect({ name: WORKER_LINE });
    port.onMessage.addListener((message) => this.answered(message));
    // The worker's end closed (it stopped, or refused the line): nothing more will come on this port.
    port.onDisconnect.addListener(() => this.drop(port));
    this.port = port;
    return port;
  }

  private answered(message: unknown): void {
    const { id, reply } = (message ?? {}) as Partial<LineAnswer>;
    const resolve = typeof id === 'number' ? this.waiting.get(id) : undefined;
    // An answer to nothing asked (or not an answer at all) is ignored: the asker's wait ends with the port.
    if (!resolve) return;
    this.waiting.delete(id!);
    // A reply is data from the worker; `readReply` parses it. Undefined says the worker gave none.
    resolve(reply);
    this.lastUse = Date.now();
    if (this.idleTimer === null) this.closeWhenIdle(this.idleMs);
  }

  private closeWhenIdle(afterMs: number): void {
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      const port = this.port;
      if (!port) return;
      const quietFor = Date.now() - this.lastUse;
      // Something waits, or the line was used since: look again when it may have been quiet long enough.
      if (this.waiting.size > 0 || quietFor < this.idleMs) {
        this.closeWhenIdle(this.waiting.size > 0 ? this.idleMs : this.idleMs - quietFor);
        return;
      }
      this.port = null;
      try {
        port.disconnect();
      } catch {
        // Already closed from the other end.
      }
    }, afterMs);
  }

  /** Forgets a closed port; whoever still waits on it gets no answer (undefined: `worker-unreachable`). */
  private drop(port: LinePort): void {
    if (this.port !== port) return;
    this.port = null;
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const resolve of waiting) resolve(undefined);
  }
}
