import { useEffect, useState } from 'preact/hooks';
import type { Reply, Request, RequestType } from '../../core';
import { askWorker } from '../../lib/worker-client';

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: string };

/** Asks the worker once when the component mounts. */
export function useWorker<T extends RequestType>(request: Extract<Request, { type: T }>): Loaded<Extract<Reply<T>, { ok: true }>> {
  const [loaded, setLoaded] = useState<Loaded<Extract<Reply<T>, { ok: true }>>>({ state: 'loading' });
  useEffect(() => {
    askWorker(request).then(
      (reply) =>
        setLoaded(reply.ok ? { state: 'ready', value: reply as Extract<Reply<T>, { ok: true }> } : { state: 'failed', error: reply.error }),
      (error: unknown) => setLoaded({ state: 'failed', error: String(error) }),
    );
  }, []);
  return loaded;
}
