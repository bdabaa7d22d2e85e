import type { Reply, Request, RequestType } from '../core';
import { browser } from './browser';

/** Sends one message of the table to the worker; a worker that is down or asleep rejects. */
export async function askWorker<T extends RequestType>(request: Extract<Request, { type: T }>): Promise<Reply<T>> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<T> | undefined;
  if (!reply || typeof reply !== 'object' || typeof reply.ok !== 'boolean') throw new Error('no reply from the worker');
  return reply;
}
