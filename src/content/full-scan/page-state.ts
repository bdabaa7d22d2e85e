import type { Platform } from '../../core';
import type { ScanReason } from '../../core/scan';

/**
 * When a scan must stop by itself: the site sent the user to a login or checkpoint page, nobody is
 * logged in, or the site said "too many requests". These are addresses and response texts, not page
 * markup; the viewer itself comes from the platform adapter. The rate-limit texts are not in FACTS.md:
 * they are what the sites are reported to answer, kept here in one place; a false alarm only stops the
 * scan (the user can resume it), which is the safe side.
 */
const LOGIN_PATHS: Record<Platform, RegExp> = {
  facebook: /^\/login(\.php)?(\/|$)/,
  instagram: /^\/accounts\/login(\/|$)/,
};
const CHECKPOINT_PATHS: Record<Platform, RegExp> = {
  facebook: /^\/checkpoint(\/|$)/,
  instagram: /^\/(challenge|accounts\/suspended)(\/|$)/,
};

/** Response texts that mean "slow down": Facebook's GraphQL error 1675004, Instagram's "Please wait a few minutes". */
const RATE_LIMIT_SIGNS: Record<Platform, RegExp> = {
  facebook: /"code"\s*:\s*1675004\b|Rate limit exceeded/,
  instagram: /Please wait a few minutes before you try again|"spam"\s*:\s*true/,
};

export function pageBlocker(platform: Platform, url: URL, hasViewer: boolean): ScanReason | null {
  if (LOGIN_PATHS[platform].test(url.pathname)) return 'login';
  if (CHECKPOINT_PATHS[platform].test(url.pathname)) return 'checkpoint';
  if (!hasViewer) return 'no-viewer';
  return null;
}

export function isRateLimitPayload(platform: Platform, body: string): boolean {
  // Only the start of a response: an error answer is short, a feed page is long and may quote anything.
  return RATE_LIMIT_SIGNS[platform].test(body.slice(0, 4096));
}
