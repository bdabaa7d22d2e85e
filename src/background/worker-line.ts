import { LineRequestSchema, WORKER_LINE, type LineAnswer } from '../core';
/** The part of a runtime.Port the worker's end of the line uses (a fake one in the unit tests). */
export interface ServedPort<S> {
  name: string;
  sender?: S;
  postMessage(message: LineAnswer): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
}

/**
 * How the worker answers one message from a sender, whichever way it came (worker.ts: the same for
 * one-shot messages); undefined for a sender it does not answer at all.
 */
export type Answer<S> = (message: unknown, sender: S) => Promise<unknown> | undefined;

/**
 * The worker's end of the worker line (src/core/worker-line.ts). Each request on the port is answered
 * exactly as a one-shot message from the same sender would be (`answer`: the sender's kind, the
 * request's schema and who may ask it are checked there), its answer sent back with the request's
 * number. A port of another name is closed; a message that is not a numbered request has no number
 * to answer with, and is dropped (its sender's wait ends when the port closes).
 */
export function serveLine<S>(port: ServedPort<S>, answer: Answer<S>, trusted: (sender: S) => boolean): void {
  // Only the extension's own scripts can open a port to it (no page or other extension may: the manifest
  // has no externally_connectable); whoever the worker would not answer anyway gets no line.
  if (port.name !== WORKER_LINE || !port.sender || !trusted(port.sender)) {
    port.disconnect();
    return;
  }
  const sender = port.sender;
  port.onMessage.addListener((message) => {
    const parsed = LineRequestSchema.safeParse(message);
    if (!parsed.success) return;
    const { id, request } = parsed.data;
    const answering = answer(request, sender);
    if (!answering) return;
    void answering.then(
      (reply) => {
        try {
          port.postMessage({ id, reply });
        } catch {
          // The content script's end is gone (its tab closed): it will send the batch again if it still can.
        }
      },
      () => undefined,
    );
  });
}
