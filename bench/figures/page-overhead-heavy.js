// Figure 8: figure 1 on a feed as heavy as Facebook's (bench/lib/heavy-feed.js: ~840 elements per post
// with others' comments, atomic classes, and the page's own script building each post), measured as
// figure 1 is (bench/lib/feed-overhead.js).
import { serveHeavyFeed } from '../lib/heavy-feed.js';
import { measureFeedOverhead } from '../lib/feed-overhead.js';

export const id = 'page-overhead-heavy';
export const title = 'Page overhead in Chromium on a heavy feed (~840 elements per post, 120 posts)';

/** Facebook adds a few posts per scroll step; 120 posts of this weight are ~100,000 elements, a long session's feed. */
const SHAPE = { total: 120, initial: 4, burst: 4, intervalMs: 100 };
const GOALS = { ratio: 1.05, perPostUs: 150 };

export async function run(env) {
  const result = await measureFeedOverhead(env, serveHeavyFeed('heavy', SHAPE), {
    goals: GOALS,
    pageRow: { metric: 'elements per post (the page counts what it builds)', value: '~840 (bench/lib/heavy-feed.js)' },
    closing:
      'On a page this heavy the same badges and the same reading of each post are a small share: the ratio is the figure to watch on facebook.com, the light feed’s (figure 1) its upper bound.',
  });
  return { ...result, data: { shape: SHAPE, ...result.data } };
}
