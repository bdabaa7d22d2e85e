import type { PlatformAdapter } from './adapter';
import { facebookAdapter } from './facebook';
import { instagramAdapter } from './instagram';

export const ADAPTERS: readonly PlatformAdapter[] = [facebookAdapter, instagramAdapter];

export function pickAdapter(url: URL): PlatformAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.matches(url));
}
