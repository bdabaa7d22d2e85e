import { platformOfHost, type Platform } from '../core';
import type { PlatformAdapter } from './adapter';
import { facebookAdapter } from './facebook';
import { instagramAdapter } from './instagram';

/** Each site's reader; which site a page is on is the table of sites' answer (src/core/sites.ts). */
export const ADAPTERS: Readonly<Record<Platform, PlatformAdapter>> = { facebook: facebookAdapter, instagram: instagramAdapter };

/** The reader of a page at `url`: one of the sites' hosts, whatever the scheme (a saved page's address may be http). */
export function pickAdapter(url: URL): PlatformAdapter | undefined {
  const platform = platformOfHost(url.hostname);
  return platform ? ADAPTERS[platform] : undefined;
}
