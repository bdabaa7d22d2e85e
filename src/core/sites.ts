// Zod-free, so the page-world script can read it without pulling zod into the page's world.
import type { Platform } from './platform';

/** One site's addresses, as the rest of the extension needs them. */
interface SiteAddresses {
  /** Hosts people reach the site at: the manifest grants them and runs its scripts there, the worker trusts their tabs. */
  hosts: readonly string[];
  /** Where a finding's address points, whichever host the post was read on: one post, one address. */
  origin: string;
  /** An address on this domain or below it is the site's (a link on a page, a finding's address). */
  domain: string;
  /** Paths of the page's own same-origin responses whose bodies carry post or account data (the page-world script hands them over). */
  dataPaths: readonly string[];
}

/**
 * The one table of the sites Glasshouse reads. manifest.json's host permissions and match lists
 * are these hosts (tests/unit/core/sites.test.ts checks them); the adapter of each site is in
 * src/platforms/index.ts.
 */
export const SITES: Readonly<Record<Platform, SiteAddresses>> = {
  facebook: {
    // www. and web. serve the same layout; m. is the mobile layout (`article` containers).
    hosts: ['www.facebook.com', 'web.facebook.com', 'm.facebook.com'],
    origin: 'https://www.facebook.com',
    domain: 'facebook.com',
    // The feed's GraphQL answers (newline-separated JSON) and the routes' preloaded data.
    dataPaths: ['/api/graphql/', '/ajax/bulk-route-definitions/'],
  },
  instagram: {
    hosts: ['www.instagram.com'],
    origin: 'https://www.instagram.com',
    domain: 'instagram.com',
    // Profile answers (an account's privacy) and GraphQL queries (posts, timelines).
    dataPaths: ['/api/v1/users/web_profile_info/', '/api/graphql', '/graphql/query'],
  },
};

const SITE_PLATFORMS = Object.keys(SITES) as Platform[];

/** The site whose page is at `hostname` (exactly one of its hosts), if any. */
export function platformOfHost(hostname: string): Platform | undefined {
  const host = hostname.toLowerCase();
  return SITE_PLATFORMS.find((platform) => SITES[platform].hosts.includes(host));
}

/** The site whose page an origin is: https, one of its hosts, no other port. */
export function platformOfOrigin(origin: string): Platform | undefined {
  return SITE_PLATFORMS.find((platform) => SITES[platform].hosts.some((host) => origin === `https://${host}`));
}

/** The site whose domain `hostname` is on (the domain itself or a host below it), if any. */
export function platformOfDomain(hostname: string): Platform | undefined {
  const host = hostname.toLowerCase();
  return SITE_PLATFORMS.find((platform) => host === SITES[platform].domain || host.endsWith(`.${SITES[platform].domain}`));
}

/**
 * `url` on its site's canonical origin when it is on one of the site's hosts or its bare domain
 * (web., m. or facebook.com → www.); any other string as it was.
 */
export function canonicalSiteUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const platform = platformOfHost(parsed.hostname) ?? SITE_PLATFORMS.find((site) => parsed.hostname === SITES[site].domain);
  return platform ? `${SITES[platform].origin}${parsed.pathname}${parsed.search}${parsed.hash}` : url;
}

/** What manifest.json's host permissions and content scripts' matches must list, in the table's order. */
export const SITE_MATCH_PATTERNS: readonly string[] = SITE_PLATFORMS.flatMap((platform) =>
  SITES[platform].hosts.map((host) => `https://${host}/*`),
);

/** The sites' domains, in the table's order. */
export const SITE_DOMAINS: readonly string[] = SITE_PLATFORMS.map((platform) => SITES[platform].domain);

const escapeDot = (domain: string) => domain.replaceAll('.', '\\.');

/** An https address on a site's domain or below it, and nowhere else (no other port, no credentials, no look-alike host). */
export const SITE_ADDRESS = new RegExp(`^https://([a-z0-9-]+\\.)*(${SITE_DOMAINS.map(escapeDot).join('|')})(/|$)`);
