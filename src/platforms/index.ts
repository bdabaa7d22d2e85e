import { platformOfDomain, type Platform } from '../core';
import type { PlatformAdapter } from './adapter';
import { facebookAdapter } from './facebook';
import { instagramAdapter } from './instagram';

/** Each site's reader; which site a page is on is the table of sites' answer (src/core/sites.ts). */
export const ADAPTERS: Readonly<Record<Platform, PlatformAdapter>> = { facebook: facebookAdapter, instagram: instagramAdapter };

/**
 * The reader of a page at `url`, on its site's domain: the extension runs only on the sites' hosts
 * (the manifest), the command line reads a page saved from any of the domain's (facebook.com alone too).
 */
export function pickAdapter(url: URL): PlatformAdapter | undefined {
  const platform = platformOfDomain(url.hostname);
  return platform ? ADAPTERS[platform] : undefined;
}
