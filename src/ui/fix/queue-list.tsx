import { sameStep, type FixStep, type FixStepRef } from '../../core';
import { t } from '../../lib/i18n';
import { stepState, stepTitle } from './step-text';

/** Every step of the filtered queue, newest first, with its state; any one can be opened directly. */
export function QueueList(props: { steps: readonly FixStep[]; current: FixStepRef | null; busy: boolean; open: (step: FixStep) => void }) {
  return (
    <section aria-labelledby="fix-queue-heading">
      <h2 id="fix-queue-heading">{t('fixQueueHeading')}</h2>
      <ol class="fix-queue">
        {props.steps.map((step) => (
          <li
            key={`${step.platform}:${step.id}`}
            data-step={step.id}
            data-state={step.state}
            aria-current={sameStep(step, props.current) ? 'step' : undefined}
          >
            <span class="fix-queue-title">
              {stepTitle(step)}
              {step.kind === 'post' && step.excerpt && <span class="muted"> · {step.excerpt}</span>}
            </span>
            <span class={step.state === 'fixed' ? 'safe' : step.state === 'skipped' ? 'muted' : 'exposed'}>{stepState(step)}</span>
            {step.state !== 'fixed' && (
              <button type="button" class="small" disabled={props.busy} onClick={() => props.open(step)}>
                {t('fixOpen')}
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
