import { z } from './zod-setup';
import { LIMITS } from './limits';
import { PlatformSchema } from './platform';

/** What detectors could not read, counted so a changed page shows in the popup. */
export const DiagnosticsSchema = z.object({
  platform: PlatformSchema,
  unknownAudiences: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  /** Unread words or data names with how often they were met (bounded). */
  unreadLabels: z.record(z.string().max(LIMITS.labelLength), z.number().int().nonnegative()),
  lastError: z.string().max(LIMITS.labelLength).optional(),
});
export type Diagnostics = z.infer<typeof DiagnosticsSchema>;
