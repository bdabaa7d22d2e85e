import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../../../src/core';
import {
  openDatabase,
  readReportTables,
  recordAccounts,
  recordFindings,
  recordObjection,
  writeSettings,
  type GlasshouseDatabase,
} from '../../../../src/db';
import { buildReport, parseReportJson, toJson, type ExposureReport } from '../../../../src/report';
import { importReportText, recordsFromReport } from '../../../../src/ui/report/report-import';
import { freshName } from '../../db/findings-factory';

const at = (iso: string) => Date.parse(iso);
const NOW = at('2025-09-01T12:00:00.000Z');

const open: GlasshouseDatabase[] = [];
async function database(): Promise<GlasshouseDatabase> {
  const db = openDatabase(freshName());
  await db.open();
  open.push(db);
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

function finding(postId: string, seenAt: string, extra: Partial<Finding> = {}): Finding {
  return {
    platform: 'facebook',
    postId,
    url: `https://www.facebook.com/alice/posts/${postId}`,
    kind: 'post',
    ownerId: '100001',
    ownerName: 'Alice Martin',
    isOwn: true,
    audience: 'public',
    evidence: 'label',
    seenAt: at(seenAt),
    ...extra,
  };
}

/** The report file of a database, as the export writes it. */
async function exportOf(db: GlasshouseDatabase, now = NOW): Promise<string> {
  return toJson(buildReport({ ...(await readReportTables(db)), now }));
}

/** Every table the import touches, in a stable order, for before/after comparisons. */
async function snapshot(db: GlasshouseDatabase) {
  const tables = await readReportTables(db);
  const byKey = <T>(list: T[], key: (item: T) => string) => [...list].sort((a, b) => (key(a) < key(b) ? -1 : 1));
  return {
    posts: byKey(tables.posts, (p) => `${p.platform}:${p.postId}`),
    observations: byKey(
      tables.observations.map(({ id: _id, ...o }) => o),
      (o) => `${o.platform}:${o.postId}:${o.observedAt}:${o.audience}`,
    ),
    accounts: byKey(tables.accounts, (a) => `${a.platform}:${a.accountId}`),
    objections: byKey(
      tables.objections.map(({ id: _id, ...o }) => o),
      (o) => `${o.platform}:${o.objectedAt}`,
    ),
  };
}

/** A database with a little of everything: three posts (one changed audience), an account, an objection. */
async function seeded(): Promise<GlasshouseDatabase> {
  const db = await database();
  await recordFindings(
    db,
    [
      finding('lake', '2025-05-01T09:00:00.000Z', { publishedAt: at('2024-03-10T12:00:00.000Z'), excerpt: 'Sunset at the lake' }),
      finding('dinner', '2025-05-01T09:00:00.000Z', { audience: 'friends' }),
      finding('note', '2025-05-02T09:00:00.000Z', { kind: 'comment', parentPostId: 'bob1', audience: 'public' }),
    ],
    true,
  );
  await recordFindings(db, [finding('lake', '2025-06-01T09:00:00.000Z', { audience: 'friends' })], true);
  await recordAccounts(db, [
    {
      platform: 'instagram',
      accountId: '42',
      username: 'alice',
      isViewer: true,
      privacy: 'public',
      evidence: 'account',
      seenAt: at('2025-05-03T10:00:00.000Z'),
    },
  ]);
  await recordObjection(db, 'facebook', at('2025-05-20T00:00:00.000Z'), at('2025-05-21T00:00:00.000Z'));
  return db;
}

describe('importing a report into the database', () => {
  it('fills an empty database with what the report holds (a round trip keeps the data)', async () => {
    const source = await seeded();
    const target = await database();
    const outcome = await importReportText(target, await exportOf(source), NOW);
    expect(outcome).toMatchObject({
      ok: true,
      result: { posts: 3, added: 3, updated: 0, observationsAdded: 4, accountsMerged: 1, objectionsKept: 1 },
    });
    const [from, to] = [await snapshot(source), await snapshot(target)];
    expect(to.posts).toEqual(from.posts);
    expect(to.observations).toEqual(from.observations);
    // recordAccounts also keeps the observation's own `seenAt` on the row; the report carries it as history.
    expect(to.accounts).toEqual(
      from.accounts.map(({ seenAt: _seenAt, ...account }: (typeof from.accounts)[number] & { seenAt?: number }) => account),
    );
    expect(to.objections).toEqual([{ ...from.objections[0], how: 'imported', recordedAt: NOW }]);
    // And the report of the target is the report of the source.
    expect(await exportOf(target)).toBe(await exportOf(source));
  });

  it('changes nothing when the same report is imported again', async () => {
    const db = await seeded();
    const file = await exportOf(db);
    const before = await snapshot(db);
    const outcome = await importReportText(db, file, NOW);
    expect(outcome).toMatchObject({ ok: true, result: { added: 0, updated: 0, observationsAdded: 0, objectionsKept: 0 } });
    expect(await snapshot(db)).toEqual(before);
  });

  it('keeps the newer reading of a post, and adds the history it did not have, without duplicates', async () => {
    const db = await seeded();
    // Another computer saw "dinner" later, made public; and "lake" earlier than this one did.
    const other = await database();
    await recordFindings(
      other,
      [
        finding('dinner', '2025-04-01T09:00:00.000Z', { audience: 'friends' }),
        finding('lake', '2025-04-20T09:00:00.000Z', { audience: 'public', excerpt: 'Sunset at the lake' }),
        finding('new', '2025-07-01T09:00:00.000Z', { audience: 'public', publishedAt: at('2025-06-30T08:00:00.000Z') }),
      ],
      true,
    );
    await recordFindings(other, [finding('dinner', '2025-07-15T09:00:00.000Z', { audience: 'public' })], true);
    const outcome = await importReportText(db, await exportOf(other), NOW);
    expect(outcome).toMatchObject({ ok: true, result: { posts: 3, added: 1, updated: 2 } });

    const dinner = await db.posts.get(['facebook', 'dinner']);
    expect(dinner).toMatchObject({
      audience: 'public',
      eligible: 'yes',
      firstSeen: at('2025-04-01T09:00:00.000Z'),
      lastSeen: at('2025-07-15T09:00:00.000Z'),
    });
    // "lake": this database's reading (friends, 1 June) is newer than the file's (public, 20 April).
    const lake = await db.posts.get(['facebook', 'lake']);
    expect(lake).toMatchObject({
      audience: 'friends',
      eligible: 'no',
      firstSeen: at('2025-04-20T09:00:00.000Z'),
      lastSeen: at('2025-06-01T09:00:00.000Z'),
      publishedAt: at('2024-03-10T12:00:00.000Z'),
      publishedYear: 2024,
    });
    expect(await db.posts.get(['facebook', 'new'])).toMatchObject({ audience: 'public', publishedYear: 2025 });

    const history = async (postId: string) =>
      (await db.observations.where('[platform+postId]').equals(['facebook', postId]).sortBy('observedAt')).map((o) => [
        new Date(o.observedAt).toISOString().slice(0, 10),
        o.audience,
      ]);
    expect(await history('dinner')).toEqual([
      ['2025-04-01', 'friends'],
      ['2025-05-01', 'friends'],
      ['2025-07-15', 'public'],
    ]);
    expect(await history('lake')).toEqual([
      ['2025-04-20', 'public'],
      ['2025-05-01', 'public'],
      ['2025-06-01', 'friends'],
    ]);
  });

  it('never lets a newer "unknown" reading replace a known audience', async () => {
    const db = await seeded();
    const report = parseReportJson(await exportOf(db));
    if (!report.ok) throw new Error(report.error);
    const lake = report.report.findings.find((f) => f.postId === 'lake')!;
    lake.audience = 'unknown';
    lake.eligible = 'unknown';
    lake.lastSeen = '2025-08-01T00:00:00.000Z';
    await importReportText(db, toJson(report.report), NOW);
    expect(await db.posts.get(['facebook', 'lake'])).toMatchObject({ audience: 'friends', lastSeen: at('2025-08-01T00:00:00.000Z') });
  });

  it("unites accounts' histories and keeps the newer privacy", async () => {
    const db = await seeded();
    const other = await database();
    await recordAccounts(other, [
      {
        platform: 'instagram',
        accountId: '42',
        isViewer: true,
        privacy: 'public',
        evidence: 'account',
        seenAt: at('2025-04-01T00:00:00.000Z'),
      },
    ]);
    await recordAccounts(other, [
      {
        platform: 'instagram',
        accountId: '42',
        isViewer: true,
        privacy: 'private',
        evidence: 'account',
        seenAt: at('2025-08-01T00:00:00.000Z'),
      },
    ]);
    await importReportText(db, await exportOf(other), NOW);
    const account = await db.accounts.get(['instagram', '42']);
    expect(account).toMatchObject({
      privacy: 'private',
      username: 'alice',
      isViewer: 1,
      firstSeen: at('2025-04-01T00:00:00.000Z'),
      lastSeen: at('2025-08-01T00:00:00.000Z'),
    });
    expect(account!.history.map((step) => [step.privacy, new Date(step.seenAt).toISOString().slice(0, 10)])).toEqual([
      ['public', '2025-04-01'],
      ['public', '2025-05-03'],
      ['private', '2025-08-01'],
    ]);
  });

  it('keeps the later objection of a platform, never an earlier one', async () => {
    const db = await seeded();
    const report = (date: string): ExposureReport => ({
      ...buildReport({ posts: [], observations: [], accounts: [], objections: [], now: NOW }),
      objections: [{ platform: 'facebook', objectedAt: date }],
    });
    let outcome = await importReportText(db, toJson(report('2025-05-01T00:00:00.000Z')), NOW);
    expect(outcome).toMatchObject({ ok: true, result: { objectionsKept: 0 } });
    expect((await db.objections.toArray()).map((o) => o.objectedAt)).toEqual([at('2025-05-20T00:00:00.000Z')]);
    outcome = await importReportText(db, toJson(report('2025-06-10T00:00:00.000Z')), NOW);
    expect(outcome).toMatchObject({ ok: true, result: { objectionsKept: 1 } });
    expect(await db.objections.toArray()).toMatchObject([
      { platform: 'facebook', objectedAt: at('2025-06-10T00:00:00.000Z'), how: 'imported' },
    ]);
  });

  it('drops imported excerpts when the user keeps none', async () => {
    const source = await seeded();
    const db = await database();
    await writeSettings(db, { keepExcerpts: false });
    await importReportText(db, await exportOf(source), NOW);
    expect((await db.posts.toArray()).filter((post) => post.excerpt !== undefined)).toEqual([]);
  });

  it.each([
    ['an empty file', '', 'empty'],
    ['a text file', 'hello', 'not-json'],
    ['a cut-off file', '{"schemaVersion": 1, "findings": [', 'truncated'],
    ['another JSON document', '{"name": "package"}', 'not-a-report'],
    ['a report of a newer Glasshouse', '{"schemaVersion": 7}', 'newer-version'],
    ['a report with a wrong field', null, 'invalid'],
    ['a report linking elsewhere', undefined, 'not-importable'],
  ])('refuses %s with a clear reason and changes nothing', async (_name, text, code) => {
    const db = await seeded();
    const before = await snapshot(db);
    let file = text as string;
    if (text === null) file = (await exportOf(db)).replace('"audience": "friends"', '"audience": "everyone"');
    if (text === undefined) file = (await exportOf(db)).replace('https://www.facebook.com/alice/posts/lake', 'https://evil.example/lake');
    const outcome = await importReportText(db, file, NOW);
    expect(outcome).toMatchObject({ ok: false, code });
    if (!outcome.ok) expect(outcome.error).toMatch(/\S/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('leaves the database as it was when writing fails half-way (one transaction)', async () => {
    const db = await seeded();
    const other = await database();
    await recordFindings(
      other,
      [finding('dinner', '2025-08-01T09:00:00.000Z', { audience: 'public' }), finding('brand-new', '2025-08-01T09:00:00.000Z')],
      true,
    );
    const file = await exportOf(other);
    const before = await snapshot(db);
    // Posts are written first, observations next: the second write fails.
    const failing = () => {
      throw new Error('disk full');
    };
    db.observations.hook('creating', failing);
    const outcome = await importReportText(db, file, NOW);
    db.observations.hook('creating').unsubscribe(failing);
    expect(outcome).toMatchObject({ ok: false, code: 'write-failed' });
    expect(await snapshot(db)).toEqual(before);
    // And the same file goes in once the storage works again.
    expect(await importReportText(db, file, NOW)).toMatchObject({ ok: true, result: { added: 1, updated: 1 } });
  });

  it('recomputes eligibility from the audience rather than trusting the file', () => {
    const report = buildReport({ posts: [], observations: [], accounts: [], objections: [], now: NOW });
    report.findings.push({
      platform: 'facebook',
      postId: 'x',
      url: 'https://www.facebook.com/alice/posts/x',
      kind: 'post',
      owner: { id: '1' },
      audience: 'public',
      eligible: 'no',
      evidence: 'label',
      firstSeen: '2025-06-02T00:00:00.000Z',
      lastSeen: '2025-06-01T00:00:00.000Z',
      history: [{ audience: 'public', eligible: 'no', evidence: 'label', observedAt: '2025-06-01T00:00:00.000Z' }],
    });
    const converted = recordsFromReport(report);
    if (!converted.ok) throw new Error(converted.error);
    expect(converted.records.posts[0]).toMatchObject({
      eligible: 'yes',
      firstSeen: at('2025-06-01T00:00:00.000Z'),
      lastSeen: at('2025-06-02T00:00:00.000Z'),
    });
    expect(converted.records.observations[0]).toMatchObject({ eligible: 'yes' });
  });
});
