import { z } from './zod-setup';
import { LIMITS } from './limits';
import { PlatformSchema } from './platform';

/** What detectors could not read, counted so a changed page shows in the popup. */
export const DiagnosticsSchema = z.object({
  platform: PlatformSchema,
  unknownAudiences: z.int().check(z.nonnegative()),
  errors: z.int().check(z.nonnegative()),
  /** Unread words or data names with how often they were met (bounded). */
  unreadLabels: z.record(z.string().check(z.maxLength(LIMITS.labelLength)), z.int().check(z.nonnegative())),
  lastError: z.optional(z.string().check(z.maxLength(LIMITS.labelLength))),
});
export type Diagnostics = z.infer<typeof DiagnosticsSchema>;
