import { afterEach, describe, expect, it } from 'vitest';
import { route } from '../../../src/background/router';
import { databaseOnDemand } from '../../../src/background/worker-database';
import {
  deleteOlderThan,
  exposureSummary,
  foldInbox,
  openDatabase,
  recordFindings,
  writeSettings,
  type GlasshouseDatabase,
} from '../../../src/db';
import { finding, freshName } from '../db/findings-factory';
import { snapshot } from '../db/database-snapshot';

const DAY = 24 * 3600 * 1000;
const NOW = Date.UTC(2026, 5, 1);

let opened: GlasshouseDatabase | undefined;
const open = async () => (opened = (await openDatabase(freshName()).open()) as GlasshouseDatabase);
afterEach(async () => {
  await opened?.delete();
  opened = undefined;
});

describe('automatic deletion', () => {
  it('deletes the posts of every platform not seen for the chosen days, with their history, and keeps the rest', async () => {
    const db = await open();
    await recordFindings(
      db,
      [
        finding({ postId: 'fb-old', audience: 'public', seenAt: NOW - 40 * DAY }),
        finding({ postId: 'fb-edge', audience: 'friends', seenAt: NOW - 30 * DAY }),
        finding({ postId: 'fb-new', audience: 'unknown', seenAt: NOW - DAY }),
        // Old posts of every eligibility go, not only the public ones.
        finding({ postId: 'fb-old-friends', audience: 'friends', seenAt: NOW - 35 * DAY }),
        finding({ postId: 'fb-old-unknown', audience: 'unknown', seenAt: NOW - 60 * DAY }),
        finding({
          platform: 'instagram',
          postId: 'ig-old',
          url: 'https://www.instagram.com/p/ig-old/',
          audience: 'public_account',
          seenAt: NOW - 31 * DAY,
        }),
        finding({
          platform: 'instagram',
          postId: 'ig-new',
          url: 'https://www.instagram.com/p/ig-new/',
          audience: 'private_account',
          seenAt: NOW - 2 * DAY,
        }),
      ],
      true,
    );
    // A post seen long ago and again recently stays: its last sighting counts.
    await recordFindings(db, [finding({ postId: 'fb-seen-again', audience: 'public', seenAt: NOW - 90 * DAY })], true);
    await recordFindings(db, [finding({ postId: 'fb-seen-again', audience: 'public', seenAt: NOW - 3 * DAY })], true);

    expect(await deleteOlderThan(db, 0, NOW)).toBe(0);
    expect(await deleteOlderThan(db, 30, NOW)).toBe(4);
    const left = (await db.posts.toArray()).map((post) => `${post.platform}/${post.postId}`).sort();
    // Exactly 30 days is not older than 30 days.
    expect(left).toEqual(['facebook/fb-edge', 'facebook/fb-new', 'facebook/fb-seen-again', 'instagram/ig-new']);
    const history = (await db.observations.toArray()).map((o) => o.postId).sort();
    expect(history).toEqual(['fb-edge', 'fb-new', 'fb-seen-again', 'ig-new']);
    expect((await exposureSummary(db)).platforms.map(({ platform, total, eligible }) => ({ platform, total, eligible }))).toEqual([
      { platform: 'facebook', total: 3, eligible: 1 },
      { platform: 'instagram', total: 1, eligible: 0 },
    ]);
    expect(await deleteOlderThan(db, 30, NOW)).toBe(0);
  });
});

describe('when automatic deletion runs', () => {
  /** A database holding one post due for deletion at the real clock's now (30 days kept), and one that is not. */
  async function withDuePost() {
    const db = await open();
    await recordFindings(
      db,
      [
        finding({ postId: 'due', audience: 'public', seenAt: Date.now() - 40 * DAY }),
        finding({ postId: 'fresh', audience: 'friends', seenAt: Date.now() - DAY }),
      ],
      true,
    );
    await writeSettings(db, { autoDeleteDays: 30 });
    return db;
  }
  const ids = async (db: GlasshouseDatabase) => (await db.posts.toArray()).map((post) => post.postId).sort();

  it('never on a read: overview/get and scan/status leave every table as it was', async () => {
    const db = await withDuePost();
    const before = await snapshot(db);
    expect(await route({ type: 'overview/get' }, 'extension-page', async () => db)).toMatchObject({ ok: true });
    expect(await route({ type: 'scan/status', platform: 'facebook' }, 'extension-page', async () => db)).toMatchObject({ ok: true });
    expect(await route({ type: 'summary/get' }, 'extension-page', async () => db)).toMatchObject({ ok: true });
    expect(await snapshot(db)).toBe(before);
  });

  it('with each write batch', async () => {
    const db = await withDuePost();
    const batch = { type: 'findings/record', batchId: 'b1', findings: [finding({ postId: 'new', seenAt: Date.now() })] };
    expect(await route(batch, 'content-script', async () => db)).toMatchObject({ ok: true, stored: 1 });
    // The batch is written when the inbox is folded (src/db/inbox.ts), and deletion runs with that write.
    expect(await foldInbox(db)).toBe(1);
    expect(await ids(db)).toEqual(['fresh', 'new']);
    expect((await db.observations.toArray()).map((step) => step.postId).sort()).toEqual(['fresh', 'new']);
  });

  it('when the user shortens the keeping time', async () => {
    const db = await open();
    await recordFindings(db, [finding({ postId: 'old', seenAt: Date.now() - 10 * DAY })], true);
    expect(await route({ type: 'settings/set', settings: { autoDeleteDays: 7 } }, 'extension-page', async () => db)).toMatchObject({
      ok: true,
      autoDeleteDays: 7,
    });
    expect(await ids(db)).toEqual([]);
  });

  it("at the worker's start, before the first request is answered", async () => {
    const db = await withDuePost();
    const ready = databaseOnDemand(async () => db);
    const reply = await route({ type: 'overview/get' }, 'extension-page', ready);
    expect(reply).toMatchObject({ ok: true });
    expect((reply as { platforms: { summary: { total: number } }[] }).platforms[0]!.summary.total).toBe(1);
    expect(await ids(db)).toEqual(['fresh']);
  });
});
