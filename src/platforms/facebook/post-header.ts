import { FB } from './selectors';

/** Is `node` inside a nested article (a comment) of `container`? */
export function inNestedArticle(node: Element, container: Element): boolean {
  const article = node.parentElement?.closest(FB.article);
  return article !== null && article !== undefined && article !== container && container.contains(article);
}

/** The text an audience icon carries: svg <title>, aria-label, img alt, or the classic tooltip. */
export function iconText(icon: Element): string {
  if (icon.localName === 'title') return icon.textContent ?? '';
  return icon.getAttribute('aria-label') ?? icon.getAttribute('alt') ?? icon.getAttribute(FB.tooltipAttribute) ?? '';
}

export interface PostHeader {
  /** The post's own author heading: the first in the post. */
  actorHeading: Element | null;
  /**
   * The post's own header, in document order: after its author heading and before the next author
   * heading (a reshared original's), the message or a comment. Its audience icon candidates and its
   * links (the timestamp permalink) are the post's own, never the reshared original's.
   */
  icons: Element[];
  links: HTMLAnchorElement[];
  /** What the walk stopped at: the message, a comment, a nested story, the next author heading. */
  end: Element | null;
}

/** The first author heading of the post itself (not of a comment): it holds a profile link. */
export function firstActorHeading(container: Element): Element | null {
  // Nearly always the first heading: only then are all of the post's headings (its comments') listed.
  const first = container.querySelector(FB.actorHeading);
  if (!first) return null;
  if (first.querySelector(FB.link) && !inNestedArticle(first, container)) return first;
  for (const heading of container.querySelectorAll(FB.actorHeading)) {
    // querySelectorAll is in document order, so an outer heading block comes before the h2 inside it.
    if (heading.querySelector(FB.link) && !inNestedArticle(heading, container)) return heading;
  }
  return null;
}

/** The element after `el` and its subtree, in document order, inside `root`. */
function nextAfter(el: Element, root: Element): Element | null {
  for (let at: Element | null = el; at && at !== root; at = at.parentElement) {
    if (at.nextElementSibling) return at.nextElementSibling;
  }
  return null;
}

/** Whatever the header walk stops at or keeps. */
const HEADER_PARTS = [FB.headerEnd, FB.actorHeading, FB.audienceIcon, FB.link].join(', ');

/** A header is a few dozen elements; past this many the page's shape is not one we know. */
const HEADER_WALK_LIMIT = 400;

/**
 * Walks forward from the author heading through the header only, stopping at the message, a
 * comment, or the next author heading: cost grows with the header, not with the post's comments.
 */
export function readPostHeader(container: Element): PostHeader {
  const actorHeading = firstActorHeading(container);
  const header: PostHeader = { actorHeading, icons: [], links: [], end: null };
  if (!actorHeading) return header;
  let steps = 0;
  for (let el = nextAfter(actorHeading, container); el && steps < HEADER_WALK_LIMIT; steps += 1) {
    // Most of a header is plain wrappers: one look tells them apart from the few that matter.
    if (!el.matches(HEADER_PARTS)) {
      el = el.firstElementChild ?? nextAfter(el, container);
      continue;
    }
    if (el.matches(FB.headerEnd) || (el.matches(FB.actorHeading) && el.querySelector(FB.link))) {
      header.end = el;
      break;
    }
    // A link can be both: the 2019-era audience link carries an aria-label.
    if (el.matches(FB.audienceIcon)) header.icons.push(el);
    if (el.matches(FB.link)) header.links.push(el as HTMLAnchorElement);
    el = el.firstElementChild ?? nextAfter(el, container);
  }
  return header;
}
