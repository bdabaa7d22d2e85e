import { z } from './zod-setup';

/**
 * The worker line: a long-lived port from a content script to the worker, for the messages it sends
 * most (its findings' batches). A one-shot `runtime.sendMessage` opens a channel to the worker, sends,
 * waits for the answer and closes the channel, a round trip of several steps through the browser
 * process; a message on an open port is one step each way. Measured from an extension page in
 * Chromium on the 2-core machine: an empty message's round trip 2.1–3.5 ms with `sendMessage`, 0.5–1.1 ms
 * on a port; a batch of 50 findings refused by validation 44 against 29 µs per finding, acknowledged
 * 140 against 114 (bench/notes/storage.md). The messages are the same, and the worker checks them the same way.
 */
export const WORKER_LINE = 'glasshouse-line';

/** What travels on the line towards the worker: the request, and a number its answer comes back with. */
export const LineRequestSchema = z.strictObject({ id: z.int().check(z.nonnegative()), request: z.unknown() });
export type LineRequest = z.infer<typeof LineRequestSchema>;

/** What comes back: the worker's reply to the request of that number (undefined when it gives none). */
export interface LineAnswer {
  id: number;
  reply: unknown;
}
