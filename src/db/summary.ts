import type { ExposureSummary, PlatformSummary } from '../core';
import { PLATFORMS } from '../core';
import type { GlasshouseDatabase } from './schema';

/** Counts per platform × eligibility, answered from the [platform+eligible] index without reading posts. */
export async function exposureSummary(db: GlasshouseDatabase): Promise<ExposureSummary> {
  const platforms: PlatformSummary[] = [];
  await db.transaction('r', db.posts, async () => {
    for (const platform of PLATFORMS) {
      const count = (eligible: string) => db.posts.where('[platform+eligible]').equals([platform, eligible]).count();
      const [eligible, notEligible, unknown, last] = await Promise.all([
        count('yes'),
        count('no'),
        count('unknown'),
        db.posts.where('[platform+lastSeen]').between([platform, -Infinity], [platform, Infinity]).last(),
      ]);
      const summary: PlatformSummary = { platform, eligible, notEligible, unknown, total: eligible + notEligible + unknown };
      if (last) summary.lastSeen = last.lastSeen;
      platforms.push(summary);
    }
  });
  return { platforms };
}
