import type { SendBatch } from './finding-queue';

/**
 * Whether this content script can still reach its extension. After the extension is updated or
 * reloaded, Chrome leaves the old content script running in open tabs, cut off: `runtime.id` is
 * gone and every call to the extension throws "Extension context invalidated". Nothing it still
 * holds can be sent; only a reload of the tab brings a content script that can.
 */
export interface RuntimeIdentity {
  readonly id?: string | undefined;
}

/** True while the extension answers to this script; never throws (a cut-off runtime may throw on any access). */
export function extensionReachable(runtime: RuntimeIdentity | undefined): boolean {
  try {
    return typeof runtime?.id === 'string' && runtime.id.length > 0;
  } catch {
    return false;
  }
}

/**
 * Watches for the moment the extension is lost and says so once. `check()` is cheap: call it before
 * each attempt to reach the worker.
 */
export class ExtensionContext {
  private lost = false;

  constructor(
    private readonly runtime: () => RuntimeIdentity | undefined,
    private readonly onLost: () => void,
  ) {}

  /** Whether the worker can be reached now; the first time it cannot, `onLost` runs (its errors are swallowed: never into the page). */
  check(): boolean {
    if (this.lost) return false;
    if (extensionReachable(this.runtime())) return true;
    this.lost = true;
    try {
      this.onLost();
    } catch {
      // The notice is a courtesy; failing to show it must not break the page.
    }
    return false;
  }
}

/**
 * `send`, unless the extension is out of reach: then the batch is refused as unreachable, so the
 * queue keeps its findings in memory (never in the page's storage) and stops retrying; the tab's
 * reload reads the page again with a content script that can send.
 */
export function sendWhileReachable(context: ExtensionContext, send: SendBatch): SendBatch {
  return async (batch) => (context.check() ? send(batch) : { ok: false, unreachable: true });
}
