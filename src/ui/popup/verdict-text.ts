import type { Platform } from '../../core';
import { t } from '../../lib/i18n';
import { formatDate, tCount } from '../shared/format';
import { STEP_KEYS, type NextStep, type Sentence } from './verdict';

/** A sentence of the state table (verdict.ts) in the UI language: the count as $1, then the platform's name or the objection date. */
export function sentenceText(sentence: Sentence, platform: Platform): string {
  const more = [
    ...(sentence.platformName ? [t(`platform_${platform}`)] : []),
    ...(sentence.objectedAt !== undefined ? [formatDate(sentence.objectedAt)] : []),
  ];
  return sentence.count !== undefined ? tCount(sentence.key, sentence.count, ...more) : t(sentence.key, more);
}

/** A step's words: counted steps say how many, "open the site" names it. */
export function stepText(step: NextStep, platform: Platform): string {
  const key = STEP_KEYS[step.kind];
  if (step.kind === 'fix' || step.kind === 'review-unknown') return tCount(key, step.count);
  if (step.kind === 'open-site') return t(key, [t(`platform_${platform}`)]);
  return t(key);
}
