import { afterEach, describe, expect, it } from 'vitest';
import { route } from '../../../src/background/router';
import { pauseInterruptedScans } from '../../../src/background/full-scan';
import type { ScanTabs } from '../../../src/background/route-context';
import { mayAsk } from '../../../src/background/sender';
import { SCAN_ERRORS, SCAN_PACE } from '../../../src/core/scan';
import { openDatabase, recordAccounts, type GlasshouseDatabase } from '../../../src/db';
import { freshName } from '../db/findings-factory';

let db: GlasshouseDatabase;
afterEach(async () => {
  await db?.delete();
});

/** Tabs as the browser would have them: ids handed out in order, some closed by the test. */
function fakeTabs() {
  let next = 10;
  const open = new Map<number, string>();
  const focused: number[] = [];
  const tabs: ScanTabs = {
    open: async (url) => {
      next += 1;
      open.set(next, url);
      return next;
    },
    exists: async (id) => open.has(id),
    focus: async (id) => void focused.push(id),
  };
  return { tabs, open, focused, close: (id: number) => open.delete(id) };
}

async function setup() {
  db = (await openDatabase(freshName()).open()) as GlasshouseDatabase;
  const browser = fakeTabs();
  let now = Date.UTC(2026, 0, 10);
  const clock = { now: () => (now += 1000) };
  const page = (message: unknown) => route(message, 'extension-page', async () => db, { tabs: browser.tabs, ...clock });
  const tab = (tabId: number, message: unknown) =>
    route(message, 'content-script', async () => db, { tabId, tabs: browser.tabs, ...clock });
  return { browser, page, tab };
}

const progress = (postsFound: number, publicFound: number, extra: Record<string, unknown> = {}) => ({
  postsFound,
  publicFound,
  ...extra,
});

describe('the full-history scan in the worker', () => {
  it('opens the profile in a new tab, stores a running row, and answers the scan tab only', async () => {
    const { browser, page, tab } = await setup();
    const started = await page({ type: 'scan/start', platform: 'facebook' });
    expect(started).toMatchObject({ ok: true, opened: true, resumed: false, scan: { status: 'running', postsFound: 0, publicFound: 0 } });
    expect([...browser.open.values()]).toEqual(['https://www.facebook.com/me']);
    const [tabId] = [...browser.open.keys()];
    const row = (await db.scans.toArray())[0]!;
    expect(row).toMatchObject({ platform: 'facebook', status: 'running', tabId, url: 'https://www.facebook.com/me', postsFound: 0 });
    expect(row.pace).toEqual({ minMs: SCAN_PACE.minMs, maxMs: SCAN_PACE.maxMs });

    expect(await tab(tabId!, { type: 'scan/for-this-tab' })).toMatchObject({
      ok: true,
      scan: { scanId: row.id, platform: 'facebook', status: 'running', pace: { minMs: 1500, maxMs: 3000 }, idleScrollsToEnd: 4 },
    });
    // Any other tab, and any extension page, is told nothing.
    expect(await tab(999, { type: 'scan/for-this-tab' })).toEqual({ ok: true, scan: null });
    expect(await page({ type: 'scan/for-this-tab' })).toEqual({ ok: true, scan: null });
    // Another tab cannot report progress for it.
    expect(await tab(999, { type: 'scan/progress', scanId: row.id, progress: progress(5, 1) })).toEqual({
      ok: false,
      code: 'scan-not-this-tab',
      detail: SCAN_ERRORS.notThisTab,
    });
  });

  it('keeps progress (counts only grow, the oldest date only goes back) and shows it in scan/status', async () => {
    const { browser, page, tab } = await setup();
    await page({ type: 'scan/start', platform: 'facebook' });
    const [tabId] = [...browser.open.keys()];
    const id = (await db.scans.toArray())[0]!.id!;
    const mar2019 = Date.UTC(2019, 2, 3);
    expect(
      await tab(tabId!, {
        type: 'scan/progress',
        scanId: id,
        progress: progress(12, 4, { oldestReached: mar2019, cursor: 'p12', scrollPosition: 4000 }),
      }),
    ).toEqual({ ok: true, status: 'running' });
    // A late, smaller report changes no count and no date.
    await tab(tabId!, { type: 'scan/progress', scanId: id, progress: progress(8, 2, { oldestReached: Date.UTC(2020, 0, 1) }) });
    const status = await page({ type: 'scan/status', platform: 'facebook' });
    expect(status).toMatchObject({ ok: true, scan: { status: 'running', postsFound: 12, publicFound: 4, oldestReached: mar2019 } });
    expect((await db.scans.get(id))!.cursor).toBe('p12');
  });

  it('pauses from the panel, tells the tab on its next report, resumes in place, and cancels', async () => {
    const { browser, page, tab } = await setup();
    await page({ type: 'scan/start', platform: 'facebook' });
    const [tabId] = [...browser.open.keys()];
    const id = (await db.scans.toArray())[0]!.id!;
    expect(await tab(tabId!, { type: 'scan/pause' })).toMatchObject({
      ok: true,
      scan: { status: 'paused', reason: 'paused-by-user', resumable: true },
    });
    expect(await tab(tabId!, { type: 'scan/progress', scanId: id, progress: progress(3, 1) })).toEqual({
      ok: true,
      status: 'paused',
      reason: 'paused-by-user',
    });
    expect(await tab(tabId!, { type: 'scan/resume' })).toMatchObject({ ok: true, scan: { status: 'running' } });
    expect(browser.open.size).toBe(1);
    // The popup's pause acts on the platform's scan; a content script cannot name a platform to reach another tab's.
    expect(await tab(555, { type: 'scan/pause', platform: 'facebook' })).toEqual({ ok: true, scan: null });
    expect(await page({ type: 'scan/pause', platform: 'facebook' })).toMatchObject({ scan: { status: 'paused' } });
    expect(await page({ type: 'scan/pause' })).toEqual({ ok: false, code: 'scan-no-platform', detail: SCAN_ERRORS.noPlatform });
    expect(await tab(tabId!, { type: 'scan/cancel' })).toMatchObject({
      ok: true,
      scan: { status: 'stopped', reason: 'cancelled', resumable: false },
    });
    // A cancelled scan is not resumed: the next start is a new scan.
    const again = await page({ type: 'scan/start', platform: 'facebook' });
    expect(again).toMatchObject({ ok: true, opened: true, resumed: false, scan: { postsFound: 0 } });
    expect(await db.scans.count()).toBe(2);
  });

  it('resumes a paused scan from its cursor in a new tab, also after the browser restarted', async () => {
    const { browser, page, tab } = await setup();
    await page({ type: 'scan/start', platform: 'facebook' });
    const [first] = [...browser.open.keys()];
    const id = (await db.scans.toArray())[0]!.id!;
    await tab(first!, { type: 'scan/progress', scanId: id, progress: progress(20, 7, { cursor: 'p20', scrollPosition: 9000 }) });
    // The browser quits with the scan running, and starts again.
    browser.close(first!);
    await pauseInterruptedScans(db, 'browser-restarted', Date.UTC(2026, 0, 11));
    expect(await page({ type: 'scan/status', platform: 'facebook' })).toMatchObject({
      scan: { status: 'paused', reason: 'browser-restarted', resumable: true, postsFound: 20 },
    });
    // The old tab id means nothing now.
    expect(await tab(first!, { type: 'scan/for-this-tab' })).toEqual({ ok: true, scan: null });

    const resumed = await page({ type: 'scan/start', platform: 'facebook' });
    expect(resumed).toMatchObject({ ok: true, opened: true, resumed: true, scan: { id, status: 'running', postsFound: 20 } });
    const second = [...browser.open.keys()].at(-1)!;
    expect(second).not.toBe(first);
    expect(await tab(second, { type: 'scan/for-this-tab' })).toMatchObject({
      scan: { scanId: id, status: 'running', postsFound: 20, publicFound: 7, cursor: 'p20', scrollPosition: 9000 },
    });
    expect(await db.scans.count()).toBe(1);
  });

  it('after an update, a new tab that happens to get the old tab id is not taken for the scan tab', async () => {
    const { browser, page, tab } = await setup();
    await page({ type: 'scan/start', platform: 'facebook' });
    const [first] = [...browser.open.keys()];
    // The extension is updated: the scan tab's content script is orphaned, and tab ids may come round again.
    await pauseInterruptedScans(db, 'extension-updated', Date.UTC(2026, 0, 11));
    expect(await tab(first!, { type: 'scan/for-this-tab' })).toEqual({ ok: true, scan: null });
    expect(await page({ type: 'scan/status', platform: 'facebook' })).toMatchObject({
      scan: { status: 'paused', reason: 'extension-updated', resumable: true },
    });
  });

  it('brings a running scan to the front instead of opening a second tab; a closed tab shows as paused', async () => {
    const { browser, page } = await setup();
    await page({ type: 'scan/start', platform: 'facebook' });
    const [tabId] = [...browser.open.keys()];
    expect(await page({ type: 'scan/start', platform: 'facebook' })).toMatchObject({ ok: true, opened: false });
    expect(browser.focused).toEqual([tabId]);
    expect(browser.open.size).toBe(1);
    browser.close(tabId!);
    const rows = await db.scans.toArray();
    expect(await page({ type: 'scan/status', platform: 'facebook' })).toMatchObject({ scan: { status: 'paused', reason: 'tab-closed' } });
    // Asking is a read: the row stays as it was until something writes.
    expect(await db.scans.toArray()).toEqual(rows);
    expect(await page({ type: 'scan/resume', platform: 'facebook' })).toMatchObject({ ok: true, scan: { status: 'running' } });
    expect(browser.open.size).toBe(1);
  });

  it('ends at the end of the timeline, or stops itself with a reason that a later start carries on from', async () => {
    const { browser, page, tab } = await setup();
    await page({ type: 'scan/start', platform: 'facebook' });
    let tabId = [...browser.open.keys()].at(-1)!;
    let id = (await db.scans.toArray()).at(-1)!.id!;
    expect(
      await tab(tabId, { type: 'scan/progress', scanId: id, progress: progress(30, 9), end: { status: 'stopped', reason: 'login' } }),
    ).toEqual({ ok: true, status: 'stopped', reason: 'login' });
    expect(await page({ type: 'scan/status', platform: 'facebook' })).toMatchObject({
      scan: { status: 'stopped', reason: 'login', resumable: true, postsFound: 30 },
    });
    expect((await db.scans.get(id))!.tabId).toBeUndefined();
    // After logging in the user starts again: it carries on.
    expect(await page({ type: 'scan/start', platform: 'facebook' })).toMatchObject({ resumed: true, scan: { id, postsFound: 30 } });
    tabId = [...browser.open.keys()].at(-1)!;
    await tab(tabId, { type: 'scan/progress', scanId: id, progress: progress(41, 12), end: { status: 'done', reason: 'end-of-timeline' } });
    const done = await page({ type: 'scan/status', platform: 'facebook' });
    expect(done).toMatchObject({ scan: { status: 'done', reason: 'end-of-timeline', resumable: false, postsFound: 41, publicFound: 12 } });
    expect((done as { scan: { finishedAt?: number } }).scan.finishedAt).toBeGreaterThan(0);
    // A finished scan is not resumed: a new one starts.
    expect(await page({ type: 'scan/start', platform: 'facebook' })).toMatchObject({ resumed: false, scan: { postsFound: 0 } });
    id = (await db.scans.toArray()).at(-1)!.id!;
    expect(id).toBeGreaterThan(1);
  });

  it('walks the Instagram grid of the username it has seen, and says so when it has seen none', async () => {
    const { browser, page } = await setup();
    expect(await page({ type: 'scan/start', platform: 'instagram' })).toMatchObject({
      ok: false,
      code: 'scan-instagram-username-unknown',
    });
    expect(browser.open.size).toBe(0);
    await recordAccounts(db, [
      {
        platform: 'instagram',
        accountId: '42',
        username: 'alice.martin',
        isViewer: true,
        privacy: 'public',
        evidence: 'account',
        seenAt: Date.UTC(2026, 0, 1),
      },
    ]);
    expect(await page({ type: 'scan/start', platform: 'instagram' })).toMatchObject({
      ok: true,
      scan: { url: 'https://www.instagram.com/alice.martin/' },
    });
    expect([...browser.open.values()]).toEqual(['https://www.instagram.com/alice.martin/']);
  });

  it('clamps a pace asked for to the polite floor', async () => {
    const { page } = await setup();
    await page({ type: 'scan/start', platform: 'facebook', pace: { minMs: 10, maxMs: 20 } });
    expect((await db.scans.toArray())[0]!.pace).toEqual({ minMs: SCAN_PACE.floorMs, maxMs: SCAN_PACE.floorMs });
    expect(await page({ type: 'scan/start', platform: 'facebook', pace: { minMs: 900, maxMs: 100 } })).toMatchObject({ ok: false });
  });

  it('lets content scripts ask only what concerns their own tab', () => {
    for (const type of ['scan/for-this-tab', 'scan/progress', 'scan/pause', 'scan/resume', 'scan/cancel'] as const)
      expect(mayAsk('content-script', type)).toBe(true);
    for (const type of ['scan/start', 'scan/status'] as const) expect(mayAsk('content-script', type)).toBe(false);
  });
});
