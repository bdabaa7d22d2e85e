import type { Platform, PlatformOverview } from '../../core';

/**
 * The popup's answer for one platform, as a table: every state the stored data can be in maps to
 * exactly one sentence and one next step. Pure (no browser, no i18n), so a unit test walks the whole
 * table in every locale; the popup only renders what `verdictFor` says, so it cannot put two
 * sentences side by side that contradict each other (issue 18: "not seen yet" above "7 public").
 */

/** Whether Glasshouse ever saw the user on the site: as a logged-in viewer or through their own posts. */
export type Presence = 'never' | 'seen';

/** What the stored posts say, from the counts: none stored; some public; none known public but some unreadable; none public. */
export type Exposure = 'no-posts' | 'public' | 'unknown' | 'none-public';

/**
 * The account's privacy where it decides every post's audience (Instagram). Facebook posts each have
 * their own audience, so a Facebook account is always `per-post`.
 */
export type AccountState = 'per-post' | 'unknown' | 'public' | 'professional' | 'private';

export interface PlatformState {
  platform: Platform;
  presence: Presence;
  exposure: Exposure;
  account: AccountState;
  /** When the user said they objected through Meta's form; undefined when they did not. */
  objectedAt: number | undefined;
  /** Own posts stored as public (the number the sentences and "fix N" speak of). */
  eligible: number;
  /** Own posts whose audience could not be read. */
  unknown: number;
}

/** The single most useful next step for a state (issue 18's list). */
export type NextStep =
  | { kind: 'open-site' }
  | { kind: 'object' }
  | { kind: 'fix'; count: number }
  | { kind: 'make-private' }
  | { kind: 'review-unknown'; count: number }
  | { kind: 'nothing' };

/**
 * A sentence as a message key of _locales: a counted key is `key_<plural form>` with the count as $1;
 * then the platform's name or the objection date, in the order the key's placeholders say.
 */
export interface Sentence {
  key: string;
  count?: number;
  /** The platform's name as a substitution (the only placeholder of the "not seen" sentences). */
  platformName?: boolean;
  /** The objection date as the last substitution. */
  objectedAt?: number;
}

export interface Verdict {
  sentence: Sentence;
  step: NextStep;
  /**
   * How the "public" count is labelled: an Instagram account made private keeps the posts counted
   * as public when they were seen, and the label says so instead of calling them public now.
   */
  publicCountKey: 'popupCountPublic' | 'popupCountPublicWhenSeen';
  /** Whether the counts are shown at all (not while no post was seen). */
  showCounts: boolean;
}

/** Reads the state out of what the worker answered for one platform. */
export function platformState(overview: PlatformOverview): PlatformState {
  const { summary, viewer } = overview;
  const platform = summary.platform;
  const exposure: Exposure =
    summary.total === 0 ? 'no-posts' : summary.eligible > 0 ? 'public' : summary.unknown > 0 ? 'unknown' : 'none-public';
  let account: AccountState = 'per-post';
  if (platform === 'instagram') {
    const privacy = viewer?.privacy ?? 'unknown';
    account = privacy === 'public' && viewer?.professional ? 'professional' : privacy;
  }
  return {
    platform,
    presence: viewer || summary.total > 0 ? 'seen' : 'never',
    exposure,
    account,
    objectedAt: overview.objectedAt,
    eligible: summary.eligible,
    unknown: summary.unknown,
  };
}

/** Adds the objection date to a sentence that has a variant naming it (`<key>Objected`). */
function withObjection(key: string, objectedAt: number | undefined, count?: number): Sentence {
  const sentence: Sentence = objectedAt === undefined ? { key } : { key: `${key}Objected`, objectedAt };
  if (count !== undefined) sentence.count = count;
  return sentence;
}

/** The one sentence and next step of a state. */
export function verdictFor(state: PlatformState): Verdict {
  const { exposure, account, objectedAt, eligible, unknown } = state;
  const objected = objectedAt !== undefined;
  const counts = exposure !== 'no-posts';
  const verdict = (sentence: Sentence, step: NextStep, whenSeen = false): Verdict => ({
    sentence,
    step,
    publicCountKey: whenSeen ? 'popupCountPublicWhenSeen' : 'popupCountPublic',
    showCounts: counts,
  });

  if (state.presence === 'never') return verdict({ key: 'stateNotSeen', platformName: true }, { kind: 'open-site' });

  // Instagram: the account's setting decides, whatever the posts were when seen (docs/FACTS.md#fixing-exposure).
  if (account === 'private') return verdict(withObjection('stateInstagramPrivate', objectedAt), { kind: 'nothing' }, true);
  if (account === 'public') return verdict(withObjection('stateInstagramPublic', objectedAt), { kind: 'make-private' });
  if (account === 'professional') {
    // A professional account cannot be private: objecting, then post by post, is what is left.
    const step: NextStep = !objected ? { kind: 'object' } : eligible > 0 ? { kind: 'fix', count: eligible } : { kind: 'nothing' };
    return verdict(withObjection('stateInstagramProfessional', objectedAt), step);
  }

  switch (exposure) {
    case 'no-posts':
      return verdict({ key: 'stateNoPosts', platformName: true }, { kind: 'open-site' });
    case 'public':
      return verdict(withObjection('statePublic', objectedAt, eligible), objected ? { kind: 'fix', count: eligible } : { kind: 'object' });
    case 'unknown':
      return verdict(
        withObjection('stateUnknown', objectedAt, unknown),
        objected ? { kind: 'review-unknown', count: unknown } : { kind: 'object' },
      );
    case 'none-public':
      return verdict(withObjection('stateNonePublic', objectedAt), { kind: 'nothing' });
  }
}

/** The message key of a step (counted keys take `_<plural form>`). */
export const STEP_KEYS: Record<NextStep['kind'], string> = {
  'open-site': 'stepOpenSite',
  object: 'stepObject',
  fix: 'stepFix',
  'make-private': 'stepMakePrivate',
  'review-unknown': 'stepReviewUnknown',
  nothing: 'stepNothing',
};

/** Every value of each dimension, for the tests that walk the table. */
export const STATE_DIMENSIONS = {
  presence: ['never', 'seen'] as const satisfies readonly Presence[],
  exposure: ['no-posts', 'public', 'unknown', 'none-public'] as const satisfies readonly Exposure[],
  account: ['per-post', 'unknown', 'public', 'professional', 'private'] as const satisfies readonly AccountState[],
};
