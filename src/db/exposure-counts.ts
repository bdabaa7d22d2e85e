import type { Table } from 'dexie';
import type { Eligibility, ObservedPost, Platform } from '../core';
import { PLATFORMS } from '../core';
import type { GlasshouseDatabase, StoredExposureCount } from './tables';

/**
 * The stored posts counted per platform and eligibility (table `exposureCounts`), so the popup's
 * totals are a few rows to read rather than index counts over every post. Every transaction that
 * writes `posts` also writes these rows, in the same transaction, so the two never disagree.
 */

type CountedPost = Pick<ObservedPost, 'platform' | 'eligible'>;

/** The counts row's field for each eligibility (the names of the summary the popup shows). */
const FIELD_OF: Record<Eligibility, 'eligible' | 'notEligible' | 'unknown'> = { yes: 'eligible', no: 'notEligible', unknown: 'unknown' };

export const noExposure = (platform: Platform): StoredExposureCount => ({ platform, eligible: 0, notEligible: 0, unknown: 0 });

/** What a transaction's writes to `posts` do to the counts: collected while writing, added once at the end. */
export class ExposureCountChange {
  private readonly delta = new Map<Platform, StoredExposureCount>();

  /** `before` (undefined for a new post) is replaced by `after` (undefined for a deleted one). */
  replace(before: CountedPost | undefined, after: CountedPost | undefined): void {
    if (before) this.bump(before, -1);
    if (after) this.bump(after, 1);
  }

  private bump(post: CountedPost, by: number): void {
    const row = this.delta.get(post.platform) ?? noExposure(post.platform);
    row[FIELD_OF[post.eligible]] += by;
    this.delta.set(post.platform, row);
  }

  /** Adds the change to the stored rows. Call it inside the transaction that wrote the posts (its scope must include `exposureCounts`). */
  async applyTo(db: GlasshouseDatabase): Promise<void> {
    const changed = [...this.delta.values()].filter((d) => d.eligible !== 0 || d.notEligible !== 0 || d.unknown !== 0);
    if (changed.length === 0) return;
    const stored = await db.exposureCounts.bulkGet(changed.map((d) => d.platform));
    await db.exposureCounts.bulkPut(
      changed.map((d, i) => {
        const row = stored[i] ?? noExposure(d.platform);
        return {
          platform: d.platform,
          eligible: row.eligible + d.eligible,
          notEligible: row.notEligible + d.notEligible,
          unknown: row.unknown + d.unknown,
        };
      }),
    );
    this.delta.clear();
  }
}

/** The counts of every stored post, read one by one: the schema upgrade that creates the table starts from this. */
export async function countStoredPosts(posts: Table<ObservedPost>): Promise<StoredExposureCount[]> {
  const rows = new Map(PLATFORMS.map((platform) => [platform, noExposure(platform)]));
  await posts.each((post) => {
    const row = rows.get(post.platform) ?? noExposure(post.platform);
    row[FIELD_OF[post.eligible]] += 1;
    rows.set(post.platform, row);
  });
  return [...rows.values()];
}
