import type { Platform } from '../core';
import type { GlasshouseDatabase } from './schema';

/** The stored privacy of one account of the viewer's, if a page ever showed it. */
export async function viewerState(db: GlasshouseDatabase, platform: Platform, accountId: string) {
  const account = await db.accounts.get([platform, accountId]);
  if (!account || account.privacy === 'unknown') return { account: null };
  return { account: { accountId, privacy: account.privacy, seenAt: account.lastSeen } };
}
