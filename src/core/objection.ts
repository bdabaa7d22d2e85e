import { z } from './zod-setup';
import { PlatformSchema } from './platform';

/** The date the user said they objected to AI training through Meta's form, per platform. */
export const ObjectionSchema = z.object({
  /** The database's row number, once stored. */
  id: z.optional(z.int()),
  platform: PlatformSchema,
  objectedAt: z.int(),
  recordedAt: z.int(),
  /** Said in the popup, or brought in by a report file. */
  how: z.enum(['user-confirmed', 'imported']),
});
export type Objection = z.infer<typeof ObjectionSchema>;
