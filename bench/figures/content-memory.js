// Figure 7: the content script's memory. The same feed grown to 2,000 posts with the extension and
// without, alternating, one persistent context each: the page's JS heap (the main world and the
// content script's isolated world share one heap) after a forced GC, before and after the growth.
import { alternate, fmt, spread, summarize } from '../lib/stats.js';
import { heapAfterGc, launch, metrics } from '../lib/chromium.js';
import { badgeCount, growFeed, openFeed, serveFeed } from '../lib/feed.js';

export const id = 'content-memory';
export const title = 'Content-script memory after 2,000 posts';

const SHAPE = { total: 2000, initial: 10, burst: 20, intervalMs: 25 };
const ROUNDS = 3;
const MiB = 1024 * 1024;
const GOALS = { growthMiB: 2, startMiB: 5 };

async function oneRun(browser, feed, withExtension) {
  const { page, cdp } = await openFeed(browser, feed);
  await cdp.send('Performance.enable');
  const before = await heapAfterGc(cdp);
  const nodesBefore = (await metrics(cdp)).Nodes;
  const { catchUpMs } = await growFeed(page, feed, { withExtension });
  const after = await heapAfterGc(cdp);
  const nodesAfter = (await metrics(cdp)).Nodes;
  const badges = withExtension ? await badgeCount(page) : 0;
  await cdp.detach();
  await page.close();
  return { before, after, growth: after - before, nodes: nodesAfter - nodesBefore, badges, catchUpMs };
}

export async function run(env) {
  if (!env.extensionDir) throw new Error(`extension build missing: ${env.buildErrors.extensionDir ?? 'not built'}`);
  const feed = serveFeed('memory', SHAPE);
  const withExt = await launch({ extension: env.extensionDir });
  const without = await launch();
  try {
    const results = await alternate(
      ROUNDS,
      { extension: () => oneRun(withExt, feed, true), bare: () => oneRun(without, feed, false) },
      {
        onRound: (round, r) =>
          env.log(
            `  round ${round + 1}/${ROUNDS}: heap growth ${fmt(r.extension.growth / MiB)} vs ${fmt(r.bare.growth / MiB)} MiB; at start ${fmt(r.extension.before / MiB)} vs ${fmt(r.bare.before / MiB)} MiB; badges ${r.extension.badges}`,
          ),
      },
    );
    const ext = results.extension;
    const bare = results.bare;
    const extraGrowth = summarize(ext.map((r, i) => (r.growth - bare[i].growth) / MiB));
    const extraStart = summarize(ext.map((r, i) => (r.before - bare[i].before) / MiB));
    const perPostBytes = (extraGrowth.median * MiB) / SHAPE.total;
    const extraNodes = summarize(ext.map((r, i) => r.nodes - bare[i].nodes));
    const growthPass = extraGrowth.median <= GOALS.growthMiB;
    const startPass = extraStart.median <= GOALS.startMiB;
    const analysis = [];
    if (!growthPass)
      analysis.push(
        `The extension keeps ${fmt(extraGrowth.median)} MiB more after 2,000 posts (${fmt(perPostBytes)} bytes per post): PageWatch's per-post maps (queued signatures, containers), the session's rendered ids and diagnostics, and each badge's closed shadow root with its parts. Keying the maps by a short post id and dropping entries for posts no longer in the page would bound it.`,
      );
    if (!startPass)
      analysis.push(`The content script starts at ${fmt(extraStart.median)} MiB: the compiled 26-language vocabulary and zod's schemas.`);
    return {
      goal: `extra JS heap after 2,000 posts ≤ ${GOALS.growthMiB} MiB (≈ 1 KB per post); content script at start ≤ ${GOALS.startMiB} MiB`,
      status: growthPass && startPass ? 'PASS' : 'MISS',
      runs: `${ROUNDS} alternating rounds (extension / none), one context each, fresh page per run; heap after HeapProfiler.collectGarbage (twice)`,
      headline: `+${fmt(extraGrowth.median)} MiB of JS heap after 2,000 posts with the extension (${fmt(perPostBytes)} B per post; goal ≤ ${GOALS.growthMiB} MiB), +${fmt(extraStart.median)} MiB at start`,
      rows: [
        { metric: 'heap growth over 2,000 posts, extension', value: spread(summarize(ext.map((r) => r.growth / MiB)), ' MiB') },
        { metric: 'heap growth over 2,000 posts, none', value: spread(summarize(bare.map((r) => r.growth / MiB)), ' MiB') },
        {
          metric: 'extra growth with the extension',
          value: spread(extraGrowth, ' MiB'),
          goal: `≤ ${GOALS.growthMiB} MiB`,
          status: growthPass ? 'PASS' : 'MISS',
        },
        { metric: 'extra growth per post', value: `${fmt(perPostBytes)} B` },
        {
          metric: 'extra heap at start (content script loaded, 10 posts)',
          value: spread(extraStart, ' MiB'),
          goal: `≤ ${GOALS.startMiB} MiB`,
          status: startPass ? 'PASS' : 'MISS',
        },
        { metric: 'extra DOM nodes after growth (each badge: host, shadow root and its contents)', value: spread(extraNodes) },
        { metric: 'badges painted', value: `${summarize(ext.map((r) => r.badges)).median} / ${feed.ownItems}` },
      ],
      analysis,
      data: { shape: SHAPE, rounds: ROUNDS, goals: GOALS, runs: results, extraGrowthMiB: extraGrowth, extraStartMiB: extraStart },
    };
  } finally {
    await withExt.close();
    await without.close();
  }
}
