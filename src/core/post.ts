import { z } from './zod-setup';
import { AudienceSchema, EvidenceSchema } from './audience';
import { PlatformSchema } from './platform';
import { LIMITS } from './limits';

export const PostKindSchema = z.enum(['post', 'comment', 'photo', 'video', 'reel', 'profile_picture', 'cover_photo']);
export type PostKind = z.infer<typeof PostKindSchema>;

const boundedText = (max: number) => z.string().max(max);

/** A second signal that disagreed with the one that decided, kept as evidence. */
export const AudienceDisagreementSchema = z.object({
  evidence: EvidenceSchema,
  audience: AudienceSchema,
});

/** What a platform adapter reads off a page: one post or comment, and how its audience was known. */
export const DetectedPostSchema = z.object({
  platform: PlatformSchema,
  postId: boundedText(LIMITS.idLength).min(1),
  url: boundedText(LIMITS.urlLength),
  kind: PostKindSchema,
  ownerId: boundedText(LIMITS.idLength),
  ownerName: boundedText(LIMITS.nameLength).optional(),
  isOwn: z.boolean(),
  audience: AudienceSchema,
  evidence: EvidenceSchema,
  /** The localized text or data name the audience was read from, e.g. "Partagé avec Public". */
  audienceSource: boundedText(LIMITS.labelLength).optional(),
  disagreement: AudienceDisagreementSchema.optional(),
  /** For a comment, the post it is on. */
  parentPostId: boundedText(LIMITS.idLength).optional(),
  publishedAt: z.number().int().nonnegative().optional(),
  excerpt: boundedText(LIMITS.excerptLength).optional(),
});
export type DetectedPost = z.infer<typeof DetectedPostSchema>;

/** A detected post as sent to the worker: when it was seen. */
export const FindingSchema = DetectedPostSchema.extend({
  seenAt: z.number().int().nonnegative(),
});
export type Finding = z.infer<typeof FindingSchema>;

export function postKey(post: { platform: string; postId: string }): string {
  return `${post.platform}:${post.postId}`;
}
