import { useCallback, useEffect, useState } from 'preact/hooks';
import type { FixFilter, FixQueue } from '../../core';
import { askWorker } from '../../lib/worker-client';

export type Ask = typeof askWorker;
export type QueueState = { state: 'loading' } | { state: 'ready'; queue: FixQueue } | { state: 'failed'; error: string };

/**
 * The filtered queue from the worker, asked again every `pollMs`: the fix
 * tab's content script reports the new audience to the worker, and this page learns of it from the
 * database, like after a restart (no message reaches an extension page from the worker).
 */
export function useFixQueue(ask: Ask, filter: FixFilter, pollMs: number): { loaded: QueueState; reload: () => Promise<void> } {
  const [loaded, setLoaded] = useState<QueueState>({ state: 'loading' });
  const key = JSON.stringify(filter);
  const reload = useCallback(async () => {
    const reply = await ask({ type: 'fix/queue', filter });
    if (reply.ok) {
      const { ok: _ok, ...queue } = reply;
      setLoaded({ state: 'ready', queue });
    } else setLoaded((before) => (before.state === 'ready' ? before : { state: 'failed', error: reply.detail }));
  }, [ask, key]);
  useEffect(() => {
    void reload();
    // Also while hidden behind the fix tab (the browser slows such timers down), so the progress is
    // current when the user comes back; and at once when they do.
    const timer = setInterval(() => void reload(), pollMs);
    const back = () => document.visibilityState === 'visible' && void reload();
    document.addEventListener('visibilitychange', back);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', back);
    };
  }, [reload, pollMs]);
  return { loaded, reload };
}
