import { z } from './zod-setup';
import { AudienceSchema, EligibilitySchema, EvidenceSchema } from './audience';
import { DetectedPostSchema } from './post';
import { PlatformSchema } from './platform';
import { LIMITS } from './limits';

const Time = z.int();

/**
 * A post or comment of the user's as Glasshouse keeps it: its latest reading, and when it was first
 * and last seen. The database stores these (table `posts`), the report is built from them, the
 * archive import matches them. `publishedAt` is any moment: a report file may date a post before 2000.
 */
export const ObservedPostSchema = z.extend(z.omit(DetectedPostSchema, { isOwn: true, aliasIds: true, publishedAt: true }), {
  eligible: EligibilitySchema,
  publishedAt: z.optional(Time),
  /** The year it was published (`yearOf`), 0 when unknown. */
  publishedYear: z.int().check(z.nonnegative()),
  firstSeen: Time,
  lastSeen: Time,
});
export type ObservedPost = z.infer<typeof ObservedPostSchema>;

/** One step of a post's audience history: written when first seen and whenever the audience changes. */
export const AudienceHistoryStepSchema = z.object({
  /** The database's row number, once stored. */
  id: z.optional(z.int()),
  platform: PlatformSchema,
  postId: z.string().check(z.minLength(1), z.maxLength(LIMITS.idLength)),
  audience: AudienceSchema,
  eligible: EligibilitySchema,
  evidence: EvidenceSchema,
  observedAt: Time,
});
export type AudienceHistoryStep = z.infer<typeof AudienceHistoryStepSchema>;
