import type { Audience, AudienceSource, DetectedPost, Eligibility, Evidence } from '../core';
import { audienceSourceNote, isTrainingEligible } from '../core';
import { t } from '../lib/i18n';

/** What a badge says, in the user's language: everything but the page's own label text. */
export interface BadgeWords {
  eligible: Eligibility;
  /** The pill's text ("Not public: Friends"). */
  short: string;
  /** The button's accessible name: the short text and where it was read. */
  accessibleName: string;
  reason: string;
  evidence: string;
  disagreement: string | null;
  advice: string;
}

const audienceKey = (audience: Audience) => `audience_${audience}`;
const evidenceKey = (evidence: Evidence) => `evidence_${evidence.replace('-', '_')}`;

/** What to do about a post: its eligibility, then where the user can change it (site, kind of post). */
function adviceKey(post: DetectedPost, eligible: Eligibility): string {
  if (eligible === 'no') return 'adviceNotPublic';
  if (eligible === 'unknown') return 'adviceUnknown';
  if (post.platform === 'instagram') return 'adviceInstagramPublic';
  if (post.kind === 'profile_picture' || post.kind === 'cover_photo') return 'adviceAlwaysPublic';
  return post.kind === 'comment' ? 'adviceComment' : 'adviceFacebookPublic';
}

/**
 * One entry per reading (audience, evidence, advice, disagreement): a feed repeats a handful of them,
 * so each text is looked up once per page instead of about seven lookups per badge, and a badge
 * already painted with a reading is recognised by the entry's identity. The keys come from closed
 * lists, so the cache cannot grow with what the page shows.
 */
const cache = new Map<string, BadgeWords>();

export function badgeWordsFor(post: DetectedPost): BadgeWords {
  const verdict = isTrainingEligible(post.audience);
  const advice = adviceKey(post, verdict.eligible);
  const other = post.disagreement;
  const key = `${post.audience}|${post.evidence}|${advice}|${other ? `${other.audience}|${other.evidence}` : ''}`;
  let words = cache.get(key);
  if (!words) {
    const audience = t(audienceKey(post.audience));
    const short =
      verdict.eligible === 'yes' ? t('badgePublic') : verdict.eligible === 'no' ? t('badgeNotPublic', [audience]) : t('badgeUnknown');
    const evidence = t(evidenceKey(post.evidence));
    words = {
      eligible: verdict.eligible,
      short,
      accessibleName: t('badgeAccessibleName', [short, evidence]),
      reason: t(verdict.reason),
      evidence,
      disagreement: other ? t('badgeDisagreement', [t(audienceKey(other.audience)), t(evidenceKey(other.evidence))]) : null,
      advice: t(advice),
    };
    cache.set(key, words);
  }
  return words;
}

/** Where the audience was read, with the page's own label or the site's rule when there is one (it differs per post). */
export function evidenceLine(words: BadgeWords, audienceSource: AudienceSource | undefined): string {
  return audienceSource ? `${words.evidence} ${audienceSourceNote(audienceSource, t)}` : words.evidence;
}
