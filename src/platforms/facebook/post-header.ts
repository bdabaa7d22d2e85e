import { precedes } from '../dom';
import { FB } from './selectors';

/** Is `node` inside a nested article (a comment) of `container`? */
export function inNestedArticle(node: Element, container: Element): boolean {
  const article = node.parentElement?.closest(FB.article);
  return article !== null && article !== undefined && article !== container && container.contains(article);
}

/** The text an audience icon carries: svg <title>, aria-label, or img alt. */
export function iconText(icon: Element): string {
  if (icon.localName === 'title') return icon.textContent ?? '';
  return icon.getAttribute('aria-label') ?? icon.getAttribute('alt') ?? '';
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
}

export function readPostHeader(container: Element): PostHeader {
  const headings = [...container.querySelectorAll(FB.actorHeading)].filter(
    (h) => !inNestedArticle(h, container) && h.querySelector(FB.link),
  );
  // Nested headings (an h2 inside a profile_name block) are one heading: keep the outermost of each.
  const distinct = headings.filter((h) => !headings.some((other) => other !== h && other.contains(h)));
  const actorHeading = distinct[0] ?? null;
  if (!actorHeading) return { actorHeading: null, icons: [], links: [] };
  const limits = [distinct[1], container.querySelector(FB.message), container.querySelector(FB.article)].filter(
    (el): el is Element => el !== undefined && el !== null && !actorHeading.contains(el) && precedes(actorHeading, el),
  );
  const inHeader = (el: Element) =>
    !actorHeading.contains(el) &&
    precedes(actorHeading, el) &&
    limits.every((limit) => precedes(el, limit) && !limit.contains(el)) &&
    !inNestedArticle(el, container);
  const icons: Element[] = [];
  const links: HTMLAnchorElement[] = [];
  for (const el of container.querySelectorAll(`${FB.audienceIcon}, ${FB.link}`)) {
    if (!inHeader(el)) continue;
    if (el.matches(FB.audienceIcon)) icons.push(el);
    if (el.matches(FB.link)) links.push(el as HTMLAnchorElement);
  }
  return { actorHeading, icons, links };
}
