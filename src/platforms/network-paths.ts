import { FB_NETWORK } from './facebook/selectors';
import { IG_NETWORK } from './instagram/selectors';

/** Response paths, per site host, whose bodies carry post or account data. */
export const OBSERVED_RESPONSE_PATHS: Record<string, readonly string[]> = {
  'www.facebook.com': FB_NETWORK.dataPaths,
  'www.instagram.com': IG_NETWORK.dataPaths,
};
