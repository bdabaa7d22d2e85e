import type { Platform } from '../../core';
import type { ScanReason } from '../../core/scan';
import { SCAN_STOPS } from '../../platforms/scan-stops';

/**
 * When a scan must stop by itself: the site sent the user to a login or checkpoint page, nobody is
 * logged in, or the site said "too many requests". What those look like is site knowledge, kept in
 * src/platforms (SCAN_STOPS); a false alarm only stops the scan, which the user can resume.
 */
export function pageBlocker(platform: Platform, url: URL, hasViewer: boolean): ScanReason | null {
  if (SCAN_STOPS[platform].loginPath.test(url.pathname)) return 'login';
  if (SCAN_STOPS[platform].checkpointPath.test(url.pathname)) return 'checkpoint';
  if (!hasViewer) return 'no-viewer';
  return null;
}

export function isRateLimitPayload(platform: Platform, body: string): boolean {
  // Only the start of a response: an error answer is short, a feed page is long and may quote anything.
  return SCAN_STOPS[platform].rateLimit.test(body.slice(0, 4096));
}
