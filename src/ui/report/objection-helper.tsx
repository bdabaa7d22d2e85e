import type { Platform, PlatformOverview } from '../../core';
import { ACCESS_REQUEST_FORM, PRIVACY_POLICY } from '../../core/meta-addresses';
import { t } from '../../lib/i18n';
import { tCount } from '../shared/format';
import { ExternalLink } from '../shared/links';
import { CopyableText } from './copyable-text';
import type { FindingRow } from './finding-rows';
import { accessRequestMessage, publicFacts, reasonMessage, type TextMessage } from './objection-texts';

function render(message: TextMessage): string {
  return message.count !== undefined ? tCount(message.key, message.count, ...message.more) : t(message.key, message.more);
}

/** Beside a platform's objection form: a reason in the user's words-to-be, from what was found, to paste into the form. */
export function ObjectionReason({ platform, rows }: { platform: Platform; rows: readonly FindingRow[] | undefined }) {
  const text = render(reasonMessage(publicFacts(rows ?? [], platform), t(`platform_${platform}`)));
  return <CopyableText id={`objection-reason-${platform}`} label={t('objectReasonLabel')} initial={text} rows={4} />;
}

/** A request for access (GDPR art. 15) per platform: what of the user's data trained Meta's AI, since when, from which posts. */
export function AccessRequest({ platforms }: { platforms: PlatformOverview[] }) {
  return (
    <div class="access-request" data-section="access-request">
      <h3 id="access-heading">{t('accessHeading')}</h3>
      <p class="small">{t('accessIntro')}</p>
      {platforms.map(({ summary, viewer }) => {
        const platform = summary.platform;
        const message = accessRequestMessage(t(`platform_${platform}`), viewer, t('accessAccountUnknown'));
        return (
          <details key={platform} data-access={platform}>
            <summary>{t('accessSummary', [t(`platform_${platform}`)])}</summary>
            <CopyableText id={`access-request-${platform}`} label={t('accessLabel')} initial={render(message)} rows={12} />
          </details>
        );
      })}
      <p class="small">{t('accessWhere')}</p>
      <ul class="small">
        <li>
          <ExternalLink href={ACCESS_REQUEST_FORM}>{t('accessForm')}</ExternalLink>
        </li>
        <li>
          <ExternalLink href={PRIVACY_POLICY}>{t('accessPrivacyPolicy')}</ExternalLink>
        </li>
      </ul>
    </div>
  );
}
