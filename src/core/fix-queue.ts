import { z } from './zod-setup';
import { PlatformSchema } from './platform';
import { PostKindSchema, SiteUrlSchema } from './post';
import { LIMITS } from './limits';

/**
 * The guided fix (docs/GUIDED-FIX.md): the user's own public posts, one at a time, made non-public by
 * the user on the site itself. Glasshouse never changes an audience: it opens the post, points at
 * its audience control and waits to see the new audience through the ordinary finding pipeline.
 */

/** Facebook kinds whose audience the user can change on the post; a comment follows its post, profile and cover photos are always public. */
export const FIXABLE_POST_KINDS = ['post', 'photo', 'video', 'reel'] as const satisfies readonly z.infer<typeof PostKindSchema>[];

/** What the fix page shows: a platform, a year (posts published that year), or all. */
export const FixFilterSchema = z.strictObject({
  platform: PlatformSchema.optional(),
  year: z.number().int().min(2000).max(2200).optional(),
});
export type FixFilter = z.infer<typeof FixFilterSchema>;

/** One step of the queue: a Facebook post, or the Instagram account (its privacy covers all its posts). */
export const FixStepRefSchema = z.strictObject({
  platform: PlatformSchema,
  /** A Facebook post's id, or the Instagram account's number. */
  id: z.string().min(1).max(LIMITS.idLength),
});
export type FixStepRef = z.infer<typeof FixStepRefSchema>;

/** to-fix: still public (or not yet seen otherwise); skipped: the user put it aside, still in the queue; fixed: seen non-public since. */
export const FixStateSchema = z.enum(['to-fix', 'skipped', 'fixed']);
export type FixState = z.infer<typeof FixStateSchema>;

const Time = z.number().int();

export const FixPostStepSchema = FixStepRefSchema.extend({
  kind: z.literal('post'),
  platform: z.literal('facebook'),
  url: SiteUrlSchema,
  postKind: PostKindSchema,
  publishedAt: Time.optional(),
  excerpt: z.string().max(LIMITS.excerptLength).optional(),
  state: FixStateSchema,
  /** When the post was first seen non-public after its last public reading (its audience history). */
  fixedAt: Time.optional(),
});

export const FixAccountStepSchema = FixStepRefSchema.extend({
  kind: z.literal('account'),
  platform: z.literal('instagram'),
  url: SiteUrlSchema,
  username: z.string().max(LIMITS.nameLength).optional(),
  /** How many of the account's stored posts are public now: what making it private fixes. */
  publicPosts: z.number().int().nonnegative(),
  state: FixStateSchema,
  /** When the account was first seen private after its last public reading (its privacy history). */
  fixedAt: Time.optional(),
});

export const FixStepSchema = z.discriminatedUnion('kind', [FixPostStepSchema, FixAccountStepSchema]);
export type FixStep = z.infer<typeof FixStepSchema>;

/** At most this many steps travel in one answer; the counts always cover the whole filtered queue. */
export const FIX_STEPS_SHOWN = 1000;

export const FixQueueSchema = z.object({
  /** Newest first: the account step, then posts by publication date, undated last. */
  steps: z.array(FixStepSchema).max(FIX_STEPS_SHOWN),
  total: z.number().int().nonnegative(),
  fixed: z.number().int().nonnegative(),
  /** Years that have posts in the queue, newest first, for the filter. */
  years: z.array(z.number().int()).max(300),
  /** The step open in the fix tab, if any. */
  current: FixStepRefSchema.nullable(),
});
export type FixQueue = z.infer<typeof FixQueueSchema>;

/** What the content script of the fix tab is told: which post to point at, or that the account's privacy is the step. */
export const FixTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('post'), platform: z.literal('facebook'), postId: z.string().min(1).max(LIMITS.idLength) }),
  z.strictObject({ kind: z.literal('account'), platform: z.literal('instagram'), accountId: z.string().min(1).max(LIMITS.idLength) }),
]);
export type FixTarget = z.infer<typeof FixTargetSchema>;

export const sameStep = (a: FixStepRef | null | undefined, b: FixStepRef | null | undefined): boolean =>
  !!a && !!b && a.platform === b.platform && a.id === b.id;
