import { LIMITS } from './limits';
import { platformOfDomain } from './sites';

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
  return platformOfDomain(parsed.hostname) ? parsed.href : null;
}
