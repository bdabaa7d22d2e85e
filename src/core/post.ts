import { z } from './zod-setup';
import { AudienceSchema, EvidenceSchema } from './audience';
import { AudienceSourceSchema } from './audience-source';
import { PlatformSchema } from './platform';
import { LIMITS } from './limits';
import { SITE_ADDRESS, SITE_DOMAINS } from './sites';

export const PostKindSchema = z.enum(['post', 'comment', 'photo', 'video', 'reel', 'profile_picture', 'cover_photo']);
export type PostKind = z.infer<typeof PostKindSchema>;

const boundedText = (max: number) => z.string().check(z.maxLength(max));
/** Text of at most `max` characters, never empty (ids). */
const boundedId = (max: number) => z.string().check(z.maxLength(max), z.minLength(1));

/** A moment in ms since 1970, no earlier than 2000: anything before Facebook existed is a bug or a forgery. */
export const PlausibleTimeSchema = z.int().check(z.gte(Date.UTC(2000, 0, 1)));

/** `ms` if it is a plausible moment for a post (see PlausibleTimeSchema), else undefined: a page's impossible date is left out. */
export function plausibleTime(ms: number): number | undefined {
  return PlausibleTimeSchema.safeParse(ms).success ? ms : undefined;
}

/** Only https addresses on the sites' domains: a finding never carries a link anywhere else. */
export const SiteUrlSchema = z
  .string()
  .check(z.maxLength(LIMITS.urlLength), z.regex(SITE_ADDRESS, `not a ${SITE_DOMAINS.join(' or ')} address`));

/** A second signal that disagreed with the one that decided, kept as evidence. */
export const AudienceDisagreementSchema = z.object({
  evidence: EvidenceSchema,
  audience: AudienceSchema,
});

/** What a platform adapter reads off a page: one post or comment, and how its audience was known. */
export const DetectedPostSchema = z.object({
  platform: PlatformSchema,
  postId: boundedId(LIMITS.idLength),
  url: SiteUrlSchema,
  kind: PostKindSchema,
  ownerId: boundedText(LIMITS.idLength),
  ownerName: z.optional(boundedText(LIMITS.nameLength)),
  isOwn: z.boolean(),
  audience: AudienceSchema,
  evidence: EvidenceSchema,
  /** The page's text or data name the audience was read from ("Partagé avec Public"), or the site's rule. */
  audienceSource: z.optional(AudienceSourceSchema),
  disagreement: z.optional(AudienceDisagreementSchema),
  /** For a comment, the post it is on. */
  parentPostId: z.optional(boundedText(LIMITS.idLength)),
  /**
   * Other ids the same post may already be stored under: a post first seen without its data is
   * keyed by its permalink, and by its data's post_id once that arrives. The store merges them.
   */
  aliasIds: z.optional(z.array(boundedId(LIMITS.idLength)).check(z.maxLength(3))),
  publishedAt: z.optional(PlausibleTimeSchema),
  excerpt: z.optional(boundedText(LIMITS.excerptLength)),
});
export type DetectedPost = z.infer<typeof DetectedPostSchema>;

/** A detected post as sent to the worker: when it was seen. */
export const FindingSchema = z.extend(DetectedPostSchema, {
  seenAt: PlausibleTimeSchema,
});
export type Finding = z.infer<typeof FindingSchema>;

/** Only the user's own posts are ever sent to the worker and stored. */
export const OwnFindingSchema = z.extend(FindingSchema, { isOwn: z.literal(true) });
export type OwnFinding = z.infer<typeof OwnFindingSchema>;

export function postKey(post: { platform: string; postId: string }): string {
  return `${post.platform}:${post.postId}`;
}
