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
    // Only while the page is seen: each question wakes the worker, and a hidden page's poll would keep it
    // awake for as long as the tab stays open. Coming back asks at once, so the progress is current.
    let timer: ReturnType<typeof setInterval> | undefined;
    const follow = () => {
      clearInterval(timer);
      timer = undefined;
      if (document.visibilityState === 'hidden') return;
      timer = setInterval(() => void reload(), pollMs);
    };
    const visibility = () => {
      if (document.visibilityState !== 'hidden') void reload();
      follow();
    };
    follow();
    document.addEventListener('visibilitychange', visibility);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', visibility);
    };
  }, [reload, pollMs]);
  return { loaded, reload };
}
