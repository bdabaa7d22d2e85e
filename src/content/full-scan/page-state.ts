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

/**
 * Is `now` still the page a scan started on? The same path (a trailing slash aside), and every query
 * parameter of the start with the same value (a profile addressed as /profile.php?id=… keeps its id;
 * parameters the site adds later do not matter). A post opened over the profile, or another page of
 * the site, is not.
 */
export function isSameScanPage(start: URL, now: URL): boolean {
  const path = (url: URL) => url.pathname.replace(/\/+$/, '');
  if (now.origin !== start.origin || path(now) !== path(start)) return false;
  for (const [name, value] of start.searchParams) if (now.searchParams.get(name) !== value) return false;
  return true;
}
