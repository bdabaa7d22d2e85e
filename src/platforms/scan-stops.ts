import type { Platform } from '../core';
import { FB_SCAN_STOPS } from './facebook/selectors';
import { IG_SCAN_STOPS } from './instagram/selectors';

export interface ScanStops {
  loginPath: RegExp;
  checkpointPath: RegExp;
  rateLimit: RegExp;
}

/** Per site, the addresses and answers that end a full-history scan. */
export const SCAN_STOPS: Record<Platform, ScanStops> = { facebook: FB_SCAN_STOPS, instagram: IG_SCAN_STOPS };
