import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  AudienceHistoryStepSchema,
  ObjectionSchema,
  ObservedAccountSchema,
  ObservedPostSchema,
  type ObservedPost,
} from '../../../src/core';
import {
  fixQueue,
  latestScan,
  openDatabase,
  overview,
  readSettings,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V5,
  viewerUsername,
} from '../../../src/db';
import { freshName } from './findings-factory';

/**
 * Every earlier schema version, as it was declared, oldest first. A new version of src/db/schema.ts
 * makes the last test below fail until its predecessor's stores are added here.
 */
const EARLIER_VERSIONS: { version: number; stores: Record<string, string>[] }[] = [
  { version: 1, stores: [SCHEMA_V1] },
  { version: 2, stores: [SCHEMA_V1, SCHEMA_V2] },
  { version: 3, stores: [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3] },
  { version: 4, stores: [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4] },
  { version: 5, stores: [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5] },
];

const T = Date.UTC(2026, 5, 1);

/** One row for every table a version had, as the code of that version wrote it. */
function rowsWrittenBy(version: number): Record<string, unknown[]> {
  const post = (postId: string, extra: Partial<ObservedPost>): ObservedPost => ({
    platform: 'facebook',
    postId,
    url: `https://www.facebook.com/alice/posts/${postId}`,
    kind: 'post',
    ownerId: '100001',
    ownerName: 'Alice Martin',
    audience: 'public',
    eligible: 'yes',
    evidence: 'embedded-json',
    audienceSource: 'privacy_scope',
    publishedYear: 2019,
    publishedAt: Date.UTC(2019, 2, 3),
    firstSeen: T,
    lastSeen: T + 1000,
    excerpt: 'Holiday photos',
    ...extra,
  });
  const posts: ObservedPost[] = [
    post('p1', {}),
    post('p2', {
      audience: 'friends',
      eligible: 'no',
      evidence: 'label',
      audienceSource: 'Shared with Friends',
      disagreement: { evidence: 'icon', audience: 'public' },
    }),
    { ...post('c1', { kind: 'comment', parentPostId: 'p1', audience: 'unknown', eligible: 'unknown', evidence: 'none' }) },
    post('ig1', {
      platform: 'instagram',
      url: 'https://www.instagram.com/p/ig1/',
      kind: 'reel',
      audience: 'private_account',
      eligible: 'no',
      evidence: 'account',
    }),
  ];
  // Version 1 wrote no year when it could not tell one: version 2's upgrade adds it.
  if (version === 1) delete (posts[0] as Partial<ObservedPost>).publishedYear;
  const rows: Record<string, unknown[]> = {
    posts,
    observations: [
      { platform: 'facebook', postId: 'p2', audience: 'public', eligible: 'yes', evidence: 'label', observedAt: T },
      { platform: 'facebook', postId: 'p2', audience: 'friends', eligible: 'no', evidence: 'label', observedAt: T + 1000 },
    ],
    accounts: [
      {
        platform: 'instagram',
        accountId: '200002',
        username: 'alice.martin',
        name: 'Alice Martin',
        isViewer: 1,
        privacy: 'private',
        professional: false,
        evidence: 'account',
        firstSeen: T,
        lastSeen: T + 1000,
        history: [
          { privacy: 'public', evidence: 'account', seenAt: T },
          { privacy: 'private', evidence: 'account', seenAt: T + 1000 },
        ],
      },
    ],
    objections: [{ platform: 'facebook', objectedAt: T - 5000, recordedAt: T, how: 'user-confirmed' }],
    scans: [
      {
        platform: 'facebook',
        status: 'done',
        startedAt: T,
        updatedAt: T + 1000,
        postsFound: 4,
        tabId: 7,
        url: 'https://www.facebook.com/alice',
        pace: { minMs: 1500, maxMs: 4000 },
        publicFound: 1,
        oldestReached: Date.UTC(2019, 2, 3),
        scrollPosition: 12000,
        finishedAt: T + 1000,
      },
    ],
    settings: [{ key: 'settings', value: { badgeEveryone: true, keepExcerpts: true, autoDeleteDays: 0 } }],
    diagnostics: [{ platform: 'facebook', unknownAudiences: 1, errors: 0, unreadLabels: { 'Geteilt mit Gruppe': 2 }, updatedAt: T }],
  };
  if (version >= 2) rows.formPrompts = [{ platform: 'instagram', openedAt: T }];
  // Version 3 keeps the counts beside the posts, in the same transaction.
  if (version >= 3)
    rows.exposureCounts = [
      { platform: 'facebook', eligible: 1, notEligible: 1, unknown: 1 },
      { platform: 'instagram', eligible: 0, notEligible: 1, unknown: 0 },
    ];
  // Version 4 keeps the guided fix's skipped steps and its tab (a skip of a post no longer stored: it
  // changes no step of the queue below).
  if (version >= 4) {
    rows.fixSkips = [{ platform: 'facebook', id: 'deleted-since', skippedAt: T }];
    rows.fixTab = [{ key: 'current', platform: 'facebook', id: 'p1', tabId: 12, openedAt: T + 500 }];
  }
  return rows;
}

async function writeAt(name: string, { version, stores }: (typeof EARLIER_VERSIONS)[number]): Promise<Record<string, unknown[]>> {
  const old = new Dexie(name);
  stores.forEach((declared, i) => old.version(i + 1).stores(declared));
  await old.open();
  expect(old.verno).toBe(version);
  const rows = rowsWrittenBy(version);
  for (const [table, values] of Object.entries(rows)) await old.table(table).bulkAdd(values);
  old.close();
  return rows;
}

/** A row as the current code reads it: without the database's own row number (a skipped fix step's `id` is its post's). */
const withoutId = (row: object) => {
  const { id, ...rest } = row as { id?: unknown };
  return typeof id === 'number' ? rest : row;
};

describe('upgrading the database from every earlier schema version', () => {
  it.each(EARLIER_VERSIONS)('keeps every row written at version $version, and the current code reads each', async (earlier) => {
    const name = freshName();
    const written = await writeAt(name, earlier);
    const db = openDatabase(name);
    await db.open();
    try {
      for (const [table, rows] of Object.entries(written)) {
        const now = (await db.table(table).toArray()).map(withoutId);
        const expected = rows.map((row) =>
          // The one change an upgrade makes to a row: version 2 gives a version-1 post its year.
          table === 'posts' && (row as Partial<ObservedPost>).publishedYear === undefined
            ? { ...(row as object), publishedYear: 2019 }
            : row,
        );
        expect(now, table).toEqual(expect.arrayContaining(expected as object[]));
        expect(now, table).toHaveLength(rows.length);
      }
      // Each kept record still parses with today's schemas: nothing the current code would refuse.
      for (const post of await db.posts.toArray()) expect(ObservedPostSchema.safeParse(post).success, post.postId).toBe(true);
      for (const step of await db.observations.toArray()) expect(AudienceHistoryStepSchema.safeParse(step).success).toBe(true);
      for (const account of await db.accounts.toArray()) expect(ObservedAccountSchema.safeParse(account).success).toBe(true);
      for (const objection of await db.objections.toArray()) expect(ObjectionSchema.safeParse(objection).success).toBe(true);
      // And the current queries answer from it.
      expect(await readSettings(db)).toEqual({ badgeEveryone: true, keepExcerpts: true, autoDeleteDays: 0 });
      expect(await latestScan(db, 'facebook')).toMatchObject({ status: 'done', postsFound: 4 });
      expect(await viewerUsername(db, 'instagram')).toBe('alice.martin');
      const view = await overview(db);
      const facebook = view.platforms.find((p) => p.summary.platform === 'facebook');
      expect(facebook?.summary).toMatchObject({ eligible: 1, notEligible: 1, unknown: 1, total: 3 });
      expect(facebook?.recentExposed.map((p) => p.postId)).toEqual(['p1']);
      // The guided fix (version 4) finds the post made non-public before the upgrade, from its history.
      const queue = await fixQueue(db, {});
      expect(queue.steps.map((step) => [step.id, step.state, step.fixedAt])).toEqual([
        ['200002', 'fixed', T + 1000],
        ['p1', 'to-fix', undefined],
        ['p2', 'fixed', T + 1000],
      ]);
    } finally {
      await db.delete();
    }
  });

  it('knows every earlier version: the current one is the next', () => {
    const db = openDatabase(freshName());
    expect(db.verno).toBe(EARLIER_VERSIONS.length + 1);
    expect(EARLIER_VERSIONS.map((v) => v.version)).toEqual(EARLIER_VERSIONS.map((_, i) => i + 1));
  });
});
