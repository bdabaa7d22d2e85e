import { z } from './zod-setup';
import { EvidenceSchema } from './audience';
import { PlatformSchema } from './platform';
import { LIMITS } from './limits';

/** The privacy state of an account, as a page showed it at a moment. */
export const AccountPrivacySchema = z.enum(['public', 'private', 'unknown']);
export type AccountPrivacy = z.infer<typeof AccountPrivacySchema>;

export const AccountObservationSchema = z.object({
  platform: PlatformSchema,
  accountId: z.string().min(1).max(LIMITS.idLength),
  username: z.string().max(LIMITS.nameLength).optional(),
  name: z.string().max(LIMITS.nameLength).optional(),
  isViewer: z.boolean(),
  privacy: AccountPrivacySchema,
  /** Professional Instagram accounts cannot be private. */
  professional: z.boolean().optional(),
  evidence: EvidenceSchema,
  seenAt: z.number().int().nonnegative(),
});
export type AccountObservation = z.infer<typeof AccountObservationSchema>;
