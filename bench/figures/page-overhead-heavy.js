// Figure 8: figure 1 on a feed as heavy as Facebook's (bench/lib/heavy-feed.js: ~840 elements per post
// with others' comments, atomic classes, and the page's own script building each post). The same
// measure: two persistent contexts in one run, with the extension and without, alternating; main-thread
// CPU from CDP thread ticks; long tasks from a PerformanceObserver registered at document start.
import { addedPerPost, alternate, fmt, median, ratios, signed, spread, summarize } from '../lib/stats.js';
import { launch } from '../lib/chromium.js';
import { serveHeavyFeed } from '../lib/heavy-feed.js';
import { oneRun, ROUNDS } from './page-overhead.js';

export const id = 'page-overhead-heavy';
export const title = 'Page overhead in Chromium on a heavy feed (~840 elements per post, 120 posts)';

/** Facebook adds a few posts per scroll step; 120 posts of this weight are ~100,000 elements, a long session's feed. */
const SHAPE = { total: 120, initial: 4, burst: 4, intervalMs: 100 };
const GOALS = { ratio: 1.05, perPostUs: 150 };

export async function run(env) {
  if (!env.extensionDir) throw new Error(`extension build missing: ${env.buildErrors.extensionDir ?? 'not built'}`);
  const feed = serveHeavyFeed('heavy', SHAPE);
  const withExt = await launch({ extension: env.extensionDir });
  const without = await launch();
  try {
    const results = await alternate(
      ROUNDS,
      { extension: () => oneRun(withExt, feed, true), bare: () => oneRun(without, feed, false) },
      {
        onRound: (round, r) =>
          env.log(
            `  round ${round + 1}/${ROUNDS}: task ${fmt(r.extension.TaskDuration)} vs ${fmt(r.bare.TaskDuration)} ms, script ${fmt(r.extension.ScriptDuration)} vs ${fmt(r.bare.ScriptDuration)} ms, long tasks ${r.extension.longTasks} vs ${r.bare.longTasks}, badges ${r.extension.badges}/${feed.ownItems}`,
          ),
      },
    );
    const ext = results.extension;
    const bare = results.bare;
    const pick = (list, key) => list.map((r) => r[key]);
    const taskRatio = summarize(ratios(pick(ext, 'TaskDuration'), pick(bare, 'TaskDuration')));
    const added = addedPerPost(ext, bare, SHAPE.total);
    const extraTask = added.task;
    const extraScript = added.script;
    const extraLayoutStyle = summarize(
      ext.map((r, i) => r.LayoutDuration + r.RecalcStyleDuration - bare[i].LayoutDuration - bare[i].RecalcStyleDuration),
    );
    const extraLong = summarize(ext.map((r, i) => r.longTasks - bare[i].longTasks));
    const perPostUs = added.us;
    const checks = { ratio: taskRatio.median <= GOALS.ratio, perPost: perPostUs <= GOALS.perPostUs, longTasks: extraLong.median <= 0 };
    const status = Object.values(checks).every(Boolean) ? 'PASS' : 'MISS';
    const analysis = [
      `The page alone spends ${fmt(median(pick(bare, 'TaskDuration')))} ms of main-thread CPU growing to ${SHAPE.total} posts (${fmt((median(pick(bare, 'TaskDuration')) * 1000) / SHAPE.total)} µs per post, ${fmt(median(pick(bare, 'ScriptDuration')))} ms of it its own script); ` +
        `the extension adds ${signed(extraTask.median)} ms of task time: script ${signed(extraScript.median)} ms, layout and style ${signed(extraLayoutStyle.median)} ms, the rest paint and task overhead; ${fmt(perPostUs)} µs per post${added.note}. ` +
        'On a page this heavy the same badges and the same reading of each post are a small share: the ratio is the figure to watch on facebook.com, the light feed’s (figure 1) its upper bound.',
    ];
    return {
      goal: `task-time ratio ≤ ${GOALS.ratio}, added main-thread time ≤ ${GOALS.perPostUs} µs per post, no extra long task`,
      status,
      runs: `${ROUNDS} alternating rounds (extension / none), one persistent context each, a fresh page per run, main-thread CPU (thread ticks)`,
      headline: `main-thread task time ×${fmt(taskRatio.median)} with the extension: ${signed(extraTask.median)} ms over ${SHAPE.total} posts (script ${signed(extraScript.median)} ms), ${fmt(perPostUs)} µs per post${added.note}; ${fmt(extraLong.median)} extra long tasks per run`,
      rows: [
        {
          metric: 'task time ratio (extension / none)',
          value: spread(taskRatio, '×'),
          goal: `≤ ${GOALS.ratio}`,
          status: checks.ratio ? 'PASS' : 'MISS',
        },
        {
          metric: 'task time, extension / none',
          value: `${spread(summarize(pick(ext, 'TaskDuration')), ' ms')} / ${spread(summarize(pick(bare, 'TaskDuration')), ' ms')}`,
        },
        { metric: 'extra task time per run', value: spread(extraTask, ' ms') },
        {
          metric: added.fromScript ? `extra time per post${added.note}` : 'extra task time per post',
          value: `${fmt(perPostUs)} µs`,
          goal: `≤ ${GOALS.perPostUs} µs`,
          status: checks.perPost ? 'PASS' : 'MISS',
        },
        { metric: 'extra script time per run', value: spread(extraScript, ' ms') },
        { metric: 'extra layout + style time per run', value: spread(extraLayoutStyle, ' ms') },
        {
          metric: 'long tasks during growth, extension / none',
          value: `${fmt(median(pick(ext, 'longTasks')))} / ${fmt(median(pick(bare, 'longTasks')))}`,
        },
        { metric: 'extra long tasks per run', value: spread(extraLong), goal: '≤ 0', status: checks.longTasks ? 'PASS' : 'MISS' },
        { metric: 'badges painted (of own items)', value: `${median(pick(ext, 'badges'))} / ${feed.ownItems}` },
        { metric: 'elements per post (the page counts what it builds)', value: '~840 (bench/lib/heavy-feed.js)' },
      ],
      analysis,
      data: { shape: SHAPE, goals: GOALS, rounds: ROUNDS, taskRatio, extraTask, extraScript, extraLayoutStyle, extraLong, runs: results },
    };
  } finally {
    await withExt.close();
    await without.close();
  }
}
