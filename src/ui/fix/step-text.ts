import type { FixStep } from '../../core';
import { t } from '../../lib/i18n';
import { formatDate, formatDateTime } from '../shared/format';

/** A step's name in the list and the current card: the post's date, or the account. */
export function stepTitle(step: FixStep): string {
  if (step.kind === 'account') return t('fixStepAccount');
  return step.publishedAt !== undefined ? t('fixStepPost', [formatDate(step.publishedAt)]) : t('fixStepPostUndated');
}

/** A step's state in words; a fixed one says when. */
export function stepState(step: FixStep): string {
  if (step.state === 'fixed') return step.fixedAt !== undefined ? t('fixFixedAt', [formatDateTime(step.fixedAt)]) : t('fixStateFixed');
  return step.state === 'skipped' ? t('fixStateSkipped') : t('fixStateToFix');
}
