import { useState } from 'preact/hooks';
import { sameStep, type FixFilter, type FixQueue, type FixStep } from '../../core';
import { t } from '../../lib/i18n';
import { askWorker } from '../../lib/worker-client';
import { formatCount } from '../shared/format';
import { CurrentStep } from './current-step';
import { FixFilters } from './filters';
import { QueueList } from './queue-list';
import { useFixQueue, type Ask } from './use-fix-queue';

/** The step on the card: the one open in the fix tab if this view shows it, else the first still to fix (then a skipped one). */
function currentOf(queue: FixQueue): { step: FixStep; opened: boolean } | null {
  const open = queue.steps.find((s) => sameStep(s, queue.current));
  if (open) return { step: open, opened: true };
  const first = queue.steps.find((s) => s.state === 'to-fix') ?? queue.steps.find((s) => s.state === 'skipped');
  return first ? { step: first, opened: false } : null;
}

/**
 * "Fix my public posts": the queue of the user's public posts (and the Instagram account), one step
 * at a time in one tab of the site. Glasshouse never changes an audience: the user does, on the
 * site, and the step counts as fixed once the audience is seen non-public (docs/GUIDED-FIX.md).
 */
export function FixPage({ ask = askWorker, pollMs = 1500 }: { ask?: Ask; pollMs?: number }) {
  const [filter, setFilter] = useState<FixFilter>({});
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { loaded, reload } = useFixQueue(ask, filter, pollMs);

  const act = async (action: () => Promise<{ ok: boolean; detail?: string }>) => {
    setBusy(true);
    const reply = await action();
    setProblem(reply.ok ? null : (reply.detail ?? ''));
    await reload();
    setBusy(false);
  };
  const actions = {
    open: (step: FixStep) => void act(() => ask({ type: 'fix/open', step: { platform: step.platform, id: step.id } })),
    skip: (step: FixStep) =>
      void act(async () => {
        const skipped = await ask({ type: 'fix/skip', step: { platform: step.platform, id: step.id } });
        return skipped.ok ? ask({ type: 'fix/next', filter }) : skipped;
      }),
    next: () => void act(() => ask({ type: 'fix/next', filter })),
  };

  return (
    <>
      <header class="page-header">
        <h1>{t('fixTitle')}</h1>
      </header>
      <main class="fix">
        <p>{t('fixIntro')}</p>
        {loaded.state === 'loading' && <p class="muted">{t('loading')}</p>}
        {loaded.state === 'failed' && <p role="alert">{t('fixLoadFailed', [loaded.error])}</p>}
        {problem !== null && <p role="alert">{t('fixOpenFailed', [problem])}</p>}
        {loaded.state === 'ready' && <QueueView queue={loaded.queue} filter={filter} setFilter={setFilter} busy={busy} actions={actions} />}
      </main>
    </>
  );
}

function QueueView(props: {
  queue: FixQueue;
  filter: FixFilter;
  setFilter: (filter: FixFilter) => void;
  busy: boolean;
  actions: { open(step: FixStep): void; skip(step: FixStep): void; next(): void };
}) {
  const { queue, filter, busy, actions } = props;
  const current = currentOf(queue);
  const nothingSeen = queue.total === 0 && filter.platform === undefined && filter.year === undefined;
  if (nothingSeen) return <p data-empty>{t('fixEmpty')}</p>;
  return (
    <>
      <FixFilters filter={filter} years={queue.years} onChange={props.setFilter} />
      <p id="fix-progress" class="fix-progress" data-fixed={queue.fixed} data-total={queue.total}>
        <strong>{t('fixProgress', [formatCount(queue.fixed), formatCount(queue.total)])}</strong>
      </p>
      <progress max={Math.max(queue.total, 1)} value={queue.fixed} aria-labelledby="fix-progress" />
      {current ? (
        <CurrentStep step={current.step} opened={current.opened} busy={busy} actions={actions} />
      ) : (
        <p class="safe" data-all-done>
          {t('fixAllDone')}
        </p>
      )}
      {queue.steps.length > 0 && <QueueList steps={queue.steps} current={queue.current} busy={busy} open={actions.open} />}
    </>
  );
}
