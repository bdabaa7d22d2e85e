import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Reply, Request, RequestType } from '../../core';
import { askWorker } from '../../lib/worker-client';

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: string };
export type Answer<T extends RequestType> = Extract<Reply<T>, { ok: true }>;

async function load<T extends RequestType>(request: Extract<Request, { type: T }>): Promise<Loaded<Answer<T>>> {
  try {
    const reply = await askWorker(request);
    return reply.ok ? { state: 'ready', value: reply as Answer<T> } : { state: 'failed', error: reply.detail };
  } catch (error) {
    return { state: 'failed', error: String(error instanceof Error ? error.message : error) };
  }
}

/** Asks the worker once when the component mounts. */
export function useWorker<T extends RequestType>(request: Extract<Request, { type: T }>): Loaded<Answer<T>> {
  return useWorkerQuery(request).loaded;
}

/** Asks the worker when the component mounts, and again on `reload()` (keeping the last answer on screen meanwhile). */
export function useWorkerQuery<T extends RequestType>(
  request: Extract<Request, { type: T }>,
): { loaded: Loaded<Answer<T>>; reload: () => Promise<void> } {
  const [loaded, setLoaded] = useState<Loaded<Answer<T>>>({ state: 'loading' });
  const reload = useCallback(async () => setLoaded(await load(request)), []);
  useEffect(() => void reload(), []);
  return { loaded, reload };
}
