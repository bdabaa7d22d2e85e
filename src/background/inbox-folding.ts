import { foldInbox, type GlasshouseDatabase } from '../db';

/**
 * When the worker folds its inbox into the posts (src/db/inbox.ts): once the batches stop coming
 * (`quietMs` after the last one), or `mostWaitMs` after the first of a steady stream, so a long
 * scroll or a full-history scan still writes every few seconds; and whenever a request is about to
 * read (`settle`, src/background/router.ts). While a feed loads, batches come every few hundred
 * milliseconds: writing them in the pause that follows keeps the worker and the browser's storage
 * off the processor while the page renders (bench/notes/storage.md measured what that saves).
 *
 * The timer lives in the worker's memory only: a worker stopped before it fires leaves the batches
 * in the inbox, and the next start folds them (src/background/worker-database.ts).
 */

/** How long the worker waits: after the last batch of a stream, and at most after its first. */
export interface FoldTiming {
  quietMs: number;
  mostWaitMs: number;
}

export const FOLD_TIMING: FoldTiming = { quietMs: 750, mostWaitMs: 3000 };

export interface InboxFolding {
  /** A batch went into the inbox: fold once the stream pauses. */
  received(): void;
  /** Folds now; resolves once everything the inbox held at the call is written (rejects if a write failed). */
  settle(): Promise<void>;
}

/** `folded` is told after each fold that wrote something: the toolbar badge's count may have changed. */
export function inboxFolding(db: () => Promise<GlasshouseDatabase>, folded: () => void, timing: FoldTiming = FOLD_TIMING): InboxFolding {
  const fold = async () => {
    if ((await foldInbox(await db())) > 0) folded();
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let streamStart: number | undefined;
  return {
    received() {
      const now = Date.now();
      streamStart ??= now;
      if (timer !== undefined) clearTimeout(timer);
      const wait = Math.max(0, Math.min(timing.quietMs, streamStart + timing.mostWaitMs - now));
      timer = setTimeout(() => {
        timer = undefined;
        streamStart = undefined;
        // A failed fold leaves its batches in the inbox: the next batch, read or start tries again.
        fold().catch(() => undefined);
      }, wait);
    },
    settle: fold,
  };
}
