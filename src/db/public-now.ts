import type { AccountPrivacy, Platform } from '../core';
import { PLATFORMS } from '../core';
import { viewerAccounts } from './accounts';
import { noExposure } from './exposure-counts';
import type { GlasshouseDatabase } from './schema';

/** Per platform, what the toolbar badge's count needs: the posts stored as public, and the viewer's account privacy. */
export interface PublicNowInput {
  platforms: { summary: { platform: Platform; eligible: number }; viewer?: { privacy: AccountPrivacy } }[];
}

/**
 * The toolbar badge's reading (src/background/toolbar-badge.ts), in one read-only transaction over the
 * kept counts and the accounts: the same numbers as `overview`, which the badge used to read after every
 * stored batch. That also read the latest public posts, objections and diagnostics, a dozen
 * transactions, some of them on `posts`, where they held up the next batch's write.
 */
export async function publicNowInput(db: GlasshouseDatabase): Promise<PublicNowInput> {
  return db.transaction('r', db.exposureCounts, db.accounts, async () => {
    const [counts, viewers] = await Promise.all([
      db.exposureCounts.bulkGet([...PLATFORMS]),
      Promise.all(PLATFORMS.map((platform) => viewerAccounts(db, platform))),
    ]);
    return {
      platforms: PLATFORMS.map((platform, i) => {
        // The latest of the viewer's accounts, as overview's `viewer` (src/db/overview.ts).
        const latest = viewers[i]![0];
        const summary = { platform, eligible: (counts[i] ?? noExposure(platform)).eligible };
        return latest ? { summary, viewer: { privacy: latest.privacy } } : { summary };
      }),
    };
  });
}
