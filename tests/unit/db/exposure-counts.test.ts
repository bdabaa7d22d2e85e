import { afterEach, describe, expect, it } from 'vitest';
import {
  FacebookAudienceSchema,
  InstagramAudienceSchema,
  isTrainingEligible,
  PLATFORMS,
  type Audience,
  type Finding,
  type ObservedPost,
  type Platform,
} from '../../../src/core';
import {
  deleteEverything,
  deleteOlderThan,
  exposureSummary,
  importReportRecords,
  openDatabase,
  recordFindings,
  writeSettings,
  type GlasshouseDatabase,
  type StoredExposureCount,
} from '../../../src/db';
import { finding, freshName } from './findings-factory';

/**
 * The kept counts (table exposureCounts) against a full recount of the posts, after every step of
 * random sequences of everything that writes posts: upserts (audience changes, late readings,
 * unknown after known, aliases merged), automatic deletion, report imports, the excerpt purge and
 * "delete everything".
 */

const DAY = 24 * 3600 * 1000;
const START = Date.UTC(2026, 0, 1);
/** Few ids, so that steps keep landing on posts already stored. */
const IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
const AUDIENCES: Record<Platform, readonly Audience[]> = {
  facebook: [...FacebookAudienceSchema.options, 'unknown', 'unknown'],
  instagram: [...InstagramAudienceSchema.options, 'unknown'],
};

/** A small seeded generator (mulberry32), so a failing sequence can be replayed from its seed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}
type Random = ReturnType<typeof random>;

function randomFinding(r: Random): Finding {
  const platform = r.pick(PLATFORMS);
  const postId = r.pick(IDS);
  const extra: Partial<Finding> = {};
  // An alias: the same post read before under another id, merged into this one.
  if (r.next() < 0.25) extra.aliasIds = [r.pick(IDS)];
  if (r.next() < 0.5) extra.excerpt = `text of ${postId}`;
  return finding({
    platform,
    postId,
    url: `https://www.${platform}.com/p/${postId}`,
    audience: r.pick(AUDIENCES[platform]),
    seenAt: START + r.int(60) * DAY,
    ...extra,
  });
}

function randomStoredPost(r: Random): ObservedPost {
  const platform = r.pick(PLATFORMS);
  const postId = r.pick(IDS);
  const audience = r.pick(AUDIENCES[platform]);
  const firstSeen = START + r.int(60) * DAY;
  return {
    platform,
    postId,
    url: `https://www.${platform}.com/p/${postId}`,
    kind: 'post',
    ownerId: '100001',
    audience,
    eligible: isTrainingEligible(audience).eligible,
    evidence: 'label',
    publishedYear: 0,
    firstSeen,
    lastSeen: firstSeen + r.int(10) * DAY,
  };
}

/** One random step: what it did, for the failure message. */
async function step(db: GlasshouseDatabase, r: Random): Promise<string> {
  const roll = r.next();
  if (roll < 0.55) {
    const batch = Array.from({ length: 1 + r.int(4) }, () => randomFinding(r));
    await recordFindings(db, batch, r.next() < 0.8);
    return `record ${batch.map((f) => `${f.platform}/${f.postId}=${f.audience}${f.aliasIds ? `<${f.aliasIds[0]}` : ''}`).join(' ')}`;
  }
  if (roll < 0.7) {
    const days = 1 + r.int(30);
    const now = START + r.int(80) * DAY;
    const deleted = await deleteOlderThan(db, days, now);
    return `retention ${days} days at day ${(now - START) / DAY}: ${deleted} deleted`;
  }
  if (roll < 0.9) {
    const posts = Array.from({ length: 1 + r.int(5) }, () => randomStoredPost(r));
    await importReportRecords(db, { posts, observations: [], accounts: [], objections: [] }, START);
    return `import ${posts.map((p) => `${p.platform}/${p.postId}=${p.audience}`).join(' ')}`;
  }
  if (roll < 0.95) {
    const keepExcerpts = r.next() < 0.5;
    await writeSettings(db, { keepExcerpts });
    return `settings keepExcerpts=${keepExcerpts}`;
  }
  await deleteEverything(db);
  return 'delete everything';
}

/** The counts as kept, a missing row being zeros. */
async function keptCounts(db: GlasshouseDatabase): Promise<StoredExposureCount[]> {
  const rows = await db.exposureCounts.toArray();
  return PLATFORMS.map(
    (platform) => rows.find((row) => row.platform === platform) ?? { platform, eligible: 0, notEligible: 0, unknown: 0 },
  );
}

/** The counts from every stored post, counted here without the code under test. */
async function recount(db: GlasshouseDatabase): Promise<StoredExposureCount[]> {
  const posts = await db.posts.toArray();
  return PLATFORMS.map((platform) => {
    const mine = posts.filter((post) => post.platform === platform);
    return {
      platform,
      eligible: mine.filter((post) => post.eligible === 'yes').length,
      notEligible: mine.filter((post) => post.eligible === 'no').length,
      unknown: mine.filter((post) => post.eligible === 'unknown').length,
    };
  });
}

let opened: GlasshouseDatabase | undefined;
const open = async () => (opened = (await openDatabase(freshName()).open()) as GlasshouseDatabase);
afterEach(async () => {
  await opened?.delete();
  opened = undefined;
});

describe('exposure counts', () => {
  it.each([1, 2, 3, 4, 5, 6])('match a full recount after every step of random sequence %i', async (seed) => {
    const db = await open();
    const r = random(seed);
    const done: string[] = [];
    let sawPosts = 0;
    for (let i = 0; i < 60; i += 1) {
      done.push(await step(db, r));
      const expected = await recount(db);
      expect(await keptCounts(db), `seed ${seed}, after:\n${done.join('\n')}`).toEqual(expected);
      sawPosts = Math.max(sawPosts, await db.posts.count());
    }
    // The sequence reached a store with several posts, not only empty ones.
    expect(sawPosts).toBeGreaterThan(3);
    const summary = await exposureSummary(db);
    expect(summary.platforms.map(({ platform, eligible, notEligible, unknown }) => ({ platform, eligible, notEligible, unknown }))).toEqual(
      await recount(db),
    );
  });

  it('follow an alias merge onto a post already stored under the finding’s id', async () => {
    const db = await open();
    await recordFindings(db, [finding({ postId: 'permalink', audience: 'friends', seenAt: START })], true);
    await recordFindings(db, [finding({ postId: 'real', audience: 'public', seenAt: START + DAY })], true);
    // Both ids are the same post: the permalink's record goes, the real id's stays and is read again.
    await recordFindings(db, [finding({ postId: 'real', audience: 'unknown', aliasIds: ['permalink'], seenAt: START + 2 * DAY })], true);
    expect(await db.posts.count()).toBe(1);
    expect(await keptCounts(db)).toEqual(await recount(db));
    expect((await keptCounts(db))[0]).toEqual({ platform: 'facebook', eligible: 1, notEligible: 0, unknown: 0 });
  });
});
