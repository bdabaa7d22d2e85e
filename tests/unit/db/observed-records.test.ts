import { afterEach, describe, expect, it } from 'vitest';
import {
  AudienceHistoryStepSchema,
  ObjectionSchema,
  ObservedAccountSchema,
  ObservedPostSchema,
  type ObservedPost,
} from '../../../src/core';
import { observedPosts, openDatabase, recordAccounts, recordFindings, recordObjection, type GlasshouseDatabase } from '../../../src/db';
import { compareWithObserved } from '../../../src/archive';
import { buildReport, toJson } from '../../../src/report';
import { importReportText } from '../../../src/ui/report/report-import';
import { finding, freshName } from './findings-factory';

const NOW = Date.UTC(2026, 0, 10);

const opened: GlasshouseDatabase[] = [];
async function database(): Promise<GlasshouseDatabase> {
  const db = (await openDatabase(freshName()).open()) as GlasshouseDatabase;
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('the kept records have one schema each, in src/core', () => {
  it('holds what the store writes, what a report import writes, and what the archive import matches', async () => {
    const db = await database();
    await recordFindings(
      db,
      [
        finding({ postId: 'a', publishedAt: Date.UTC(2019, 4, 1), excerpt: 'Hello', seenAt: NOW - 1000 }),
        finding({ postId: 'c', kind: 'comment', audience: 'friends', parentPostId: 'a', seenAt: NOW - 500 }),
      ],
      true,
    );
    await recordAccounts(db, [
      { platform: 'instagram', accountId: '42', username: 'alice', isViewer: true, privacy: 'public', evidence: 'account', seenAt: NOW },
    ]);
    await recordObjection(db, 'facebook', NOW - 86_400_000, NOW);
    const report = buildReport({
      posts: [{ ...(await db.posts.get(['facebook', 'a']))!, postId: 'imported', url: 'https://www.facebook.com/alice/posts/imported' }],
      observations: [],
      accounts: [],
      objections: [],
      now: NOW,
    });
    expect(await importReportText(db, toJson(report), NOW)).toMatchObject({ ok: true });

    const posts = await db.posts.toArray();
    expect(posts).toHaveLength(3);
    for (const post of posts) expect(ObservedPostSchema.parse(post)).toEqual(post);
    for (const step of await db.observations.toArray()) expect(AudienceHistoryStepSchema.parse(step)).toEqual(step);
    for (const account of await db.accounts.toArray()) expect(ObservedAccountSchema.parse(account)).toEqual(account);
    for (const objection of await db.objections.toArray()) expect(ObjectionSchema.parse(objection)).toEqual(objection);

    // The archive import reads the same records: posts, not comments.
    const observed: ObservedPost[] = await observedPosts(db, 'facebook');
    expect(observed.map((post) => post.postId).sort()).toEqual(['a', 'imported']);
    const comparison = compareWithObserved('facebook', [], observed);
    expect(comparison.total).toBe(0);
  });
});
