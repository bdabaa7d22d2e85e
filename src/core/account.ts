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
