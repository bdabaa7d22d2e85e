import { afterEach, describe, expect, it } from 'vitest';
import { route } from '../../../src/background/router';
import {
  BADGE_COLOR,
  badgeText,
  coalesced,
  countMayHaveChanged,
  publicNow,
  refreshToolbarBadge,
  type BadgeAction,
} from '../../../src/background/toolbar-badge';
import { foldInbox, openDatabase, overview, publicNowInput, recordAccounts, type GlasshouseDatabase } from '../../../src/db';
import { finding, freshName } from '../db/findings-factory';

let db: GlasshouseDatabase | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

/** The browser's `action` as a test sees it: what the badge says and its colour, after each call. */
function fakeAction(): BadgeAction & { text: string | undefined; color: string | undefined; calls: number } {
  const action = {
    text: undefined as string | undefined,
    color: undefined as string | undefined,
    calls: 0,
    async setBadgeText({ text }: { text: string }) {
      action.calls += 1;
      action.text = text;
    },
    async setBadgeBackgroundColor({ color }: { color: string }) {
      action.color = color;
    },
  };
  return action;
}

/**
 * The worker's path: a message through the router, then the badge when the message may have changed
 * the count; a new batch changes it when the inbox is folded, here at once (src/background/worker.ts).
 */
async function send(message: unknown, action: BadgeAction) {
  const database = async () => db!;
  const reply = await route(
    message,
    message && (message as { type: string }).type === 'findings/record' ? 'content-script' : 'extension-page',
    database,
    {
      tabId: 3,
    },
  );
  const newBatch = (message as { type?: string } | null)?.type === 'findings/record';
  if (reply?.ok && newBatch && (await foldInbox(db!)) > 0) await refreshToolbarBadge(database, action);
  if (reply?.ok && countMayHaveChanged(message)) await refreshToolbarBadge(database, action);
  return reply;
}

describe('the toolbar badge', () => {
  it('counts the public own posts, and is cleared when there are none', async () => {
    db = (await openDatabase(freshName()).open()) as GlasshouseDatabase;
    const action = fakeAction();
    await refreshToolbarBadge(async () => db!, action);
    expect(action.text).toBe('');

    const findings = [
      finding({ audience: 'public' }),
      finding({ audience: 'public' }),
      finding({ audience: 'friends' }),
      finding({ audience: 'unknown', evidence: 'none' }),
      finding({ platform: 'instagram', url: 'https://www.instagram.com/p/A1/', audience: 'public_account', evidence: 'account' }),
    ];
    expect((await send({ type: 'findings/record', batchId: 'b1', findings }, action))?.ok).toBe(true);
    expect(action).toMatchObject({ text: '3', color: BADGE_COLOR });

    // Made non-public: the newer reading wins, the badge follows.
    const [first] = findings;
    await send(
      { type: 'findings/record', batchId: 'b2', findings: [{ ...first!, audience: 'friends', seenAt: first!.seenAt + 1 }] },
      action,
    );
    expect(action.text).toBe('2');

    await send({ type: 'data/delete-all', confirm: true }, action);
    expect(action.text).toBe('');
  });

  it('leaves out the posts of an Instagram account made private since', async () => {
    db = (await openDatabase(freshName()).open()) as GlasshouseDatabase;
    const action = fakeAction();
    const instagram = { platform: 'instagram' as const, audience: 'public_account' as const, evidence: 'account' as const };
    await send(
      {
        type: 'findings/record',
        batchId: 'b1',
        findings: [
          finding({ ...instagram, url: 'https://www.instagram.com/p/B1/' }),
          finding({ ...instagram, url: 'https://www.instagram.com/p/B2/' }),
        ],
      },
      action,
    );
    expect(action.text).toBe('2');
    await recordAccounts(db, [
      { platform: 'instagram', accountId: '42', isViewer: true, privacy: 'private', evidence: 'account', seenAt: Date.UTC(2026, 0, 1) },
    ]);
    // The popup's read draws it again.
    await send({ type: 'overview/get' }, action);
    expect(action.text).toBe('');
  });

  it('is not redrawn for messages that cannot change the count', async () => {
    db = (await openDatabase(freshName()).open()) as GlasshouseDatabase;
    const action = fakeAction();
    await send({ type: 'settings/get' }, action);
    await send({ type: 'objection/record', platform: 'facebook', objectedAt: Date.UTC(2025, 5, 1) }, action);
    expect(action.calls).toBe(0);
    // A new batch waits in the inbox: the count changes when it is folded, and the fold redraws the badge.
    expect(countMayHaveChanged({ type: 'findings/record' })).toBe(false);
    expect(countMayHaveChanged({ type: 'data/delete-all' })).toBe(true);
    expect(countMayHaveChanged('data/delete-all')).toBe(false);
    expect(countMayHaveChanged(null)).toBe(false);
  });

  it('says up to 999, then 999+ (a badge has room for four characters)', () => {
    expect([0, 1, 999, 1000, 50_000].map(badgeText)).toEqual(['', '1', '999', '999+', '999+']);
  });

  it('never throws when the database cannot be read, and does nothing without an action API', async () => {
    const action = fakeAction();
    await expect(refreshToolbarBadge(async () => Promise.reject(new Error('no database')), action)).resolves.toBeUndefined();
    expect(action.calls).toBe(0);
    await expect(refreshToolbarBadge(async () => Promise.reject(new Error('unused')), undefined)).resolves.toBeUndefined();
  });

  it('counts from the kept counts and accounts what it would count from the whole overview', async () => {
    db = (await openDatabase(freshName()).open()) as GlasshouseDatabase;
    const action = fakeAction();
    const instagram = { platform: 'instagram' as const, audience: 'public_account' as const, evidence: 'account' as const };
    await send(
      {
        type: 'findings/record',
        batchId: 'b1',
        findings: [finding({ audience: 'public' }), finding({ ...instagram, url: 'https://www.instagram.com/p/C1/' })],
      },
      action,
    );
    for (const privacy of ['public', 'private'] as const) {
      await recordAccounts(db, [
        { platform: 'instagram', accountId: '42', isViewer: true, privacy, evidence: 'account', seenAt: Date.now() },
      ]);
      expect(publicNow(await publicNowInput(db))).toBe(publicNow(await overview(db)));
    }
    expect(publicNow(await publicNowInput(db))).toBe(1);
  });

  it('is redrawn once more for the moments that came while it was being drawn, not once each', async () => {
    let runs = 0;
    let release: () => void = () => undefined;
    const refresh = coalesced(async () => {
      runs += 1;
      if (runs === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    const first = refresh();
    const during = [refresh(), refresh(), refresh()];
    release();
    await Promise.all([first, ...during]);
    expect(runs).toBe(2);
    await refresh();
    expect(runs).toBe(3);
  });
});
