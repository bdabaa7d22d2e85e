import type { ExposureSummary, PlatformSummary } from '../core';
import { PLATFORMS } from '../core';
import { noExposure } from './exposure-counts';
import { lastSeenPost } from './last-seen';
import type { GlasshouseDatabase } from './schema';

/** Counts per platform × eligibility, from the kept counts (src/db/exposure-counts.ts), and the latest sighting from the posts' index (src/db/last-seen.ts). */
export async function exposureSummary(db: GlasshouseDatabase): Promise<ExposureSummary> {
  const platforms: PlatformSummary[] = [];
  await db.transaction('r', db.posts, db.exposureCounts, async () => {
    const counts = await db.exposureCounts.bulkGet([...PLATFORMS]);
    const latest = await Promise.all(PLATFORMS.map((platform) => lastSeenPost(db, platform)));
    PLATFORMS.forEach((platform, i) => {
      const { eligible, notEligible, unknown } = counts[i] ?? noExposure(platform);
      const summary: PlatformSummary = { platform, eligible, notEligible, unknown, total: eligible + notEligible + unknown };
      const last = latest[i];
      if (last) summary.lastSeen = last.lastSeen;
      platforms.push(summary);
    });
  });
  return { platforms };
}
