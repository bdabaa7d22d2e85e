import { failure, readReply, type Reply, type Request, type RequestType } from '../core';
import { browser } from './browser';

/**
 * Sends one message of the table to the worker and parses the answer with the message's reply
 * schema, as the worker parses requests. Never rejects: a worker that is down or asleep is
 * `worker-unreachable`, an answer that is not a reply to this message is `malformed-reply`.
 */
export async function askWorker<T extends RequestType>(request: Extract<Request, { type: T }>): Promise<Reply<T>> {
  let answer: unknown;
  try {
    answer = await browser.runtime.sendMessage(request);
  } catch (error) {
    return failure('worker-unreachable', String(error instanceof Error ? error.message : error));
  }
  return readReply(request.type, answer);
}
