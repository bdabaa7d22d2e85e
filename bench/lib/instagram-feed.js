// An Instagram home feed for figure 9, in the 2024–25 desktop markup our fixtures model
// (tests/fixtures/instagram/feed-de.html, docs/FACTS.md#instagram-pages): each post an <article> with its
// owner's avatar and name links, a /p/CODE/ time link, the picture, the action bar, the "liked by" line,
// the caption and two comment previews. A home feed is mostly others' posts: one in eight is the viewer's own,
// and one in four of the others links to the viewer (liked by them, or a comment of theirs), which makes
// the content script read it further. The viewer and their public account are named in the page's data,
// as the logged-in pages of 2024–25 do (PolarisViewer). The page grows as figure 1's feed does.
import { serveExtra } from '../../scripts/fixture-routes.js';

const VIEWER = { id: '48151623420', username: 'giulia.rossi' };
const GIF = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
const ICONS = ['Like', 'Comment', 'Share', 'Save'];

/** What post `i` is: its owner, and what of the viewer's it holds. */
export function instagramPost(i) {
  const own = i % 8 === 3;
  return {
    id: `ig${i}`,
    code: `DBench${String(i).padStart(5, '0')}`,
    owner: own ? VIEWER.username : `friend.${i % 11}`,
    own,
    likedByViewer: !own && i % 4 === 1,
    viewerComment: !own && i % 8 === 5,
  };
}

const link = (href, text) => `<a href="${href}" role="link">${text}</a>`;
const avatar = (user) =>
  `<span><a href="/${user}/" role="link" tabindex="-1"><img alt="${user}'s profile picture" src="${GIF}" crossorigin="anonymous"></a></span>`;

/** A comment preview under a feed post, as the feed shows up to two: its author and words, no time or permalink. */
function commentPreview(i, k, user) {
  return `<div><span>${link(`/${user}/`, user)}</span> <span dir="auto">Comment ${k} on post ${i}</span></div>`;
}

export function instagramPostHtml(i) {
  const p = instagramPost(i);
  const taken = new Date(Date.UTC(2024, 7, 1) - i * 3_600_000).toISOString();
  const liked = p.likedByViewer
    ? `Liked by ${link(`/${VIEWER.username}/`, VIEWER.username)} and ${link(`/p/${p.code}/liked_by/`, 'others')}`
    : `${link(`/p/${p.code}/liked_by/`, `${120 + i} likes`)}`;
  const comments = [0, 1]
    .map((k) => commentPreview(i, k, p.viewerComment && k === 1 ? VIEWER.username : `friend.${(i + k + 3) % 11}`))
    .join('');
  const actions = ICONS.map(
    (name) =>
      `<div role="button" tabindex="0"><svg aria-label="${name}" role="img" viewBox="0 0 24 24" width="24" height="24"><title>${name}</title><path d="M0 0h24v24H0z"></path></svg></div>`,
  ).join('');
  return `<article id="${p.id}" class="_aatb" role="presentation" tabindex="-1"><div><div>
  <div><div>${avatar(p.owner)}</div>
    <div><div><span>${link(`/${p.owner}/`, `<span>${p.owner}</span>`)}</span><span> • </span><a href="/p/${p.code}/" role="link"><span><time datetime="${taken}" title="${taken.slice(0, 10)}">${1 + (i % 23)}h</time></span></a></div>
      <div>${i % 3 === 0 ? link('/explore/locations/213385402/como-italy/', 'Como, Italy') : ''}</div></div>
    <div role="button" tabindex="0"><svg aria-label="More options" role="img" viewBox="0 0 24 24"><title>More options</title></svg></div></div>
  <div><div role="button" tabindex="-1"><div><div><img alt="Photo by ${p.owner} on August 1, 2024." src="${GIF}" style="width:100%;height:240px;object-fit:cover"></div></div></div></div>
  <div><section>${actions}</section>
    <section><div>${liked}</div></section>
    <div><span>${link(`/${p.owner}/`, p.owner)}</span> <span dir="auto">Post ${i}: ${'a day by the lake '.repeat(1 + (i % 3))}#summer</span></div>
    <div>${link(`/p/${p.code}/comments/`, '<span>View all 12 comments</span>')}</div>
    <div>${comments}</div>
    <div><span><time datetime="${taken}">${1 + (i % 23)} hours ago</time></span></div></div>
</div></div></article>`;
}

/** The page: the viewer in its data, `initial` posts, then `burst` more every `intervalMs` up to `total`. */
function instagramFeedPage({ total, initial, burst, intervalMs }) {
  const first = Array.from({ length: Math.min(initial, total) }, (_, i) => instagramPostHtml(i)).join('\n');
  const rest = JSON.stringify(Array.from({ length: Math.max(0, total - initial) }, (_, k) => instagramPostHtml(initial + k)));
  const viewer = JSON.stringify({
    require: [
      [
        'ScheduledServerJS',
        'handle',
        null,
        [
          {
            __bbox: {
              define: [
                [
                  'PolarisViewer',
                  [],
                  { data: { full_name: 'Giulia Rossi', id: VIEWER.id, username: VIEWER.username, is_private: false }, id: VIEWER.id },
                  7365,
                ],
              ],
              require: [],
            },
          },
        ],
      ],
    ],
  });
  return `<!DOCTYPE html>
<!-- Glasshouse bench: an Instagram home feed of ${total} posts, bursts of ${burst} every ${intervalMs} ms. Viewer @${VIEWER.username} (${VIEWER.id}), public. -->
<html class="_9dls" lang="en" dir="ltr"><head><meta charset="utf-8"><title>Instagram</title>
<script type="application/json" data-sjs>${viewer}</script>
</head><body>
<div id="mount_0_0_Bn"><div>
  <div>${link('/', '<span>Home</span>')} ${link('/explore/', '<span>Explore</span>')} ${link(`/${VIEWER.username}/`, `<img alt="${VIEWER.username}'s profile picture" src="${GIF}"><span>Profile</span>`)}</div>
  <main role="main"><div><div id="feed">
${first}
  </div></div></main>
</div></div>
<script>
  window.__feedDone = ${total <= initial};
  const rest = ${rest};
  const feed = document.getElementById('feed');
  let next = 0;
  const grow = () => {
    const chunk = rest.slice(next, next + ${burst});
    next += chunk.length;
    feed.insertAdjacentHTML('beforeend', chunk.join(''));
    if (next < rest.length) setTimeout(grow, ${intervalMs}); else window.__feedDone = true;
  };
  if (rest.length) window.__startFeed = () => setTimeout(grow, ${intervalMs});
</script>
</body></html>`;
}

/**
 * Serves the feed at an instagram.com address (the home feed's path, told apart by its query).
 * @param {string} name @param {{ total: number, initial: number, burst: number, intervalMs: number }} shape
 */
export function serveInstagramFeed(name, shape) {
  const url = `https://www.instagram.com/?glasshouse-bench=${encodeURIComponent(name)}`;
  serveExtra(url, instagramFeedPage(shape));
  let ownItems = 0;
  let lastOwn = 0;
  for (let i = 0; i < shape.total; i += 1) {
    const p = instagramPost(i);
    if (p.own) lastOwn = i;
    // A comment preview carries no permalink: the viewer's makes their friend's post worth reading, not an item.
    if (p.own) ownItems += 1;
  }
  return { url, ...shape, ownItems, lastOwnId: instagramPost(lastOwn).id };
}
