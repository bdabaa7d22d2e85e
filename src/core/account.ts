import { z } from './zod-setup';
import { EvidenceSchema } from './audience';
import { PlatformSchema } from './platform';
import { LIMITS } from './limits';

/** The privacy state of an account, as a page showed it at a moment. */
export const AccountPrivacySchema = z.enum(['public', 'private', 'unknown']);
export type AccountPrivacy = z.infer<typeof AccountPrivacySchema>;

export const AccountObservationSchema = z.object({
  platform: PlatformSchema,
  // Both sites number their accounts.
  accountId: z.string().check(z.minLength(1), z.maxLength(LIMITS.idLength), z.regex(/^\d+$/, 'not an account number')),
  username: z.optional(z.string().check(z.maxLength(LIMITS.nameLength))),
  name: z.optional(z.string().check(z.maxLength(LIMITS.nameLength))),
  isViewer: z.boolean(),
  privacy: AccountPrivacySchema,
  /** Professional Instagram accounts cannot be private. */
  professional: z.optional(z.boolean()),
  evidence: EvidenceSchema,
  seenAt: z.int().check(z.gte(Date.UTC(2000, 0, 1))),
});
export type AccountObservation = z.infer<typeof AccountObservationSchema>;

/** Only the user's own accounts are sent to the worker and stored. */
export const OwnAccountObservationSchema = z.extend(AccountObservationSchema, { isViewer: z.literal(true) });
export type OwnAccountObservation = z.infer<typeof OwnAccountObservationSchema>;

/** One change of an account's privacy. */
export const PrivacyStepSchema = z.object({ privacy: AccountPrivacySchema, evidence: EvidenceSchema, seenAt: z.int() });
export type PrivacyStep = z.infer<typeof PrivacyStepSchema>;

/**
 * An account as Glasshouse keeps it: its latest privacy and each change of it. `isViewer` is 0 or 1
 * because the database indexes it, and IndexedDB indexes no booleans.
 */
export const ObservedAccountSchema = z.extend(z.omit(AccountObservationSchema, { isViewer: true, seenAt: true }), {
  isViewer: z.union([z.literal(0), z.literal(1)]),
  firstSeen: z.int(),
  lastSeen: z.int(),
  /** Each change of privacy, oldest first. */
  history: z.array(PrivacyStepSchema),
});
export type ObservedAccount = z.infer<typeof ObservedAccountSchema>;
