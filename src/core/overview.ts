import { z } from './zod-setup';
import { AccountPrivacySchema } from './account';
import { DiagnosticsSchema } from './diagnostics';
import { PostKindSchema } from './post';
import { PlatformSchema } from './platform';
import { PlatformSummarySchema } from './summary';
import { LIMITS } from './limits';

const Time = z.number().int().nonnegative();

/** The viewer's own account on a platform, as last seen. */
export const ViewerAccountSchema = z.object({
  accountId: z.string().max(LIMITS.idLength),
  username: z.string().max(LIMITS.nameLength).optional(),
  name: z.string().max(LIMITS.nameLength).optional(),
  privacy: AccountPrivacySchema,
  professional: z.boolean().optional(),
  lastSeen: Time,
});
export type ViewerAccount = z.infer<typeof ViewerAccountSchema>;

export const ExposedPostSchema = z.object({
  postId: z.string().max(LIMITS.idLength),
  url: z.string().max(LIMITS.urlLength),
  kind: PostKindSchema,
  excerpt: z.string().max(LIMITS.excerptLength).optional(),
  publishedAt: Time.optional(),
  lastSeen: Time,
});
export type ExposedPost = z.infer<typeof ExposedPostSchema>;

/** Everything the popup shows for one platform, answered in one message. */
export const PlatformOverviewSchema = z.object({
  summary: PlatformSummarySchema,
  viewer: ViewerAccountSchema.optional(),
  recentExposed: z.array(ExposedPostSchema).max(10),
  /** When the user said they objected through Meta's form. */
  objectedAt: Time.optional(),
  /** When the user opened the objection form from the popup, if they have not said yet whether they sent it. */
  formOpenedAt: Time.optional(),
  diagnostics: DiagnosticsSchema.extend({ updatedAt: Time }).optional(),
});
export type PlatformOverview = z.infer<typeof PlatformOverviewSchema>;

export const OverviewSchema = z.object({ platforms: z.array(PlatformOverviewSchema) });
export type Overview = z.infer<typeof OverviewSchema>;

export const ViewerStateSchema = z.object({
  account: z.object({ accountId: z.string().max(LIMITS.idLength), privacy: z.enum(['public', 'private']), seenAt: Time }).nullable(),
});

export { PlatformSchema };
