import type { FixStep } from '../../core';
import { t } from '../../lib/i18n';
import { formatCount, formatDateTime } from '../shared/format';
import { stepTitle } from './step-text';

export interface StepActions {
  open(step: FixStep): void;
  skip(step: FixStep): void;
  next(): void;
}

/**
 * The step being worked on. Opened in the fix tab, it waits for the new audience (seen there by the
 * content script, stored by the worker); not opened yet, it offers to open it. Next moves on either
 * way; Skip also marks it skipped, so it comes back only after the others.
 */
export function CurrentStep(props: { step: FixStep; opened: boolean; busy: boolean; actions: StepActions }) {
  const { step, opened, busy, actions } = props;
  const fixed = step.state === 'fixed';
  return (
    <section class="card fix-current" aria-labelledby="fix-current-heading" data-current-step={step.id} data-state={step.state}>
      <h2 id="fix-current-heading">{t('fixCurrentHeading')}</h2>
      <p class="fix-step-title">
        <strong>{stepTitle(step)}</strong>
        {step.kind === 'account' && step.username && <span class="muted"> @{step.username}</span>}
      </p>
      {step.kind === 'post' && step.excerpt && <p class="excerpt">{step.excerpt}</p>}
      {step.kind === 'account' && <p class="small">{t('fixAccountPublicPosts', [formatCount(step.publicPosts)])}</p>}
      <p>{step.kind === 'post' ? t('fixHowToPost') : t('fixHowToAccount')}</p>
      <p role="status" class={fixed ? 'safe' : 'muted'} data-fix-status={fixed ? 'fixed' : opened ? 'waiting' : 'not-opened'}>
        {fixed ? t('fixFixedAt', [formatDateTime(step.fixedAt ?? 0)]) : opened ? t('fixWaiting') : ''}
      </p>
      <div class="action-row">
        <button
          type="button"
          class={!opened && !fixed ? 'primary' : undefined}
          data-action="open"
          disabled={busy}
          onClick={() => actions.open(step)}
        >
          {t('fixOpen')}
        </button>
        {!fixed && (
          <button type="button" data-action="skip" disabled={busy} onClick={() => actions.skip(step)}>
            {t('fixSkip')}
          </button>
        )}
        {(opened || fixed) && (
          <button type="button" class={fixed ? 'primary' : undefined} data-action="next" disabled={busy} onClick={() => actions.next()}>
            {t('fixNext')}
          </button>
        )}
      </div>
    </section>
  );
}
