import type { PlatformOverview } from '../../core';
import { t } from '../../lib/i18n';
import { formatCount } from '../shared/format';
import { NextStepAction } from './next-step';
import { platformState, verdictFor } from './verdict';
import { sentenceText } from './verdict-text';

/** One platform in the popup: its one sentence, the counts, the next step. */
export function PlatformVerdict({ overview }: { overview: PlatformOverview }) {
  const state = platformState(overview);
  const verdict = verdictFor(state);
  const { summary, viewer } = overview;
  const platform = summary.platform;
  const headingId = `summary-${platform}`;
  const count = (name: string, value: number, label: string, tone: string) => (
    <div>
      <dt>{label}</dt>
      <dd class={tone} data-count={name} data-value={value}>
        {formatCount(value)}
      </dd>
    </div>
  );
  return (
    <section
      class="card platform"
      aria-labelledby={headingId}
      data-platform={platform}
      data-account-privacy={platform === 'instagram' && viewer ? viewer.privacy : undefined}
    >
      <h2 id={headingId}>{t(`platform_${platform}`)}</h2>
      <p class="verdict" data-verdict={state.presence === 'never' ? 'not-seen' : state.exposure} data-sentence={verdict.sentence.key}>
        {sentenceText(verdict.sentence, platform)}
      </p>
      {verdict.showCounts && (
        <dl class="counts">
          {count('eligible', summary.eligible, t(verdict.publicCountKey), 'exposed')}
          {count('not-eligible', summary.notEligible, t('popupCountNotPublic'), 'safe')}
          {count('unknown', summary.unknown, t('popupCountUnknown'), 'unknown')}
        </dl>
      )}
      <NextStepAction step={verdict.step} platform={platform} />
    </section>
  );
}
