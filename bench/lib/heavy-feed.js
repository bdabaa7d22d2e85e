// A feed as heavy as Facebook's own, for figure 1: each post of the synthetic feed (the same owners,
// audiences, languages, reshares and own comments, so the same badges) inside the shape the real pages
// in the project's shared material have (measured there, never copied): ~800 elements per post with its
// comments, nested ~20 deep, ~9 atomic classes per element styled by a stylesheet of single-declaration
// rules, a fifth of elements with an inline style, avatars as svg masks, buttons with tabindex, and
// several comments by other people of ~100 elements each. The page builds each post with its own
// script, as the site's renderer does: parse, then a walk over every new element that sets
// properties and listeners (its "render work"), before inserting the post.
import { syntheticOwnCounts, syntheticPost, syntheticPostHtml } from '../../tests/fixtures/facebook/synthetic-feed.js';
import { serveExtra } from '../../scripts/fixture-routes.js';

/** Atomic classes: a few hundred, each one declaration, as the site's generated CSS. */
const CLASS_COUNT = 360;
/** Others' comments under each post: with them a post is ~800 elements, as the real ones are. */
const COMMENTS_PER_POST = 13;
const DECLARATIONS = [
  'display:flex',
  'display:block',
  'display:inline',
  'flex-direction:column',
  'align-items:center',
  'justify-content:space-between',
  'position:relative',
  'min-width:0',
  'flex-shrink:1',
  'flex-grow:1',
  'padding-top:4px',
  'padding-bottom:4px',
  'padding-left:8px',
  'padding-right:8px',
  'margin-top:2px',
  'margin-bottom:2px',
  'color:#050505',
  'color:#65676b',
  'font-size:.9375rem',
  'font-size:.8125rem',
  'line-height:1.3333',
  'font-weight:600',
  'word-break:break-word',
  'border-radius:8px',
  'background-color:#fff',
  'overflow:hidden',
  'box-sizing:border-box',
  'list-style:none',
  'text-align:start',
  'max-width:100%',
  'outline:none',
  'cursor:pointer',
];
const cls = (i, k) => `x${((i * 7 + k * 31) % CLASS_COUNT).toString(36)}`;
const classes = (seed) => Array.from({ length: 9 }, (_, k) => cls(seed, k)).join(' ');

export function heavyStylesheet() {
  return Array.from({ length: CLASS_COUNT }, (_, i) => `.x${i.toString(36)}{${DECLARATIONS[i % DECLARATIONS.length]}}`).join('\n');
}

/** `depth` plain wrappers around `inner`, each with its classes; every fifth with an inline style. */
function wrap(inner, depth, seed) {
  let html = inner;
  for (let d = 0; d < depth; d += 1)
    html = `<div class="${classes(seed + d)}"${(seed + d) % 5 === 0 ? ' style="min-height:0"' : ''}>${html}</div>`;
  return html;
}

function avatar(seed) {
  return `<svg aria-hidden="true" class="${classes(seed)}" height="32" width="32"><mask id="m${seed}"><circle cx="16" cy="16" fill="white" r="16"></circle></mask><g mask="url(#m${seed})"><image height="32" width="32" href="data:image/gif;base64,R0lGODlhAQABAAAAACw="></image><circle cx="16" cy="16" r="16" fill="none"></circle></g></svg>`;
}

/** A comment by someone else, ~100 elements: avatar, name, text, time link, Like and Reply. */
function othersComment(post, c) {
  const p = syntheticPost(post);
  const id = 700000 + post * 10 + c;
  const seed = post * 13 + c;
  const button = (label) =>
    wrap(`<div role="button" tabindex="0" class="${classes(seed + 3)}"><span class="${classes(seed)}">${label}</span></div>`, 2, seed);
  const body = [
    wrap(`<a href="https://www.facebook.com/friend${c}?comment_id=${id}" aria-hidden="true" tabindex="-1">${avatar(seed)}</a>`, 4, seed),
    wrap(
      `<span dir="auto" class="${classes(seed + 1)}"><a href="https://www.facebook.com/friend${c}?comment_id=${id}" role="link"><span>Friend ${c}</span></a></span>`,
      6,
      seed + 1,
    ),
    wrap(
      `<div dir="auto" class="${classes(seed + 2)}">Comment ${c} on post ${post}: ${'lorem ipsum dolor '.repeat(1 + (c % 3))}</div>`,
      6,
      seed + 2,
    ),
    wrap(
      `<ul class="${classes(seed)}"><li>${button('Like')}</li><li>${button('Reply')}</li><li><a href="https://www.facebook.com/${p.owner}/posts/${p.postId}?comment_id=${id}" role="link"><span>${c + 1}h</span></a></li></ul>`,
      4,
      seed + 3,
    ),
    wrap(Array.from({ length: 6 }, (_, k) => `<span class="${classes(seed + k)}"></span>`).join(''), 3, seed + 4),
  ].join('');
  return `<li><div role="article" aria-label="Comment by Friend ${c}" tabindex="-1" class="${classes(seed)}">${wrap(body, 3, seed)}</div></li>`;
}

/** Post `i`: the light feed's post, its parts nested and classed as the site's, with others' comments, a photo and its reactions bar. */
export function heavyPostHtml(i, { prefix }) {
  const light = syntheticPostHtml(i, { prefix });
  // The light post's article opens with its header; everything of it goes inside deep wrappers.
  const open = light.indexOf('>', light.indexOf('role="article"')) + 1;
  const close = light.lastIndexOf('</div></div>');
  const inner = light.slice(open, close);
  const photo = wrap(
    `<img alt="" class="${classes(i)}" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="500" height="300">`,
    8,
    i + 5,
  );
  const reactions = wrap(
    Array.from({ length: 3 }, (_, k) =>
      wrap(
        `<div role="button" tabindex="0" aria-label="Reaction ${k}" class="${classes(i + k)}"><i class="${classes(i)}"></i><span>${k * 3}</span></div>`,
        3,
        i + k,
      ),
    ).join(''),
    4,
    i + 6,
  );
  const comments = `<ul class="${classes(i)}">${Array.from({ length: COMMENTS_PER_POST }, (_, c) => othersComment(i, c)).join('')}</ul>`;
  return `${light.slice(0, open)}${wrap(`${inner}${photo}${reactions}`, 12, i)}${wrap(comments, 4, i + 7)}${light.slice(close)}`;
}

/**
 * The heavy feed page: posts are built by the page's script (a template parsed, then every element
 * given properties and the buttons their listeners, as a renderer commits), `burst` per `intervalMs`.
 */
export function heavyFeedPage({ total, initial = 3, burst = 3, intervalMs = 100, prefix = 'heavy' }) {
  const posts = JSON.stringify(Array.from({ length: total }, (_, i) => heavyPostHtml(i, { prefix })));
  return `<!DOCTYPE html>
<!-- Glasshouse heavy synthetic feed: ${total} posts, bursts of ${burst} every ${intervalMs} ms. Viewer alice.martin (100001). -->
<html lang="en"><head><meta charset="utf-8"><title>Facebook</title>
<style>${heavyStylesheet()}</style>
<script type="application/json" data-sjs>{"require":[["CurrentUserInitialData",[],{"ACCOUNT_ID":"100001","USER_ID":"100001","NAME":"Alice Martin"},270]]}</script>
</head><body>
<div role="navigation"><a href="https://www.facebook.com/alice.martin"><span>Alice Martin</span></a></div>
<div role="main"><div role="feed" id="feed"></div></div>
<script>
  const posts = ${posts};
  const feed = document.getElementById('feed');
  const onPress = (event) => { event.currentTarget.dataset.pressed = '1'; };
  /** The renderer's work for one post: parse, walk every element, attach, insert. */
  const render = (html, key) => {
    const template = document.createElement('template');
    template.innerHTML = html;
    let n = 0;
    const walker = document.createTreeWalker(template.content, NodeFilter.SHOW_ELEMENT);
    for (let el = walker.nextNode(); el; el = walker.nextNode()) {
      el.__fiber = { key: key + ':' + n, index: n };
      if (el.getAttribute('role') === 'button') el.addEventListener('click', onPress);
      n += 1;
    }
    feed.append(template.content);
    return n;
  };
  let next = 0;
  window.__elementsPerPost = 0;
  const add = (count) => {
    const end = Math.min(posts.length, next + count);
    for (; next < end; next += 1) window.__elementsPerPost += render(posts[next], next) / posts.length;
  };
  const grow = () => {
    add(${burst});
    if (next < posts.length) setTimeout(grow, ${intervalMs}); else window.__feedDone = true;
  };
  add(${initial});
  window.__feedDone = next >= posts.length;
  window.__startFeed = () => setTimeout(grow, ${intervalMs});
</script>
</body></html>`;
}

/** Serves the heavy feed at a facebook.com address; the same fields as feed.js's serveFeed. */
export function serveHeavyFeed(name, shape) {
  const url = `https://www.facebook.com/bench/${name}`;
  const prefix = name.replace(/\W/g, '');
  serveExtra(url, heavyFeedPage({ ...shape, prefix }));
  let last = shape.total - 1;
  while (last > 0 && !syntheticPost(last, { prefix }).own) last -= 1;
  return { url, ...shape, ownItems: syntheticOwnCounts(shape.total).own, lastOwnId: syntheticPost(last, { prefix }).id };
}
