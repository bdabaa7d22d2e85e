import type { Audience, Eligibility } from './audience';

/** A reason is a message key in _locales, so every context can show it in the user's language. */
export type EligibilityReason =
  | 'reasonPublic'
  | 'reasonPublicGroup'
  | 'reasonPublicAccount'
  | 'reasonNotPublic'
  | 'reasonPrivateAccount'
  | 'reasonUnknown';

export interface EligibilityVerdict {
  eligible: Eligibility;
  reason: EligibilityReason;
}

/**
 * Meta trains on public content of adult EU users (docs/FACTS.md#meta-ai-training,
 * docs/FACTS.md#what-is-public). Public posts, posts in public groups and everything of a public
 * Instagram account are eligible; an audience we could not read is `unknown`, never "not eligible".
 */
export function isTrainingEligible(audience: Audience): EligibilityVerdict {
  switch (audience) {
    case 'public':
      return { eligible: 'yes', reason: 'reasonPublic' };
    case 'public_group':
      return { eligible: 'yes', reason: 'reasonPublicGroup' };
    case 'public_account':
      return { eligible: 'yes', reason: 'reasonPublicAccount' };
    case 'private_account':
    case 'close_friends':
      return { eligible: 'no', reason: 'reasonPrivateAccount' };
    case 'friends_of_friends':
    case 'friends':
    case 'friends_except':
    case 'specific_friends':
    case 'only_me':
    case 'custom':
    case 'private_group':
      return { eligible: 'no', reason: 'reasonNotPublic' };
    case 'unknown':
      return { eligible: 'unknown', reason: 'reasonUnknown' };
  }
}
