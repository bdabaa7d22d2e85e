import type { ExposedPost, PlatformOverview, ViewerAccount } from '../../core';
import { t } from '../../lib/i18n';
import { formatCount, formatDate, formatDateTime } from '../shared/format';
import { sentenceText } from '../popup/verdict-text';
import { platformState, verdictFor } from '../popup/verdict';
import { ExternalLink, metaPostHref } from '../shared/links';
import { LastScan } from '../shared/LastScan';

/** One platform on the Glasshouse page: the popup's sentence, the account seen, the counts, the last scan, the latest public posts. */
export function PlatformDetails({ overview }: { overview: PlatformOverview }) {
  const { summary, viewer } = overview;
  const platform = summary.platform;
  const headingId = `summary-${platform}`;
  const verdict = verdictFor(platformState(overview));
  return (
    <section class="card platform" aria-labelledby={headingId} data-platform={platform}>
      <h3 id={headingId}>{t(`platform_${platform}`)}</h3>
      <p class="verdict" data-sentence={verdict.sentence.key}>
        <strong>{sentenceText(verdict.sentence, platform)}</strong>
      </p>
      <AccountLine platform={platform} viewer={viewer} />
      {summary.total > 0 && (
        <dl class="counts">
          <div>
            <dt>{t(verdict.publicCountKey)}</dt>
            <dd class="exposed" data-count="eligible" data-value={summary.eligible}>
              {formatCount(summary.eligible)}
            </dd>
          </div>
          <div>
            <dt>{t('popupCountNotPublic')}</dt>
            <dd class="safe" data-count="not-eligible" data-value={summary.notEligible}>
              {formatCount(summary.notEligible)}
            </dd>
          </div>
          <div>
            <dt>{t('popupCountUnknown')}</dt>
            <dd class="unknown" data-count="unknown" data-value={summary.unknown}>
              {formatCount(summary.unknown)}
            </dd>
          </div>
        </dl>
      )}
      {summary.lastSeen !== undefined && <p class="muted small">{t('popupLastSeen', [formatDateTime(summary.lastSeen)])}</p>}
      <LastScan platform={platform} />
      {overview.recentExposed.length > 0 && (
        <RecentExposed platform={platform} posts={overview.recentExposed} objectedAt={overview.objectedAt} />
      )}
    </section>
  );
}

function accountLabel(viewer: ViewerAccount): string {
  if (viewer.name && viewer.username) return t('popupAccountNameAndUsername', [viewer.name, viewer.username]);
  return viewer.name ?? viewer.username ?? viewer.accountId;
}

/**
 * Who was seen logged in. Nothing when nobody was (the sentence above says so); for Instagram, the
 * account's privacy only when it is not known yet (when it is, the sentence says it).
 */
function AccountLine({ platform, viewer }: { platform: PlatformOverview['summary']['platform']; viewer: ViewerAccount | undefined }) {
  if (!viewer) return null;
  return (
    <div class="account" data-account-privacy={platform === 'instagram' ? viewer.privacy : undefined}>
      <p class="small">{t('popupAccountSeen', [accountLabel(viewer)])}</p>
      {platform === 'instagram' && viewer.privacy === 'unknown' && <p class="small">{t('popupInstagramPrivacyUnknown')}</p>}
    </div>
  );
}

function RecentExposed({ platform, posts, objectedAt }: { platform: string; posts: ExposedPost[]; objectedAt: number | undefined }) {
  const headingId = `recent-${platform}`;
  return (
    <>
      <h4 id={headingId}>{t('popupRecentHeading')}</h4>
      <ul class="recent" aria-labelledby={headingId}>
        {posts.map((post) => {
          const label = post.excerpt?.trim() || t(`kind_${post.kind}`);
          const href = metaPostHref(post.url);
          return (
            <li key={post.postId} data-post-id={post.postId}>
              {href ? (
                <ExternalLink href={href} class="excerpt">
                  {label}
                </ExternalLink>
              ) : (
                <span class="excerpt">{label}</span>
              )}
              <span class="muted small meta">
                {post.excerpt ? `${t(`kind_${post.kind}`)} · ` : ''}
                {post.publishedAt !== undefined
                  ? t('popupPublishedOn', [formatDate(post.publishedAt)])
                  : t('popupSeenOn', [formatDate(post.lastSeen)])}
                {objectedAt !== undefined && post.publishedAt !== undefined && post.publishedAt < objectedAt && (
                  <> · {t('popupBeforeObjection')}</>
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}
