import { z } from './zod-setup';

export const SettingsSchema = z.object({
  /** Badge everyone's posts, not only the user's own. Off by default. */
  badgeEveryone: z.boolean(),
  /** Keep a short text excerpt of each post, to recognise it in the report. */
  keepExcerpts: z.boolean(),
  /** Delete findings not seen for this many days; 0 keeps them. */
  autoDeleteDays: z.int().check(z.gte(0), z.lte(3650)),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { badgeEveryone: false, keepExcerpts: true, autoDeleteDays: 0 };
