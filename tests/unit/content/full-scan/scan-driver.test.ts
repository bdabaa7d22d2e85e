import { describe, expect, it } from 'vitest';
import type { OwnFinding } from '../../../../src/core';
import type { ScanProgress, ScanReason, ScanStatus } from '../../../../src/core/scan';
import { ScanDriver, type DriverState, type ScrollablePage } from '../../../../src/content/full-scan/scan-driver';
import { ScanTally } from '../../../../src/content/full-scan/scan-tally';
import { isRateLimitPayload, isSameScanPage, pageBlocker } from '../../../../src/content/full-scan/page-state';

const POST_HEIGHT = 300;
const VIEWPORT = 800;

function own(
  i: number,
  audience: OwnFinding['audience'] = i % 3 === 0 ? 'public' : 'friends',
  extra: Partial<OwnFinding> = {},
): OwnFinding {
  return {
    platform: 'facebook',
    postId: `p${i}`,
    url: `https://www.facebook.com/alice.martin/posts/p${i}`,
    kind: 'post',
    ownerId: 'alice.martin',
    isOwn: true,
    audience,
    evidence: 'label',
    seenAt: Date.UTC(2026, 0, 1),
    publishedAt: Date.UTC(2025, 11, 31) - i * 24 * 3600 * 1000,
    ...extra,
  };
}

/**
 * A timeline like Facebook's: it holds `initial` posts and appends `batch` more when the view comes
 * near the bottom, until it holds `total`. Posts appear (and are "recorded") when rendered.
 */
function fakeTimeline({ total, initial = 5, batch = 5 }: { total: number; initial?: number; batch?: number }) {
  let rendered = 0;
  let top = 0;
  const seen: (f: OwnFinding) => void = (f) => listeners.forEach((l) => l(f));
  const listeners: ((f: OwnFinding) => void)[] = [];
  const render = (n: number) => {
    const until = Math.min(total, rendered + n);
    for (; rendered < until; rendered += 1) seen(own(rendered));
  };
  const height = () => Math.max(VIEWPORT, rendered * POST_HEIGHT);
  const state = { blocker: null as ScanReason | null, visible: true, onScanPage: true, scrolls: 0 };
  const page: ScrollablePage = {
    scrollTop: () => top,
    viewportHeight: () => VIEWPORT,
    pageHeight: height,
    scrollTo: (y) => {
      state.scrolls += 1;
      top = Math.max(0, Math.min(y, height() - VIEWPORT));
      if (top + VIEWPORT >= height() - 600) render(batch);
    },
    visible: () => state.visible,
    onScanPage: () => state.onScanPage,
    blocker: () => state.blocker,
  };
  return { page, state, start: () => render(initial), onRecord: (l: (f: OwnFinding) => void) => listeners.push(l), top: () => top };
}

/** The worker as the driver sees it: records reports, and may say "paused". */
function fakeWorker() {
  const reports: { progress: ScanProgress; end?: { status: string; reason: ScanReason } }[] = [];
  let status: ScanStatus = 'running';
  let reason: ScanReason | undefined;
  let down = false;
  return {
    reports,
    pauseFromPopup: () => {
      status = 'paused';
      reason = 'paused-by-user';
    },
    setDown: (value: boolean) => (down = value),
    report: async (progress: ScanProgress, end?: { status: 'done' | 'stopped'; reason: ScanReason }) => {
      if (down) return null;
      reports.push(end ? { progress, end } : { progress });
      if (end) {
        status = end.status;
        reason = end.reason;
      }
      return { status, reason };
    },
  };
}

const PACE = { pace: { minMs: 1500, maxMs: 3000 }, idleScrollsToEnd: 4 };

function harness(options: { total: number; base?: ConstructorParameters<typeof ScanTally>[0]; random?: () => number }) {
  const timeline = fakeTimeline({ total: options.total });
  const tally = new ScanTally(options.base ?? { postsFound: 0, publicFound: 0 });
  timeline.onRecord((f) => tally.note(f));
  const worker = fakeWorker();
  const waits: number[] = [];
  const states: DriverState[] = [];
  let onSleep: (() => void) | undefined;
  const driver = new ScanDriver({
    page: timeline.page,
    tally,
    report: worker.report,
    assignment: PACE,
    sleep: async (ms) => {
      waits.push(ms);
      onSleep?.();
    },
    random: options.random ?? (() => 0.5),
    onChange: (state) => states.push(state),
  });
  timeline.start();
  return { timeline, tally, worker, waits, states, driver, onSleep: (f: () => void) => (onSleep = f) };
}

describe('the scan driver', () => {
  it('scrolls at a jittered polite pace until the timeline ends, counting every own post once', async () => {
    let r = 0;
    const randoms = [0, 1, 0.25, 0.75];
    const { driver, worker, waits, timeline } = harness({ total: 40, random: () => randoms[r++ % randoms.length]! });
    await driver.run();
    expect(driver.state()).toMatchObject({ status: 'done', reason: 'end-of-timeline' });
    const last = worker.reports.at(-1)!;
    expect(last.end).toEqual({ status: 'done', reason: 'end-of-timeline' });
    expect(last.progress.postsFound).toBe(40);
    expect(last.progress.publicFound).toBe(14); // p0, p3 … p39
    expect(last.progress.oldestReached).toBe(Date.UTC(2025, 11, 31) - 39 * 24 * 3600 * 1000);
    expect(last.progress.cursor).toBe('p39');
    // Every wait between scrolls lies in [1.5 s, 3 s], and they differ (jitter).
    expect(waits.every((ms) => ms >= 1500 && ms <= 3000)).toBe(true);
    expect(new Set(waits).size).toBeGreaterThan(1);
    // It needed several scrolls at the bottom with nothing new before calling it the end.
    const reportsAfterLastPost = worker.reports.filter((x) => x.progress.postsFound === 40).length;
    expect(reportsAfterLastPost).toBeGreaterThanOrEqual(3);
    expect(timeline.state.scrolls).toBeGreaterThan(8);
  });

  it('stops when the worker says it was paused from the popup, and carries on when run again', async () => {
    const { driver, worker, onSleep } = harness({ total: 60 });
    let sleeps = 0;
    onSleep(() => {
      sleeps += 1;
      if (sleeps === 4) worker.pauseFromPopup();
    });
    await driver.run();
    expect(driver.state()).toMatchObject({ status: 'paused', reason: 'paused-by-user' });
    const found = driver.state().progress.postsFound;
    expect(found).toBeGreaterThan(0);
    expect(found).toBeLessThan(60);
  });

  it('stops with the reason when the page turns into a login page or a rate limit', async () => {
    const { driver, worker, timeline, onSleep } = harness({ total: 60 });
    let sleeps = 0;
    onSleep(() => {
      sleeps += 1;
      if (sleeps === 3) timeline.state.blocker = 'rate-limited';
    });
    await driver.run();
    expect(driver.state()).toMatchObject({ status: 'stopped', reason: 'rate-limited' });
    expect(worker.reports.at(-1)!.end).toEqual({ status: 'stopped', reason: 'rate-limited' });
  });

  it('waits while the tab is hidden, counting no idle scroll, and gives up with an error if the worker never answers', async () => {
    const { driver, worker, timeline, onSleep, states } = harness({ total: 10 });
    let sleeps = 0;
    timeline.state.visible = false;
    onSleep(() => {
      sleeps += 1;
      if (sleeps === 20) timeline.state.visible = true;
      if (sleeps === 22) worker.setDown(true);
      if (sleeps === 40) worker.setDown(false);
    });
    await driver.run();
    expect(states.some((s) => s.waiting)).toBe(true);
    // 20 hidden waits did not end the scan as "end of timeline"; the silent worker did, as an error.
    expect(driver.state()).toMatchObject({ status: 'stopped', reason: 'error' });
  });

  it('waits without scrolling while the tab is elsewhere on the site, then carries on to the end', async () => {
    const { driver, timeline, onSleep, states } = harness({ total: 30 });
    let sleeps = 0;
    let scrollsAway = -1;
    onSleep(() => {
      sleeps += 1;
      if (sleeps === 2) {
        timeline.state.onScanPage = false;
        scrollsAway = timeline.state.scrolls;
      }
      if (sleeps === 30) {
        // 28 waits away from the profile: no scroll, and no idle count towards "end of timeline".
        expect(timeline.state.scrolls).toBe(scrollsAway);
        timeline.state.onScanPage = true;
      }
    });
    await driver.run();
    expect(states.some((s) => s.waiting && s.elsewhere)).toBe(true);
    expect(driver.state()).toMatchObject({ status: 'done', reason: 'end-of-timeline', elsewhere: false, progress: { postsFound: 30 } });
  });

  it('stops at a login page reached while away from the scan page', async () => {
    const { driver, timeline, onSleep } = harness({ total: 30 });
    let sleeps = 0;
    onSleep(() => {
      sleeps += 1;
      if (sleeps === 2) timeline.state.onScanPage = false;
      if (sleeps === 5) timeline.state.blocker = 'login';
    });
    await driver.run();
    expect(driver.state()).toMatchObject({ status: 'stopped', reason: 'login' });
  });

  it('on resume, scrolls past the stored cursor before counting again', async () => {
    const base = { postsFound: 20, publicFound: 7, cursor: 'p19', scrollPosition: 5400 };
    const { driver, worker } = harness({ total: 30, base });
    await driver.run();
    expect(driver.state()).toMatchObject({ status: 'done', catchingUp: false });
    const last = worker.reports.at(-1)!.progress;
    // p0 … p19 were counted last time; only p20 … p29 are added.
    expect(last.postsFound).toBe(30);
    expect(last.publicFound).toBe(7 + [21, 24, 27].length);
    expect(last.cursor).toBe('p29');
    expect(worker.reports.some((r) => r.progress.postsFound === 20 && r.progress.cursor === 'p19')).toBe(true);
  });
});

describe('the scan tally', () => {
  it('counts each post once with its latest audience, and passes a vanished cursor by position', () => {
    const tally = new ScanTally({ postsFound: 0, publicFound: 0 });
    tally.note(own(1, 'unknown'));
    tally.note(own(1, 'public'));
    tally.note(own(2, 'friends', { kind: 'comment', postId: 'p1_c1' }));
    expect(tally.progress()).toMatchObject({ postsFound: 2, publicFound: 1, cursor: 'p1' });
    expect(tally.takeFresh()).toBe(2);
    expect(tally.takeFresh()).toBe(0);

    const resumed = new ScanTally({ postsFound: 5, publicFound: 1, cursor: 'gone', scrollPosition: 1000 });
    resumed.note(own(1));
    resumed.notePosition(2500);
    expect(resumed.passedCursor).toBe(false);
    resumed.notePosition(3100);
    expect(resumed.passedCursor).toBe(true);
    resumed.note(own(1));
    resumed.note(own(9));
    expect(resumed.progress()).toMatchObject({ postsFound: 6, scrollPosition: 3100, cursor: 'p9' });
  });
});

describe('the scan tally, given findings as the page watch read them', () => {
  it('counts them as the worker will store them: a bad one not at all, an impossible date left out', () => {
    const tally = new ScanTally({ postsFound: 0, publicFound: 0 });
    tally.noteRead(own(3, 'public', { publishedAt: Date.UTC(2024, 0, 1) }));
    tally.noteRead(own(4, 'public', { url: 'https://evil.example/phish' }));
    tally.noteRead(own(5, 'public', { postId: 'x'.repeat(5000) }));
    tally.noteRead(own(6, 'friends', { publishedAt: 1000 }));
    expect(tally.progress()).toEqual({ postsFound: 2, publicFound: 1, oldestReached: Date.UTC(2024, 0, 1), cursor: 'p6' });
  });
});

describe('when a scan must stop', () => {
  it('knows login and checkpoint addresses and logged-out pages, per site', () => {
    const fb = (path: string, viewer = true) => pageBlocker('facebook', new URL(`https://www.facebook.com${path}`), viewer);
    expect(fb('/alice.martin')).toBeNull();
    expect(fb('/login/?next=x')).toBe('login');
    expect(fb('/login.php')).toBe('login');
    expect(fb('/checkpoint/block/')).toBe('checkpoint');
    expect(fb('/loginwall.fan.page')).toBeNull();
    expect(fb('/alice.martin', false)).toBe('no-viewer');
    const ig = (path: string) => pageBlocker('instagram', new URL(`https://www.instagram.com${path}`), true);
    expect(ig('/accounts/login/')).toBe('login');
    expect(ig('/challenge/123/')).toBe('checkpoint');
    expect(ig('/alice.martin/')).toBeNull();
  });

  it('recognises rate-limit answers only at the start of a response', () => {
    expect(isRateLimitPayload('facebook', '{"errors":[{"code":1675004,"summary":"Rate limit exceeded"}]}')).toBe(true);
    expect(isRateLimitPayload('instagram', '{"message":"Please wait a few minutes before you try again.","status":"fail"}')).toBe(true);
    expect(isRateLimitPayload('facebook', `${'x'.repeat(5000)}Rate limit exceeded`)).toBe(false);
    expect(isRateLimitPayload('facebook', '{"data":{"node":{"post_id":"1"}}}')).toBe(false);
  });
});

describe('the page a scan walks', () => {
  const same = (start: string, now: string) => isSameScanPage(new URL(start), new URL(now));
  it('is the start address, give or take a trailing slash and parameters the site adds', () => {
    expect(same('https://www.facebook.com/alice.martin', 'https://www.facebook.com/alice.martin/')).toBe(true);
    expect(same('https://www.facebook.com/alice.martin', 'https://www.facebook.com/alice.martin?sk=timeline')).toBe(true);
    expect(same('https://www.facebook.com/profile.php?id=100001', 'https://www.facebook.com/profile.php?id=100001&sk=x')).toBe(true);
    expect(same('https://www.instagram.com/giulia.rossi/', 'https://www.instagram.com/giulia.rossi/')).toBe(true);
  });
  it('is not a post opened over it, another profile, or another page', () => {
    expect(same('https://www.instagram.com/giulia.rossi/', 'https://www.instagram.com/p/C7aLago0001/')).toBe(false);
    expect(same('https://www.facebook.com/alice.martin', 'https://www.facebook.com/alice.martin/posts/pfbid0x')).toBe(false);
    expect(same('https://www.facebook.com/profile.php?id=100001', 'https://www.facebook.com/profile.php?id=100002')).toBe(false);
    expect(same('https://www.facebook.com/alice.martin', 'https://www.facebook.com/')).toBe(false);
  });
});
