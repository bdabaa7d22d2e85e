// Figures 8 and 9: figure 1's measure (bench/figures/page-overhead.js `oneRun`) on another feed. Two
// persistent contexts in one run, with the extension and without, alternating; main-thread CPU from CDP
// thread ticks; long tasks from a PerformanceObserver registered at document start. The figure gives the
// feed, its goals and what its page is; this measures and words the rows.
import { addedPerPost, alternate, fmt, median, ratios, signed, spread, summarize } from './stats.js';
import { launch } from './chromium.js';
import { oneRun, ROUNDS } from '../figures/page-overhead.js';

/**
 * @param {any} env the bench's environment (bench/run.js)
 * @param {{ url: string, total: number, ownItems: number }} feed a served feed (bench/lib/*-feed.js)
 * @param {{ goals: { ratio: number, perPostUs: number }, pageRow: { metric: string, value: string }, closing: string }} figure
 *   its goals, a row saying what its page is, and the analysis's last sentence
 */
export async function measureFeedOverhead(env, feed, { goals, pageRow, closing }) {
  if (!env.extensionDir) throw new Error(`extension build missing: ${env.buildErrors.extensionDir ?? 'not built'}`);
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
    const added = addedPerPost(ext, bare, feed.total);
    const extraTask = added.task;
    const extraScript = added.script;
    const extraLayoutStyle = summarize(
      ext.map((r, i) => r.LayoutDuration + r.RecalcStyleDuration - bare[i].LayoutDuration - bare[i].RecalcStyleDuration),
    );
    const extraLong = summarize(ext.map((r, i) => r.longTasks - bare[i].longTasks));
    const perPostUs = added.us;
    const checks = { ratio: taskRatio.median <= goals.ratio, perPost: perPostUs <= goals.perPostUs, longTasks: extraLong.median <= 0 };
    const status = Object.values(checks).every(Boolean) ? 'PASS' : 'MISS';
    const analysis = [
      `The page alone spends ${fmt(median(pick(bare, 'TaskDuration')))} ms of main-thread CPU growing to ${feed.total} posts (${fmt((median(pick(bare, 'TaskDuration')) * 1000) / feed.total)} µs per post, ${fmt(median(pick(bare, 'ScriptDuration')))} ms of it its own script); ` +
        `the extension adds ${signed(extraTask.median)} ms of task time: script ${signed(extraScript.median)} ms, layout and style ${signed(extraLayoutStyle.median)} ms, the rest paint and task overhead; ${fmt(perPostUs)} µs per post${added.note}. ` +
        closing,
    ];
    return {
      goal: `task-time ratio ≤ ${goals.ratio}, added main-thread time ≤ ${goals.perPostUs} µs per post, no extra long task`,
      status,
      runs: `${ROUNDS} alternating rounds (extension / none), one persistent context each, a fresh page per run, main-thread CPU (thread ticks)`,
      headline: `main-thread task time ×${fmt(taskRatio.median)} with the extension: ${signed(extraTask.median)} ms over ${feed.total} posts (script ${signed(extraScript.median)} ms), ${fmt(perPostUs)} µs per post${added.note}; ${fmt(extraLong.median)} extra long tasks per run`,
      rows: [
        {
          metric: 'task time ratio (extension / none)',
          value: spread(taskRatio, '×'),
          goal: `≤ ${goals.ratio}`,
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
          goal: `≤ ${goals.perPostUs} µs`,
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
        pageRow,
      ],
      analysis,
      data: { goals, rounds: ROUNDS, taskRatio, extraTask, extraScript, extraLayoutStyle, extraLong, runs: results },
    };
  } finally {
    await withExt.close();
    await without.close();
  }
}
