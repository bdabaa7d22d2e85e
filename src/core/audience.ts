import { z } from './zod-setup';

/** Every audience a detector can report. Facebook's per-post values, Instagram's per-account ones, and `unknown`. */
export const FacebookAudienceSchema = z.enum([
  'public',
  'friends_of_friends',
  'friends',
  'friends_except',
  'specific_friends',
  'only_me',
  'custom',
  'public_group',
  'private_group',
]);
export type FacebookAudience = z.infer<typeof FacebookAudienceSchema>;

export const InstagramAudienceSchema = z.enum(['public_account', 'private_account', 'close_friends']);
export type InstagramAudience = z.infer<typeof InstagramAudienceSchema>;

export const AudienceSchema = z.enum([...FacebookAudienceSchema.options, ...InstagramAudienceSchema.options, 'unknown']);
export type Audience = z.infer<typeof AudienceSchema>;
export const AUDIENCES: readonly Audience[] = AudienceSchema.options;

/** Which signal decided an audience (the badge's `data-evidence`). */
export const EvidenceSchema = z.enum(['embedded-json', 'graphql', 'label', 'icon', 'account', 'none']);
export type Evidence = z.infer<typeof EvidenceSchema>;

export const EligibilitySchema = z.enum(['yes', 'no', 'unknown']);
export type Eligibility = z.infer<typeof EligibilitySchema>;
export const ELIGIBILITIES: readonly Eligibility[] = EligibilitySchema.options;
