import type { Audience, DetectedPost, Eligibility, Evidence } from '../core';
import { isTrainingEligible } from '../core';

/** The message keys a badge shows for a post: its short label, its explanation, what to do. */
export interface BadgeText {
  eligible: Eligibility;
  labelKey: string;
  audienceKey: string;
  reasonKey: string;
  evidenceKey: string;
  adviceKey: string;
}

export const audienceMessageKey = (audience: Audience) => `audience_${audience}`;
export const evidenceMessageKey = (evidence: Evidence) => `evidence_${evidence.replace('-', '_')}`;

export function badgeTextFor(post: DetectedPost): BadgeText {
  const verdict = isTrainingEligible(post.audience);
  const labelKey = verdict.eligible === 'yes' ? 'badgePublic' : verdict.eligible === 'no' ? 'badgeNotPublic' : 'badgeUnknown';
  const adviceKey =
    verdict.eligible === 'no'
      ? 'adviceNotPublic'
      : post.platform === 'instagram'
        ? verdict.eligible === 'yes'
          ? 'adviceInstagramPublic'
          : 'adviceUnknown'
        : verdict.eligible === 'yes'
          ? post.kind === 'profile_picture' || post.kind === 'cover_photo'
            ? 'adviceAlwaysPublic'
            : post.kind === 'comment'
              ? 'adviceComment'
              : 'adviceFacebookPublic'
          : 'adviceUnknown';
  return {
    eligible: verdict.eligible,
    labelKey,
    audienceKey: audienceMessageKey(post.audience),
    reasonKey: verdict.reason,
    evidenceKey: evidenceMessageKey(post.evidence),
    adviceKey,
  };
}
