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
  platform: z.optional(PlatformSchema),
  year: z.optional(z.int().check(z.gte(2000), z.lte(2200))),
});
export type FixFilter = z.infer<typeof FixFilterSchema>;

/** One step of the queue: a Facebook post, or the Instagram account (its privacy covers all its posts). */
export const FixStepRefSchema = z.strictObject({
  platform: PlatformSchema,
  /** A Facebook post's id, or the Instagram account's number. */
  id: z.string().check(z.minLength(1), z.maxLength(LIMITS.idLength)),
});
export type FixStepRef = z.infer<typeof FixStepRefSchema>;

/** to-fix: still public (or not yet seen otherwise); skipped: the user put it aside, still in the queue; fixed: seen non-public since. */
export const FixStateSchema = z.enum(['to-fix', 'skipped', 'fixed']);
export type FixState = z.infer<typeof FixStateSchema>;

const Time = z.int();

export const FixPostStepSchema = z.extend(FixStepRefSchema, {
  kind: z.literal('post'),
  platform: z.literal('facebook'),
  url: SiteUrlSchema,
  postKind: PostKindSchema,
  publishedAt: z.optional(Time),
  excerpt: z.optional(z.string().check(z.maxLength(LIMITS.excerptLength))),
  state: FixStateSchema,
  /** When the post was first seen non-public after its last public reading (its audience history). */
  fixedAt: z.optional(Time),
});

export const FixAccountStepSchema = z.extend(FixStepRefSchema, {
  kind: z.literal('account'),
  platform: z.literal('instagram'),
  url: SiteUrlSchema,
  username: z.optional(z.string().check(z.maxLength(LIMITS.nameLength))),
  /** How many of the account's stored posts are public now: what making it private fixes. */
  publicPosts: z.int().check(z.nonnegative()),
  state: FixStateSchema,
  /** When the account was first seen private after its last public reading (its privacy history). */
  fixedAt: z.optional(Time),
});

export const FixStepSchema = z.discriminatedUnion('kind', [FixPostStepSchema, FixAccountStepSchema]);
export type FixStep = z.infer<typeof FixStepSchema>;

/** At most this many steps travel in one answer; the counts always cover the whole filtered queue. */
export const FIX_STEPS_SHOWN = 1000;

export const FixQueueSchema = z.object({
  /** Newest first: the account step, then posts by publication date, undated last. */
  steps: z.array(FixStepSchema).check(z.maxLength(FIX_STEPS_SHOWN)),
  total: z.int().check(z.nonnegative()),
  fixed: z.int().check(z.nonnegative()),
  /** Years that have posts in the queue, newest first, for the filter. */
  years: z.array(z.int()).check(z.maxLength(300)),
  /** The step open in the fix tab, if any. */
  current: z.nullable(FixStepRefSchema),
});
export type FixQueue = z.infer<typeof FixQueueSchema>;

/** What the content script of the fix tab is told: which post to point at, or that the account's privacy is the step. */
export const FixTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('post'),
    platform: z.literal('facebook'),
    postId: z.string().check(z.minLength(1), z.maxLength(LIMITS.idLength)),
  }),
  z.strictObject({
    kind: z.literal('account'),
    platform: z.literal('instagram'),
    accountId: z.string().check(z.minLength(1), z.maxLength(LIMITS.idLength)),
  }),
]);
export type FixTarget = z.infer<typeof FixTargetSchema>;

export const sameStep = (a: FixStepRef | null | undefined, b: FixStepRef | null | undefined): boolean =>
  !!a && !!b && a.platform === b.platform && a.id === b.id;

/** The fix page's queue, filtered. */
export const FixQueueRequest = z.strictObject({ type: z.literal('fix/queue'), filter: FixFilterSchema });
/** Open one step in the fix tab (the step's address comes from the database, never from the message). */
export const FixOpenRequest = z.strictObject({ type: z.literal('fix/open'), step: FixStepRefSchema });
/** Skip a step: it stays in the queue, marked skipped. */
export const FixSkipRequest = z.strictObject({ type: z.literal('fix/skip'), step: FixStepRefSchema });
/** Move the fix tab on to the next step of the filtered queue. */
export const FixNextRequest = z.strictObject({ type: z.literal('fix/next'), filter: FixFilterSchema });
/** A content script asks whether its tab is the fix tab, and what to point at: the worker answers from the sender's tab id only. */
export const FixForThisTabRequest = z.strictObject({ type: z.literal('fix/for-this-tab') });

export const FIX_REQUESTS = [FixQueueRequest, FixOpenRequest, FixSkipRequest, FixNextRequest, FixForThisTabRequest] as const;
export const FIX_CONTENT_SCRIPT_REQUESTS = ['fix/for-this-tab'] as const;

export const FixReplyPayloads = {
  'fix/queue': FixQueueSchema,
  'fix/open': z.object({ current: FixStepRefSchema }),
  'fix/skip': z.object({ done: z.literal(true) }),
  /** `current` null: nothing is left to fix in this view. */
  'fix/next': z.object({ current: z.nullable(FixStepRefSchema) }),
  'fix/for-this-tab': z.object({ target: z.nullable(FixTargetSchema) }),
};

/**
 * The worker's nudge to the fix tab when its target changed (it may have asked before the target was
 * written). It carries nothing: the content script asks `fix/for-this-tab` again.
 */
export const FixTargetChangedNoticeSchema = z.strictObject({ type: z.literal('fix/target-changed') });
