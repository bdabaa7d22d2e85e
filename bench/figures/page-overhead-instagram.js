// Figure 9: figure 1 on an Instagram home feed (bench/lib/instagram-feed.js: ~66 elements per post, one
// post in eight the viewer's, a quarter of the others linking to the viewer), measured as figure 1 is
// (bench/lib/feed-overhead.js). The page runs no script of its own beyond inserting the posts, so, as
// for figure 1, the ratio is an upper bound of what the same cost is on instagram.com.
import { serveInstagramFeed } from '../lib/instagram-feed.js';
import { measureFeedOverhead } from '../lib/feed-overhead.js';

export const id = 'page-overhead-instagram';
export const title = 'Page overhead in Chromium on an Instagram home feed (600 posts)';

/** The home feed loads about a dozen posts per page as the user scrolls. */
const SHAPE = { total: 600, initial: 12, burst: 12, intervalMs: 100 };
/** The light feed's goals (figure 1): this page, too, runs almost no script of its own. */
const GOALS = { ratio: 1.15, perPostUs: 150 };

export async function run(env) {
  const feed = serveInstagramFeed('home', SHAPE);
  const result = await measureFeedOverhead(env, feed, {
    goals: GOALS,
    pageRow: {
      metric: 'the feed (bench/lib/instagram-feed.js)',
      value: `${feed.ownItems} of ${SHAPE.total} posts the viewer's; ~66 elements per post`,
    },
    closing:
      'Most posts of a home feed are others’: each is read only as far as it takes to know it is someone else’s and holds nothing of the viewer’s (a like or a comment of theirs makes it read further), and gets no badge.',
  });
  return { ...result, data: { shape: SHAPE, ...result.data } };
}
