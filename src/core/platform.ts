import { z } from './zod-setup';

export const PlatformSchema = z.enum(['facebook', 'instagram']);
export type Platform = z.infer<typeof PlatformSchema>;
export const PLATFORMS: readonly Platform[] = PlatformSchema.options;
