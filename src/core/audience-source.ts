import { z } from './zod-setup';
import { LIMITS } from './limits';

/**
 * Why an audience is known when no word of the page says it: a rule of the site. Stored as a code and
 * worded where it is shown, in the user's language (`audienceRule_<rule>` in public/_locales).
 */
export const AudienceRuleSchema = z.enum([
  /** Facebook: a cover photo is always public (docs/FACTS.md#what-is-public). */
  'cover_photo',
  /** Facebook: a profile picture is always public (docs/FACTS.md#what-is-public). */
  'profile_picture',
  /** Instagram: the "Private account" switch of the settings page, its label as the page shows it. */
  'instagram_setting',
  /** Instagram: the account's privacy as the worker last stored it. */
  'instagram_stored_account',
  /** Instagram: a professional account cannot be private (docs/FACTS.md#instagram-account-privacy). */
  'instagram_professional',
]);
export type AudienceRule = z.infer<typeof AudienceRuleSchema>;

export const AudienceRuleReadingSchema = z.strictObject({
  rule: AudienceRuleSchema,
  /** The page's own words the rule read, shown as they are (the setting's label). */
  label: z.optional(z.string().check(z.maxLength(LIMITS.labelLength))),
});
export type AudienceRuleReading = z.infer<typeof AudienceRuleReadingSchema>;

/**
 * Where an audience was read: the page's own text or data name, as it is ("Partagé avec Public",
 * "base_state=FRIENDS"), or a rule. Rows stored before rules existed hold an English sentence in the
 * text form ("cover photo: always public"): they are shown as they are.
 */
export const AudienceSourceSchema = z.union([z.string().check(z.maxLength(LIMITS.labelLength)), AudienceRuleReadingSchema]);
export type AudienceSource = z.infer<typeof AudienceSourceSchema>;

/** A source cut to the stored bound: page text is clipped, a rule's label too. */
export function clipSource(source: AudienceSource): AudienceSource {
  if (typeof source === 'string') return source.slice(0, LIMITS.labelLength);
  return source.label === undefined ? source : { ...source, label: source.label.slice(0, LIMITS.labelLength) };
}

/** The _locales message that words a rule. */
export const audienceRuleKey = (rule: AudienceRule) => `audienceRule_${rule}` as const;

/**
 * The note after where an audience was read, in the words `t` gives: the page's own text or data name
 * quoted as it is (`badgeSource`), or the rule worded in the user's language, its label filled in.
 */
export function audienceSourceNote(source: AudienceSource, t: (key: string, substitutions?: string[]) => string): string {
  if (typeof source === 'string') return t('badgeSource', [source]);
  return t(audienceRuleKey(source.rule), source.label === undefined ? undefined : [source.label]);
}

/** Whether two sources say the same thing (a rule is a fresh object at each reading). */
export function sameSource(a: AudienceSource | undefined, b: AudienceSource | undefined): boolean {
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  return a.rule === b.rule && a.label === b.label;
}
