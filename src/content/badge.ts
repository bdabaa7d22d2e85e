import type { AudienceSource, DetectedPost } from '../core';
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
  root: ShadowRoot;
  button: HTMLButtonElement;
  /** Made when first pressed: most badges never are. */
  details: HTMLDivElement | null;
  words: BadgeWords;
  /** The label the page showed (or the site's rule), for the explanation; the rest of the post is not kept. */
  source: AudienceSource | undefined;
}

/** Keyed by host (is it ours?) and by button (which badge was pressed?). */
const parts = new WeakMap<Element, BadgeParts>();

/** Was this badge made by this content script (not copied by the page along with a post)? */
export const isLiveBadge = (element: Element): boolean => parts.get(element)?.host === element;

/** The pill for one reading, built once and cloned for each badge with that reading. */
const pillFor = new WeakMap<BadgeWords, HTMLButtonElement>();

function pill(words: BadgeWords): HTMLButtonElement {
  let button = pillFor.get(words);
  if (!button) {
    button = document.createElement('button');
    button.type = 'button';
    button.className = 'pill';
    button.setAttribute('aria-expanded', 'false');
    label(button, words);
    pillFor.set(words, button);
  }
  return button;
}

/** Text goes in with textContent and attributes only: nothing is parsed as HTML. */
function label(button: HTMLButtonElement, words: BadgeWords): void {
  button.dataset.eligible = words.eligible;
  button.setAttribute('aria-label', words.accessibleName);
  button.title = words.short;
  button.textContent = words.short;
}

function paragraph(text: string, className: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = className;
  p.textContent = text;
  return p;
}

/** The explanation of the badge's current reading, made when it is first shown. */
function explain(badge: BadgeParts): HTMLDivElement {
  const { words, source } = badge;
  if (!badge.details) {
    badge.details = document.createElement('div');
    badge.details.className = 'details';
    badge.details.setAttribute('role', 'note');
    badge.details.hidden = true;
    badge.root.append(badge.details);
  }
  badge.details.replaceChildren(
    paragraph(words.reason, 'reason'),
    paragraph(evidenceLine(words, source), 'evidence'),
    ...(words.disagreement ? [paragraph(words.disagreement, 'evidence')] : []),
    paragraph(words.advice, 'advice'),
  );
  return badge.details;
}

/** One handler for every badge's button: it finds its badge, rather than a closure per badge. */
function onPress(event: Event): void {
  // The badge sits inside the post's links and click handlers: the page must not see this click.
  event.preventDefault();
  event.stopPropagation();
  const badge = parts.get(event.currentTarget as Element);
  if (!badge) return;
  const open = badge.details?.hidden ?? true;
  const details = open ? explain(badge) : badge.details!;
  details.hidden = !open;
  badge.button.setAttribute('aria-expanded', String(open));
}

const keepFromPage = (event: Event) => event.stopPropagation();

function create(post: DetectedPost, words: BadgeWords): BadgeParts {
  const host = document.createElement('span');
  host.setAttribute(BADGE_ATTRIBUTE, '');
  // Closed: the page's scripts and CSS cannot reach or restyle what the badge shows.
  const root = host.attachShadow({ mode: 'closed' });
  applyStyle(root);
  const button = pill(words).cloneNode(true) as HTMLButtonElement;
  root.append(button);
  button.addEventListener('click', onPress);
  for (const type of ['mousedown', 'pointerdown', 'pointerup', 'mouseup']) host.addEventListener(type, keepFromPage);
  const badge: BadgeParts = { host, root, button, details: null, words, source: post.audienceSource };
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
    if (known.words !== words) label(known.button, words);
    known.words = words;
    known.source = post.audienceSource;
    // An open explanation follows the new reading at once; a closed one is rebuilt when opened.
    if (known.details && !known.details.hidden) explain(known);
  }
  return host;
}
