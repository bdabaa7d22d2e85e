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

/** The selectors a header is read with: the current site's, or with the classic ones added. */
export interface HeaderParts {
  actorHeading: string;
  audienceIcon: string;
  /** Elements that are only an audience icon; none on the current site. */
  audienceOnly: string | null;
  message: string;
  headerEnd: string;
  /** Whatever the header walk stops at or keeps. */
  any: string;
}

function headerParts(actorHeading: string, audienceIcon: string, audienceOnly: string | null, message: string, headerEnd: string) {
  return { actorHeading, audienceIcon, audienceOnly, message, headerEnd, any: [headerEnd, actorHeading, audienceIcon, FB.link].join(', ') };
}

const CURRENT_PARTS: HeaderParts = headerParts(FB.actorHeading, FB.audienceIcon, null, FB.message, FB.headerEnd);
const CLASSIC_PARTS: HeaderParts = headerParts(
  FB.classicActorHeading,
  FB.classicAudienceIcon,
  FB.classicAudienceOnly,
  FB.classicMessage,
  FB.classicHeaderEnd,
);

/** One look per post: each selector the walk tries costs on every element it passes. */
const headerPartsOf = (container: Element): HeaderParts => (container.matches(FB.classicStory) ? CLASSIC_PARTS : CURRENT_PARTS);

export interface PostHeader {
  parts: HeaderParts;
  /** The post's own author heading: the first in the post. */
  actorHeading: Element | null;
  /**
   * The post's own header, in document order: after its author heading and before the next author
   * heading (a reshared original's), the message or a comment. Its audience icon candidates and its
   * links (the timestamp permalink) are the post's own, never the reshared original's.
   */
  icons: Element[];
  links: HTMLAnchorElement[];
}

/** The first heading of the post itself (not of a comment) that holds a profile link. */
function firstHeading(container: Element, selector: string): Element | null {
  // Nearly always the first heading: only then are all of the post's headings (its comments') listed.
  const first = container.querySelector(selector);
  if (!first) return null;
  if (first.querySelector(FB.link) && !inNestedArticle(first, container)) return first;
  for (const heading of container.querySelectorAll(selector)) {
    // querySelectorAll is in document order, so an outer heading block comes before the h2 inside it.
    if (heading.querySelector(FB.link) && !inNestedArticle(heading, container)) return heading;
  }
  return null;
}

/** The post's author heading, and the selectors its header is read with. */
function actorHeadingOf(container: Element): { heading: Element | null; parts: HeaderParts } {
  const parts = headerPartsOf(container);
  const heading = firstHeading(container, parts.actorHeading);
  if (heading || parts === CLASSIC_PARTS) return { heading, parts };
  // A classic story whose container's class is not one listed: its h5 heading tells it.
  const classic = firstHeading(container, CLASSIC_PARTS.actorHeading);
  return classic ? { heading: classic, parts: CLASSIC_PARTS } : { heading: null, parts };
}

/** The first author heading of the post itself (not of a comment): it holds a profile link. */
export const firstActorHeading = (container: Element): Element | null => actorHeadingOf(container).heading;

/** The element after `el` and its subtree, in document order, inside `root`. */
function nextAfter(el: Element, root: Element): Element | null {
  for (let at: Element | null = el; at && at !== root; at = at.parentElement) {
    if (at.nextElementSibling) return at.nextElementSibling;
  }
  return null;
}

/** A header is a few dozen elements; past this many the page's shape is not one we know. */
const HEADER_WALK_LIMIT = 400;

/**
 * Walks forward from the author heading through the header only, stopping at the message, a
 * comment, or the next author heading: cost grows with the header, not with the post's comments.
 */
export function readPostHeader(container: Element): PostHeader {
  const { heading: actorHeading, parts } = actorHeadingOf(container);
  const header: PostHeader = { parts, actorHeading, icons: [], links: [] };
  if (!actorHeading) return header;
  let steps = 0;
  for (let el = nextAfter(actorHeading, container); el && steps < HEADER_WALK_LIMIT; steps += 1) {
    // Most of a header is plain wrappers: one look tells them apart from the few that matter.
    if (!el.matches(parts.any)) {
      el = el.firstElementChild ?? nextAfter(el, container);
      continue;
    }
    if (el.matches(parts.headerEnd) || (el.matches(parts.actorHeading) && el.querySelector(FB.link))) break;
    // A link can be both: the 2019-era audience link carries an aria-label.
    if (el.matches(parts.audienceIcon)) header.icons.push(el);
    if (el.matches(FB.link)) header.links.push(el as HTMLAnchorElement);
    el = el.firstElementChild ?? nextAfter(el, container);
  }
  return header;
}
