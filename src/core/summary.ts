import { z } from './zod-setup';
import { PlatformSchema } from './platform';

const Count = z.int().check(z.nonnegative());

/** The exposure summary of one platform: the user's own posts and comments by eligibility. */
export const PlatformSummarySchema = z.object({
  platform: PlatformSchema,
  eligible: Count,
  notEligible: Count,
  unknown: Count,
  total: Count,
  lastSeen: z.optional(z.int().check(z.nonnegative())),
});
export type PlatformSummary = z.infer<typeof PlatformSummarySchema>;

export const ExposureSummarySchema = z.object({
  platforms: z.array(PlatformSummarySchema),
});
export type ExposureSummary = z.infer<typeof ExposureSummarySchema>;
