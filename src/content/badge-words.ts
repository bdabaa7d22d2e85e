import { audienceSourceNote, type AudienceSource, type DetectedPost, type Eligibility } from '../core';
import { t } from '../lib/i18n';
import { audienceMessageKey, badgeTextFor, evidenceMessageKey } from './badge-text';

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

/**
 * One entry per reading (audience, evidence, kind of post, disagreement): a feed repeats a handful of
 * them, so each text is looked up once per page instead of about seven lookups per badge. The keys
 * come from closed lists, so the cache cannot grow with what the page shows.
 */
const cache = new Map<string, BadgeWords>();

export function badgeWordsFor(post: DetectedPost): BadgeWords {
  const text = badgeTextFor(post);
  const other = post.disagreement;
  const key = `${text.labelKey}|${text.audienceKey}|${text.reasonKey}|${text.evidenceKey}|${text.adviceKey}|${other ? `${other.audience}|${other.evidence}` : ''}`;
  let words = cache.get(key);
  if (!words) {
    const audience = t(text.audienceKey);
    const short = text.eligible === 'no' ? t(text.labelKey, [audience]) : t(text.labelKey);
    const evidence = t(text.evidenceKey);
    words = {
      eligible: text.eligible,
      short,
      accessibleName: t('badgeAccessibleName', [short, evidence]),
      reason: t(text.reasonKey),
      evidence,
      disagreement: other ? t('badgeDisagreement', [t(audienceMessageKey(other.audience)), t(evidenceMessageKey(other.evidence))]) : null,
      advice: t(text.adviceKey),
    };
    cache.set(key, words);
  }
  return words;
}

/** Where the audience was read, with the page's own label or the site's rule when there is one (it differs per post). */
export function evidenceLine(words: BadgeWords, audienceSource: AudienceSource | undefined): string {
  return audienceSource ? `${words.evidence} ${audienceSourceNote(audienceSource, t)}` : words.evidence;
}
