// Figure 1: what the extension adds to the page's main thread while a feed grows to 2,000 posts in
// bursts as it scrolls. Two persistent contexts in one run, one with the extension and one without,
// alternating; main-thread CPU from CDP Performance.getMetrics (thread ticks), long tasks from a
// PerformanceObserver registered at document start. Then one traced run per side (what the extra
// time is: script, style, layout, paint …) and one CPU-profiled run with the extension.
import { addedPerPost, alternate, fmt, median, ratios, signed, spread, summarize } from '../lib/stats.js';
import { launch, metrics } from '../lib/chromium.js';
import { profileBreakdown } from '../lib/profile.js';
import { longTaskCause, mainThreadBreakdown, traceDuring } from '../lib/trace.js';
import { badgeCount, growFeed, openFeed, serveFeed } from '../lib/feed.js';

export const id = 'page-overhead';
export const title = 'Page overhead in Chromium (feed growing to 2,000 posts)';

const SHAPE = { total: 2000, initial: 10, burst: 20, intervalMs: 50 };
/** The profiled run only needs a sample of the same work: a shorter feed of the same shape. */
const PROFILED_SHAPE = { ...SHAPE, total: 600 };
/**
 * Rounds of both page figures (this one and figure 8): 5, not 3. On the shared AMD machines one side's run
 * can swing by a quarter from one round to the next with no change of code (3 December: the bare heavy
 * feed at 3,741 and 4,821 ms in one run), and 3-round medians of unchanged code read ×1.01 one evening
 * and ×1.15 the next morning.
 */
export const ROUNDS = 5;
const GOAL_RATIO = 1.15;
const GOAL_PER_POST_US = 150;
const KEYS = ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration', 'ThreadTime', 'ProcessTime'];

/** One page life on one side: load, grow, settle; metric deltas over the growth. */
export async function oneRun(browser, feed, withExtension) {
  const { page, cdp } = await openFeed(browser, feed);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const before = await metrics(cdp);
  const { startedAt, catchUpMs, caughtUp } = await growFeed(page, feed, { withExtension });
  const after = await metrics(cdp);
  const { growth, load } = await page.evaluate((start) => {
    const all = /** @type {any} */ (window).__longTasks;
    return { growth: all.filter((/** @type {any} */ t) => t.start >= start), load: all.filter((/** @type {any} */ t) => t.start < start) };
  }, startedAt);
  const badges = withExtension ? await badgeCount(page) : 0;
  await cdp.detach();
  await page.close();
  const delta = Object.fromEntries(KEYS.map((k) => [k, (after[k] - before[k]) * 1000]));
  return {
    ...delta,
    longTasks: growth.length,
    longTaskMs: growth.map((t) => Math.round(t.duration)),
    loadLongTasks: load.length,
    badges,
    catchUpMs,
    caughtUp,
  };
}

/** One traced run: the main thread's CPU by kind of work, and what made its long tasks long. */
async function tracedRun(browser, feed) {
  const { page, cdp } = await openFeed(browser, feed);
  const events = await traceDuring(cdp, () => growFeed(page, feed, { withExtension: Boolean(browser.extensionOrigin) }));
  await cdp.detach();
  await page.close();
  const origin = browser.extensionOrigin ?? '\u0000';
  const breakdown = mainThreadBreakdown(events, feed.url, (url) =>
    url.startsWith(origin) ? 'extension' : url.startsWith('https://www.facebook.com') ? 'page' : 'other',
  );
  if (!breakdown) throw new Error('the trace has no main thread for the feed page');
  const causes = {};
  for (const task of breakdown.longTasks) causes[longTaskCause(task)] = (causes[longTaskCause(task)] ?? 0) + 1;
  return { ...breakdown, longTaskCauses: causes, events: events.length };
}

/** One run with the extension under the CPU profiler: whose code the main thread ran, which API calls. */
async function profileRun(browser, feed) {
  const { page, cdp } = await openFeed(browser, feed);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await growFeed(page, feed, { withExtension: true });
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  await page.close();
  const origin = browser.extensionOrigin ?? '';
  const owner = (url) => (url.startsWith(origin) ? 'extension' : url.startsWith('https://') ? 'page script' : null);
  return profileBreakdown(profile, {
    groupOf: (url) => (url ? (owner(url) ?? 'other script') : 'native (DOM, extension API)'),
    // Native calls are charged to whoever called them: the page's script or the extension's.
    moduleOf: (url) => owner(url),
  });
}

export async function run(env) {
  if (!env.extensionDir) throw new Error(`extension build missing: ${env.buildErrors.extensionDir ?? 'not built'}`);
  const feed = serveFeed('overhead', SHAPE);
  const withExt = await launch({ extension: env.extensionDir });
  const without = await launch();
  try {
    const results = await alternate(
      ROUNDS,
      { extension: () => oneRun(withExt, feed, true), bare: () => oneRun(without, feed, false) },
      {
        onRound: (round, r) =>
          env.log(
            `  round ${round + 1}/${ROUNDS}: task ${fmt(r.extension.TaskDuration)} vs ${fmt(r.bare.TaskDuration)} ms, script ${fmt(r.extension.ScriptDuration)} vs ${fmt(r.bare.ScriptDuration)} ms, long tasks ${r.extension.longTasks} vs ${r.bare.longTasks}, badges ${r.extension.badges}/${feed.ownItems} (${fmt(r.extension.catchUpMs)} ms after the feed)`,
          ),
      },
    );
    env.log('  one traced run per side, one profiled run with the extension');
    const traced = { extension: await tracedRun(withExt, feed), bare: await tracedRun(without, feed) };
    const profile = await profileRun(withExt, serveFeed('overhead-profiled', PROFILED_SHAPE));

    const ext = results.extension;
    const bare = results.bare;
    const pick = (list, key) => list.map((r) => r[key]);
    const taskRatio = summarize(ratios(pick(ext, 'TaskDuration'), pick(bare, 'TaskDuration')));
    const scriptRatio = summarize(ratios(pick(ext, 'ScriptDuration'), pick(bare, 'ScriptDuration')));
    const added = addedPerPost(ext, bare, SHAPE.total);
    const extraTask = added.task;
    const extraLong = summarize(ext.map((r, i) => r.longTasks - bare[i].longTasks));
    const perSide = Object.fromEntries(KEYS.map((k) => [k, { extension: summarize(pick(ext, k)), bare: summarize(pick(bare, k)) }]));
    const longExt = summarize(pick(ext, 'longTasks'));
    const longBare = summarize(pick(bare, 'longTasks'));
    const allBadges = ext.every((r) => r.badges === feed.ownItems);
    const catchUp = summarize(pick(ext, 'catchUpMs'));
    const ratioPass = taskRatio.median <= GOAL_RATIO;
    const perPostUs = added.us;
    const perPostPass = perPostUs <= GOAL_PER_POST_US;
    const longPass = extraLong.median <= 0;

    // The traced runs: the extra main-thread time, by kind of work.
    const kinds = new Set([...Object.keys(traced.extension.byKind), ...Object.keys(traced.bare.byKind)]);
    const extraByKind = [...kinds]
      .map((kind) => ({ kind, ms: (traced.extension.byKind[kind] ?? 0) - (traced.bare.byKind[kind] ?? 0) }))
      .sort((a, b) => b.ms - a.ms);
    const tracedExtra = traced.extension.taskMs - traced.bare.taskMs;
    const share = (ms) => `${fmt((100 * ms) / tracedExtra)} %`;
    const extraScriptShare =
      (100 * extraByKind.filter((k) => k.kind === 'script: extension').reduce((sum, k) => sum + k.ms, 0)) / tracedExtra;
    const framesExt = traced.extension.frames;
    const framesBare = traced.bare.frames;
    const extModules = profile.modules.filter((m) => m.name === 'extension');
    const extShare = extModules.reduce((s, m) => s + m.share, 0);
    const nativeCalls = profile.functions
      .filter((f) => f.name.includes('[native') && !/^\(|insertAdjacentHTML|scrollTo/.test(f.name))
      .slice(0, 6)
      // Chromium's extension API bindings share one native function; the profiler names it after one
      // of them (getUILanguage). The content script's calls through it are runtime.sendMessage (the
      // finding batches) and a few i18n.getMessage (badge texts, looked up once per reading).
      .map(
        (f) =>
          `${f.name.replace(/ \[.*\]$/, '').replace(/^getUILanguage$/, 'extension API calls: runtime.sendMessage, i18n.getMessage (profiled as getUILanguage)')} ${fmt(f.ms)} ms`,
      );

    const analysis = [];
    if (!ratioPass || !perPostPass) {
      analysis.push(
        `The extension adds ${signed(extraTask.median)} ms of main-thread CPU while the feed grows to 2,000 posts (${fmt(perPostUs)} µs per post${added.note}; the page alone spends ${fmt(perSide.TaskDuration.bare.median)} ms). ` +
          `In the traced runs the extra ${fmt(tracedExtra)} ms is: ` +
          extraByKind
            .filter((k) => k.ms > 0.03 * tracedExtra)
            .map((k) => `${k.kind} +${fmt(k.ms)} ms (${share(k.ms)})`)
            .join(', ') +
          '.',
      );
      const paintExt = traced.extension.byKind['paint & composite'] ?? 0;
      const paintBare = traced.bare.byKind['paint & composite'] ?? 0;
      const perPaintExt = paintExt / Math.max(1, framesExt.paints);
      const perPaintBare = paintBare / Math.max(1, framesBare.paints);
      const extraFrames = framesExt.paints - framesBare.paints;
      const extraOf = (pattern) => extraByKind.filter((k) => pattern.test(k.kind)).reduce((sum, k) => sum + k.ms, 0);
      const renderingExtra = extraOf(/^(paint & composite|layout|style|other rendering)$/);
      const scriptExtra = extraOf(/^script: extension$/);
      analysis.push(
        `${renderingExtra > scriptExtra ? 'Rendering is the larger part, not our script' : 'Rendering is a large part too'} (${fmt(renderingExtra)} ms against ${fmt(scriptExtra)} ms of script): with the extension the page recalculated style ${framesExt.styleRecalcs} times, laid out ${framesExt.layouts} times and painted ${framesExt.paints} times, against ${framesBare.styleRecalcs}, ${framesBare.layouts} and ${framesBare.paints} without; ` +
          `and each paint cost more (${fmt(perPaintExt)} ms against ${fmt(perPaintBare)} ms). Of the extra paint time, about ${fmt(Math.max(0, extraFrames) * perPaintBare)} ms is extra frames and ${fmt(paintExt - paintBare - Math.max(0, extraFrames) * perPaintBare)} ms heavier frames. ` +
          'A burst’s badges are inserted in the animation frame that renders its posts (src/content/mutation-batcher.ts: up to 8 ms per frame, the newest burst first, leftovers in idle time), so the extra frames above are what remains of badges that missed their frame. ' +
          'Each badge is an inline-block of fixed height in its post’s header line, with no `contain` (measured: it made each badge a paint layer of its own, bench/notes/page-overhead.md), no z-index and no positioning of its own, its look one constructed stylesheet adopted by every badge’s shadow root (src/content/badge.ts); the frame that shows a post still lays out and paints its badge.',
      );
      analysis.push(
        `Our own script is the other part (${fmt(extraScriptShare)} % of the extra in the traced run): in the CPU-profiled run (${PROFILED_SHAPE.total} posts) ${fmt(extShare)} % of the main thread’s samples were the content script or the DOM and extension API calls it made; its heaviest native calls were ${nativeCalls.join(', ')}. ` +
          'Figure 3 splits the script between reading the posts (scan, links, post header) and building the badges (a closed shadow root with one button, cloned from a prototype per reading), and ranks it by source module; figure 2 follows the scan alone. ' +
          `The synthetic page runs almost no script of its own (${fmt(perSide.ScriptDuration.bare.median)} ms: it only inserts markup; the rest of its ${fmt(perSide.TaskDuration.bare.median)} ms is rendering), so the ratio is an upper bound: on facebook.com, whose own scripts run for seconds while a feed loads, the same absolute cost is a smaller share.`,
      );
    }
    if (!longPass) {
      const causeKinds = new Set([...Object.keys(traced.extension.longTaskCauses), ...Object.keys(traced.bare.longTaskCauses)]);
      const extraCauses = [...causeKinds]
        .map((cause) => ({ cause, extra: (traced.extension.longTaskCauses[cause] ?? 0) - (traced.bare.longTaskCauses[cause] ?? 0) }))
        .sort((a, b) => b.extra - a.extra);
      const top = extraCauses[0];
      const fix =
        top && top.cause.startsWith('script: extension')
          ? 'They are our own drains: capping each idle callback at the IdleDeadline’s timeRemaining() (and a small fixed budget when it timed out) keeps each under 50 ms.'
          : top && /paint|layout|style/.test(top.cause)
            ? 'They are rendering frames, not our script: the frames that lay out and paint the grown page got heavier or more numerous with the badges in them (see the frames above).'
            : 'The trace does not single out one cause.';
      analysis.push(
        `Long tasks: ${fmt(longExt.median)} per run with the extension against ${fmt(longBare.median)} without (PerformanceObserver; with the extension ${fmt(median(pick(ext, 'longTaskMs').flat()))} ms median, ${fmt(Math.max(0, ...pick(ext, 'longTaskMs').flat()))} ms the longest). ` +
          `The traced runs (wall-clock, so a busy machine inflates the counts on both sides) name the heaviest work in each long task; the extra ones with the extension: ` +
          extraCauses
            .filter((c) => c.extra > 0)
            .map((c) => `${c.extra} more mostly ${c.cause}`)
            .join(', ') +
          `. ${fix}`,
      );
    }
    if (!allBadges)
      analysis.push(`Not every run badged all ${feed.ownItems} own items by the end (${ext.map((r) => r.badges).join(', ')}).`);
    if (catchUp.median > 1000)
      analysis.push(
        `The badges lag behind the feed: the last one appeared ${fmt(catchUp.median / 1000)} s after the feed stopped growing (median). Each burst is handled in the next frame within an 8 ms budget; what does not fit waits for idle time, which a growing feed leaves little of, so it queues up behind the feed; a cheaper scan (figure 2) shortens the lag directly.`,
      );
    return {
      goal: `task-time ratio ≤ ${GOAL_RATIO}, added main-thread time ≤ ${GOAL_PER_POST_US} µs per post, no extra long task`,
      status: ratioPass && perPostPass && longPass ? 'PASS' : 'MISS',
      runs: `${ROUNDS} alternating rounds (extension / none), one persistent context each, a fresh page per run, main-thread CPU (thread ticks); then 1 traced run per side and 1 CPU-profiled run with the extension (${PROFILED_SHAPE.total} posts)`,
      headline: `main-thread task time ×${fmt(taskRatio.median)} with the extension (goal ≤ ${GOAL_RATIO}): ${signed(extraTask.median)} ms over 2,000 posts (script ${signed(added.script.median)} ms), ${fmt(perPostUs)} µs per post${added.note}; ${fmt(extraLong.median)} extra long tasks per run (goal 0)`,
      rows: [
        {
          metric: 'task time ratio (extension / none)',
          value: spread(taskRatio, '×'),
          goal: `≤ ${GOAL_RATIO}`,
          status: ratioPass ? 'PASS' : 'MISS',
        },
        {
          metric: 'task time, extension / none',
          value: `${spread(perSide.TaskDuration.extension, ' ms')} / ${spread(perSide.TaskDuration.bare, ' ms')}`,
        },
        { metric: 'extra task time per run', value: spread(extraTask, ' ms') },
        { metric: 'extra script time per run', value: spread(added.script, ' ms') },
        {
          metric: added.fromScript ? `extra time per post${added.note}` : 'extra task time per post',
          value: `${fmt(perPostUs)} µs`,
          goal: `≤ ${GOAL_PER_POST_US} µs`,
          status: perPostPass ? 'PASS' : 'MISS',
        },
        { metric: 'script time ratio (extension / none)', value: spread(scriptRatio, '×') },
        {
          metric: 'script time, extension / none',
          value: `${spread(perSide.ScriptDuration.extension, ' ms')} / ${spread(perSide.ScriptDuration.bare, ' ms')}`,
        },
        {
          metric: 'layout time, extension / none',
          value: `${fmt(perSide.LayoutDuration.extension.median)} / ${fmt(perSide.LayoutDuration.bare.median)} ms`,
        },
        {
          metric: 'style recalc time, extension / none',
          value: `${fmt(perSide.RecalcStyleDuration.extension.median)} / ${fmt(perSide.RecalcStyleDuration.bare.median)} ms`,
        },
        {
          metric: 'traced run: extra main-thread CPU by kind',
          value: extraByKind
            .filter((k) => Math.abs(k.ms) >= 10)
            .map((k) => `${k.kind} ${k.ms >= 0 ? '+' : ''}${fmt(k.ms)} ms`)
            .join(', '),
        },
        {
          metric: 'traced run: style recalcs / layouts / paints, extension vs none',
          value: `${framesExt.styleRecalcs}/${framesExt.layouts}/${framesExt.paints} vs ${framesBare.styleRecalcs}/${framesBare.layouts}/${framesBare.paints}`,
        },
        {
          metric: 'long tasks during growth, extension / none',
          value: `${fmt(longExt.median)} / ${fmt(longBare.median)} (max ${longExt.max} / ${longBare.max})`,
        },
        { metric: 'extra long tasks per run', value: spread(extraLong), goal: '≤ 0', status: longPass ? 'PASS' : 'MISS' },
        { metric: 'badges painted (of own items)', value: `${median(pick(ext, 'badges'))} / ${feed.ownItems}` },
        { metric: 'last badge painted after the feed stopped growing', value: spread(catchUp, ' ms') },
        {
          metric: 'profiled run: main-thread samples in the extension (its script and the native calls it made)',
          value: `${fmt(extShare)} %`,
        },
      ],
      analysis,
      data: {
        shape: SHAPE,
        catchUp,
        rounds: ROUNDS,
        timeDomain: 'threadTicks (main-thread CPU time)',
        perSide,
        taskRatio,
        scriptRatio,
        extraTask,
        extraLong,
        runs: results,
        traced: Object.fromEntries(Object.entries(traced).map(([side, t]) => [side, { ...t, longTasks: t.longTasks.slice(0, 30) }])),
        extraByKind,
        profile: { ...profile, functions: profile.functions.slice(0, 30) },
      },
    };
  } finally {
    await withExt.close();
    await without.close();
  }
}
