import { z } from './zod-setup';
import { AudienceSchema, EvidenceSchema } from './audience';
import { AudienceSourceSchema } from './audience-source';
import { PlatformSchema } from './platform';
import { LIMITS } from './limits';
import { SITE_ADDRESS, SITE_DOMAINS } from './sites';

export const PostKindSchema = z.enum(['post', 'comment', 'photo', 'video', 'reel', 'profile_picture', 'cover_photo']);
export type PostKind = z.infer<typeof PostKindSchema>;

const boundedText = (max: number) => z.string().max(max);

/** A moment in ms since 1970, no earlier than 2000: anything before Facebook existed is a bug or a forgery. */
export const PlausibleTimeSchema = z
  .number()
  .int()
  .min(Date.UTC(2000, 0, 1));

/** `ms` if it is a plausible moment for a post (see PlausibleTimeSchema), else undefined: a page's impossible date is left out. */
export function plausibleTime(ms: number): number | undefined {
  return PlausibleTimeSchema.safeParse(ms).success ? ms : undefined;
}

/** Only https addresses on the sites' domains: a finding never carries a link anywhere else. */
export const SiteUrlSchema = z
  .string()
  .max(LIMITS.urlLength)
  .regex(SITE_ADDRESS, `not a ${SITE_DOMAINS.join(' or ')} address`);

/** A second signal that disagreed with the one that decided, kept as evidence. */
export const AudienceDisagreementSchema = z.object({
  evidence: EvidenceSchema,
  audience: AudienceSchema,
});

/** What a platform adapter reads off a page: one post or comment, and how its audience was known. */
export const DetectedPostSchema = z.object({
  platform: PlatformSchema,
  postId: boundedText(LIMITS.idLength).min(1),
  url: SiteUrlSchema,
  kind: PostKindSchema,
  ownerId: boundedText(LIMITS.idLength),
  ownerName: boundedText(LIMITS.nameLength).optional(),
  isOwn: z.boolean(),
  audience: AudienceSchema,
  evidence: EvidenceSchema,
  /** The page's text or data name the audience was read from ("Partagé avec Public"), or the site's rule. */
  audienceSource: AudienceSourceSchema.optional(),
  disagreement: AudienceDisagreementSchema.optional(),
  /** For a comment, the post it is on. */
  parentPostId: boundedText(LIMITS.idLength).optional(),
  /**
   * Other ids the same post may already be stored under: a post first seen without its data is
   * keyed by its permalink, and by its data's post_id once that arrives. The store merges them.
   */
  aliasIds: z.array(boundedText(LIMITS.idLength).min(1)).max(3).optional(),
  publishedAt: PlausibleTimeSchema.optional(),
  excerpt: boundedText(LIMITS.excerptLength).optional(),
});
export type DetectedPost = z.infer<typeof DetectedPostSchema>;

/** A detected post as sent to the worker: when it was seen. */
export const FindingSchema = DetectedPostSchema.extend({
  seenAt: PlausibleTimeSchema,
});
export type Finding = z.infer<typeof FindingSchema>;

/** Only the user's own posts are ever sent to the worker and stored. */
export const OwnFindingSchema = FindingSchema.extend({ isOwn: z.literal(true) });
export type OwnFinding = z.infer<typeof OwnFindingSchema>;

export function postKey(post: { platform: string; postId: string }): string {
  return `${post.platform}:${post.postId}`;
}
