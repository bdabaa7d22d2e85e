import type { ExposedPost, PlatformOverview, ViewerAccount } from '../../core';
import { t } from '../../lib/i18n';
import { formatDate, formatDateTime, tCount } from '../shared/format';
import { ExternalLink, metaPostHref } from '../shared/links';
import { LastScan } from '../shared/LastScan';

/** One platform: the account seen, the verdict, the counts, the latest public posts. */
export function PlatformSummaryView({ overview }: { overview: PlatformOverview }) {
  const { summary, viewer } = overview;
  const platform = summary.platform;
  const headingId = `summary-${platform}`;
  return (
    <section class="card platform" aria-labelledby={headingId} data-platform={platform}>
      <h2 id={headingId}>{t(`platform_${platform}`)}</h2>
      <AccountLine platform={platform} viewer={viewer} />
      {summary.total === 0 ? (
        <p class="muted" data-verdict="none-seen">
          {t('popupNothingSeen')}
        </p>
      ) : (
        <>
          <Verdict eligible={summary.eligible} unknown={summary.unknown} />
          <dl class="counts">
            <div>
              <dt>{t('popupCountPublic')}</dt>
              <dd class="exposed" data-count="eligible">
                {summary.eligible}
              </dd>
            </div>
            <div>
              <dt>{t('popupCountNotPublic')}</dt>
              <dd class="safe" data-count="not-eligible">
                {summary.notEligible}
              </dd>
            </div>
            <div>
              <dt>{t('popupCountUnknown')}</dt>
              <dd class="unknown" data-count="unknown">
                {summary.unknown}
              </dd>
            </div>
          </dl>
        </>
      )}
      {summary.lastSeen !== undefined && <p class="muted small">{t('popupLastSeen', [formatDateTime(summary.lastSeen)])}</p>}
      <LastScan platform={platform} />
      {overview.recentExposed.length > 0 && (
        <RecentExposed platform={platform} posts={overview.recentExposed} objectedAt={overview.objectedAt} />
      )}
    </section>
  );
}

function Verdict({ eligible, unknown }: { eligible: number; unknown: number }) {
  return (
    <p class="verdict" data-verdict={eligible > 0 ? 'public' : unknown > 0 ? 'unknown' : 'none-public'}>
      {eligible > 0 ? (
        <strong class="exposed">{tCount('verdictPublic', eligible)}</strong>
      ) : unknown === 0 ? (
        <strong class="safe">{t('verdictNonePublic')}</strong>
      ) : (
        <strong>{t('verdictNoneKnownPublic')}</strong>
      )}
      {unknown > 0 && <> {tCount('verdictUnknown', unknown)}</>}
    </p>
  );
}

function accountLabel(viewer: ViewerAccount): string {
  if (viewer.name && viewer.username) return t('popupAccountNameAndUsername', [viewer.name, viewer.username]);
  return viewer.name ?? viewer.username ?? viewer.accountId;
}

function AccountLine({ platform, viewer }: { platform: PlatformOverview['summary']['platform']; viewer: ViewerAccount | undefined }) {
  if (!viewer) return <p class="muted small">{t('popupAccountNotSeen')}</p>;
  return (
    <div class="account" data-account-privacy={platform === 'instagram' ? viewer.privacy : undefined}>
      <p class="small">{t('popupAccountSeen', [accountLabel(viewer)])}</p>
      {platform === 'instagram' && (
        <p class="small">
          {viewer.privacy === 'public'
            ? t('popupInstagramPublic')
            : viewer.privacy === 'private'
              ? t('popupInstagramPrivate')
              : t('popupInstagramPrivacyUnknown')}
          {viewer.professional && <> {t('popupInstagramProfessional')}</>}
        </p>
      )}
    </div>
  );
}

function RecentExposed({ platform, posts, objectedAt }: { platform: string; posts: ExposedPost[]; objectedAt: number | undefined }) {
  const headingId = `recent-${platform}`;
  return (
    <>
      <h3 id={headingId}>{t('popupRecentHeading')}</h3>
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
