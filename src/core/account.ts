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
  accountId: z.string().min(1).max(LIMITS.idLength).regex(/^\d+$/, 'not an account number'),
  username: z.string().max(LIMITS.nameLength).optional(),
  name: z.string().max(LIMITS.nameLength).optional(),
  isViewer: z.boolean(),
  privacy: AccountPrivacySchema,
  /** Professional Instagram accounts cannot be private. */
  professional: z.boolean().optional(),
  evidence: EvidenceSchema,
  seenAt: z
    .number()
    .int()
    .min(Date.UTC(2000, 0, 1)),
});
export type AccountObservation = z.infer<typeof AccountObservationSchema>;

/** Only the user's own accounts are sent to the worker and stored. */
export const OwnAccountObservationSchema = AccountObservationSchema.extend({ isViewer: z.literal(true) });
export type OwnAccountObservation = z.infer<typeof OwnAccountObservationSchema>;

/** One change of an account's privacy. */
export const PrivacyStepSchema = z.object({ privacy: AccountPrivacySchema, evidence: EvidenceSchema, seenAt: z.number().int() });
export type PrivacyStep = z.infer<typeof PrivacyStepSchema>;

/**
 * An account as Glasshouse keeps it: its latest privacy and each change of it. `isViewer` is 0 or 1
 * because the database indexes it, and IndexedDB indexes no booleans.
 */
export const ObservedAccountSchema = AccountObservationSchema.omit({ isViewer: true, seenAt: true }).extend({
  isViewer: z.union([z.literal(0), z.literal(1)]),
  firstSeen: z.number().int(),
  lastSeen: z.number().int(),
  /** Each change of privacy, oldest first. */
  history: z.array(PrivacyStepSchema),
});
export type ObservedAccount = z.infer<typeof ObservedAccountSchema>;
