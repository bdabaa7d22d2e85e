import { LIMITS } from './limits';

/** The sites whose posts Glasshouse links to. */
const LINKABLE_SITES = ['facebook.com', 'instagram.com'];

/**
 * A post address that may become a link: http(s) on facebook.com or instagram.com (or a
 * subdomain), no credentials. Stored addresses came from web pages: anything else (javascript:,
 * data:, other hosts) is shown as text, never followed.
 */
export function linkablePostUrl(url: string): string | null {
  if (url.length > LIMITS.urlLength) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  if (parsed.username || parsed.password) return null;
  const host = parsed.hostname.toLowerCase();
  return LINKABLE_SITES.some((site) => host === site || host.endsWith(`.${site}`)) ? parsed.href : null;
}
