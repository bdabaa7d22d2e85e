import type { PlatformOverview } from '../../core';
import { FACEBOOK_ACTIVITY_LOG, INSTAGRAM_PRIVACY_SETTING } from '../../core/meta-addresses';
import { t } from '../../lib/i18n';
import { ExternalLink } from '../shared/links';

/**
 * Making posts non-public: the one lever that works per post and after the fact
 * (docs/FACTS.md#objection, docs/FACTS.md#fixing-exposure).
 */
export function FixingAdvice({ platforms }: { platforms: PlatformOverview[] }) {
  const instagram = platforms.find((p) => p.summary.platform === 'instagram')?.viewer;
  return (
    <section class="card" id="fix" aria-labelledby="fixing-heading" data-section="fixing">
      <h2 id="fixing-heading">{t('fixHeading')}</h2>
      <p class="small">{t('fixIntro')}</p>
      <details>
        <summary>{t('fixFacebookSummary')}</summary>
        <p class="small">{t('fixFacebookHow')}</p>
        <ul class="small">
          <li>{t('fixFacebookDoes')}</li>
          <li>{t('fixFacebookNoUndo')}</li>
          <li>{t('fixFacebookCustom')}</li>
          <li>{t('fixFacebookAlwaysPublic')}</li>
        </ul>
        <p class="small">{t('fixFacebookNoLink')}</p>
        <p class="small">{t('fixFacebookOnePost')}</p>
        <p class="small">
          <ExternalLink href={FACEBOOK_ACTIVITY_LOG}>{t('fixActivityLog')}</ExternalLink>
        </p>
      </details>
      <details>
        <summary>{t('fixInstagramSummary')}</summary>
        <p class="small">{t('fixInstagramHow')}</p>
        {instagram?.professional && <p class="small">{t('fixInstagramProfessional')}</p>}
        <p class="small">
          <ExternalLink href={INSTAGRAM_PRIVACY_SETTING}>{t('fixInstagramLink')}</ExternalLink>
        </p>
      </details>
      <details>
        <summary>{t('fixFutureSummary')}</summary>
        <p class="small">{t('fixFutureHow')}</p>
      </details>
    </section>
  );
}
