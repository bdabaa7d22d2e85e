import type { DetectedPost } from '../core';
import { badgeWordsFor, evidenceLine, type BadgeWords } from './badge-words';
import { BADGE_CSS } from './badge-style';

export const BADGE_ATTRIBUTE = 'data-glasshouse-badge';

let badgeSheet: CSSStyleSheet | null | undefined;
/** One constructed sheet shared by every badge; null where the browser will not make one. */
function sheet(): CSSStyleSheet | null {
  if (badgeSheet === undefined) {
    try {
      badgeSheet = new CSSStyleSheet();
      badgeSheet.replaceSync(BADGE_CSS);
    } catch {
      badgeSheet = null;
    }
  }
  return badgeSheet;
}

/** Whether shadow roots take the shared sheet; once refused, every badge gets a <style> without trying. */
let adoptable = true;

function applyStyle(root: ShadowRoot): void {
  const shared = adoptable ? sheet() : null;
  if (shared) {
    try {
      root.adoptedStyleSheets = [shared];
      return;
    } catch {
      // Firefox's content-script compartments may refuse a sheet made in another one.
      adoptable = false;
    }
  }
  const style = document.createElement('style');
  style.textContent = BADGE_CSS;
  root.append(style);
}

interface BadgeParts {
  host: HTMLElement;
  button: HTMLButtonElement;
  label: HTMLSpanElement;
  details: HTMLDivElement;
  words: BadgeWords;
  post: DetectedPost;
}

/** Keyed by host (is it ours?) and by button (which badge was pressed?). */
const parts = new WeakMap<Element, BadgeParts>();

/** Was this badge made by this content script (not copied by the page along with a post)? */
export const isLiveBadge = (element: Element): boolean => parts.get(element)?.host === element;

/**
 * What a badge shows for one reading, built once and cloned for each badge with that reading:
 * the pill (dot and text) and its explanation, hidden and filled when first pressed.
 */
const shownFor = new WeakMap<BadgeWords, DocumentFragment>();

function shown(words: BadgeWords): DocumentFragment {
  let fragment = shownFor.get(words);
  if (!fragment) {
    fragment = document.createDocumentFragment();
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'pill';
    button.setAttribute('aria-expanded', 'false');
    const dot = document.createElement('span');
    dot.className = 'dot';
    dot.setAttribute('aria-hidden', 'true');
    button.append(dot, document.createElement('span'));
    const details = document.createElement('div');
    details.className = 'details';
    details.setAttribute('role', 'note');
    details.hidden = true;
    fragment.append(button, details);
    label(button, button.lastElementChild as HTMLSpanElement, words);
    shownFor.set(words, fragment);
  }
  return fragment;
}

/** Text goes in with textContent and attributes only: nothing is parsed as HTML. */
function label(button: HTMLButtonElement, text: HTMLSpanElement, words: BadgeWords): void {
  button.dataset.eligible = words.eligible;
  button.setAttribute('aria-label', words.accessibleName);
  button.title = words.short;
  text.textContent = words.short;
}

function paragraph(text: string, className: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = className;
  p.textContent = text;
  return p;
}

/** The explanation is built when it is shown: most badges are never pressed. */
function explain(badge: BadgeParts): void {
  const { words, post } = badge;
  badge.details.replaceChildren(
    paragraph(words.reason, 'reason'),
    paragraph(evidenceLine(words, post.audienceSource), 'evidence'),
    ...(words.disagreement ? [paragraph(words.disagreement, 'evidence')] : []),
    paragraph(words.advice, 'advice'),
  );
}

/** One handler for every badge's button: it finds its badge, rather than a closure per badge. */
function onPress(event: Event): void {
  // The badge sits inside the post's links and click handlers: the page must not see this click.
  event.preventDefault();
  event.stopPropagation();
  const badge = parts.get(event.currentTarget as Element);
  if (!badge) return;
  const open = badge.details.hidden;
  if (open) explain(badge);
  badge.details.hidden = !open;
  badge.button.setAttribute('aria-expanded', String(open));
}

const keepFromPage = (event: Event) => event.stopPropagation();

function create(post: DetectedPost, words: BadgeWords): BadgeParts {
  const host = document.createElement('span');
  host.setAttribute(BADGE_ATTRIBUTE, '');
  // Closed: the page's scripts and CSS cannot reach or restyle what the badge shows.
  const root = host.attachShadow({ mode: 'closed' });
  applyStyle(root);
  const content = shown(words).cloneNode(true) as DocumentFragment;
  const button = content.firstElementChild as HTMLButtonElement;
  const badge: BadgeParts = {
    host,
    button,
    label: button.lastElementChild as HTMLSpanElement,
    details: content.lastElementChild as HTMLDivElement,
    words,
    post,
  };
  root.append(content);
  button.addEventListener('click', onPress);
  for (const type of ['mousedown', 'pointerdown', 'pointerup', 'mouseup']) host.addEventListener(type, keepFromPage);
  parts.set(host, badge);
  parts.set(button, badge);
  return badge;
}

/** Makes or updates a badge for a post. */
export function renderBadge(post: DetectedPost, existing?: HTMLElement): HTMLElement {
  const words = badgeWordsFor(post);
  const known = existing && parts.get(existing);
  const badge = known ?? create(post, words);
  const host = badge.host;
  host.dataset.audience = post.audience;
  host.dataset.eligible = words.eligible;
  host.dataset.evidence = post.evidence;
  if (known) {
    if (known.words !== words) label(known.button, known.label, words);
    known.words = words;
    known.post = post;
    // An open explanation follows the new reading at once; a closed one is rebuilt when opened.
    if (!known.details.hidden) explain(known);
  }
  return host;
}
