import { sameSource, type AudienceSource, type DetectedPost } from '../core';
import type { ScannedItem } from '../platforms/adapter';
import { isElement } from '../platforms/dom';
import { badgeWordsFor, evidenceLine, type BadgeWords } from './badge-words';

/**
 * A badge: a host element carrying the reading as attributes (what tests and pages may read), and in
 * its closed shadow root one button showing it, the explanation made when first pressed.
 */
export const BADGE_ATTRIBUTE = 'data-glasshouse-badge';
/** The host's element: a span, so a badge sits in its post's line as text would. */
const HOST_TAG = 'span';
/**
 * Badge hosts, ours and copies of them (a copy keeps its tag). With the tag, Chromium rejects every other
 * element by its name before it looks at attributes: looking for copies in a heavy post (~840 elements
 * with a dozen attributes each) took 6 µs instead of 28 (bench/notes/page-overhead-heavy.md).
 */
const BADGE_HOSTS = `${HOST_TAG}[${BADGE_ATTRIBUTE}]`;

/**
 * What a badge looks like at rest, as inline styles: the host's box on the host (which also beats the
 * page's own rules, as a `:host` rule did not), the pill's inside the closed shadow root, where the
 * page's CSS cannot reach them. Not a stylesheet, because every shadow root that adopts one is one more
 * style scope for the page's style recalculations to take into account: in figure 1 the one shared sheet,
 * adopted by 1,834 badges, was 80-100 ms of the page's style time, as much with the badges hidden, and
 * its cost per badge grew with the badges already on the page; styled inline, a badge costs about what
 * an unstyled one does (bench/notes/page-overhead.md, change 2: ×1.31 → ×1.29, lower in 6 of 7 rounds).
 * What the look is made of (a native button, a flex box with a drawn dot, border, rounded corners, the
 * system-ui font) made no measurable difference, so the look is the one it was, pixel for pixel.
 * Also cheap to render: a box of fixed height, no z-index or positioning of its own (each would be one
 * more layer for the page's paints to sort), no `contain` (it made every badge its own stacking context,
 * one more paint layer per post: ×1.80 with it, ×1.38 without, change 1). Dark mode through
 * light-dark(), which follows the user's colour scheme as a `prefers-color-scheme` query would.
 */
const HOST_STYLE = 'all: initial; display: inline-block; vertical-align: middle; margin: 0 6px; height: 20px;';
const PILL_STYLE =
  'all: unset; box-sizing: border-box; height: 20px; display: inline-flex; align-items: center; gap: 5px; padding: 0 8px;' +
  ' border-radius: 999px; white-space: nowrap; font: 600 12px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;' +
  ' cursor: pointer; border: 1px solid currentColor; color-scheme: light dark;';
/** Per reading: text and background, light then dark. */
const PILL_COLOURS: Record<BadgeWords['eligible'], string> = {
  yes: 'color: light-dark(#a51d2d, #ff8a8a); background: light-dark(#fdecec, #3a1e1e);',
  no: 'color: light-dark(#1d6b35, #8fd8a5); background: light-dark(#e8f5ec, #1c3324);',
  unknown: 'color: light-dark(#5e5c64, #c0bfc4); background: light-dark(#f1f1f3, #2f2f33);',
};
/** The dot: an empty flex item, as a `::before` would need a stylesheet. */
const DOT_STYLE = 'flex: none; width: 8px; height: 8px; border-radius: 50%; background: currentColor;';

/**
 * The rest of the look, adopted by a badge's shadow root only once it is focused or pressed (most
 * never are): the focus ring (important, to win over the pill's inline `all: unset`) and the
 * explanation, which overlays the page from where it would start in the flow (absolute, without
 * offsets), so the host needs no position.
 */
const BADGE_CSS = `
.pill:focus-visible { outline: 3px solid #1a5fb4 !important; outline-offset: -3px !important; }
.details { position: absolute; z-index: 2147483647; margin-top: 4px; width: 300px; max-width: 80vw; padding: 10px 12px;
  border-radius: 8px; background: #fff; color: #1c1c1e; box-shadow: 0 4px 16px rgba(0,0,0,.25);
  font: 400 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; white-space: normal; }
.details[hidden] { display: none; }
.details p { margin: 0 0 6px; }
.details p:last-child { margin: 0; }
.evidence { color: #5e5c64; font-size: 12px; overflow-wrap: anywhere; }
@media (prefers-color-scheme: dark) {
  .details { background: #242526; color: #e4e6eb; }
  .evidence { color: #b0b3b8; }
}
`;

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
  /** Whether the root holds the stylesheet yet: adopted at the first focus or press. */
  styled: boolean;
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

/** Text goes in with text nodes and attributes only: nothing is parsed as HTML. */
function label(button: HTMLButtonElement, words: BadgeWords): void {
  button.dataset.eligible = words.eligible;
  button.style.cssText = PILL_STYLE + PILL_COLOURS[words.eligible];
  button.setAttribute('aria-label', words.accessibleName);
  button.title = words.short;
  const dot = document.createElement('span');
  dot.style.cssText = DOT_STYLE;
  button.replaceChildren(dot, words.short);
}

/** Gives a badge's root the stylesheet, once: the badges no one focuses or presses never carry one. */
function styleOnce(badge: BadgeParts): void {
  if (badge.styled) return;
  badge.styled = true;
  applyStyle(badge.root);
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
    styleOnce(badge);
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

/** The badge an event happened in, if any: from outside its closed root, the path ends at its host. */
function badgeOf(event: Event): BadgeParts | undefined {
  for (const node of event.composedPath()) {
    const badge = parts.get(node as Element);
    if (badge?.host === node) return badge;
  }
  return undefined;
}

/**
 * What every badge needs besides its button's click, listened for once per window rather than six
 * listeners per badge (about a fifth of building a badge, bench/notes/page-overhead.md): a press on a
 * badge is kept from the page (a post's own handlers would open it or start a drag), stopped in the
 * capture phase at the window, so none of the page's handlers on the document or below it sees it,
 * capturing or bubbling (before, its capturing ones did; only a capturing handler on the window itself,
 * added before the first badge, still does); and a badge takes its stylesheet when first focused. The
 * click itself is left to the button's listener, which knows the button from the explanation; from
 * outside the closed root they are one host.
 */
const PRESS_EVENTS = ['mousedown', 'pointerdown', 'pointerup', 'mouseup'] as const;
const guarded = new WeakSet<EventTarget>();

function guardBadgesIn(view: EventTarget): void {
  if (guarded.has(view)) return;
  guarded.add(view);
  const keepFromPage = (event: Event) => {
    if (badgeOf(event)) event.stopPropagation();
  };
  for (const type of PRESS_EVENTS) view.addEventListener(type, keepFromPage, true);
  view.addEventListener(
    'focusin',
    (event) => {
      const badge = badgeOf(event);
      if (badge) styleOnce(badge);
    },
    true,
  );
}

let hostPrototype: HTMLSpanElement | undefined;

function create(post: DetectedPost, words: BadgeWords): BadgeParts {
  // Cloned, not built: its inline style (an `all: initial` among them) is parsed once, not per badge.
  if (!hostPrototype) {
    hostPrototype = document.createElement(HOST_TAG);
    hostPrototype.setAttribute(BADGE_ATTRIBUTE, '');
    hostPrototype.style.cssText = HOST_STYLE;
  }
  const host = hostPrototype.cloneNode(false) as HTMLSpanElement;
  // Closed: the page's scripts and CSS cannot reach or restyle what the badge shows.
  const root = host.attachShadow({ mode: 'closed' });
  const button = pill(words).cloneNode(true) as HTMLButtonElement;
  root.append(button);
  button.addEventListener('click', onPress);
  guardBadgesIn(host.ownerDocument.defaultView ?? host.ownerDocument);
  const badge: BadgeParts = { host, root, button, details: null, styled: false, words, source: post.audienceSource };
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

/**
 * Puts one badge in each item's container, next to its anchor, and keeps it current. An item whose
 * reading has not changed since it was painted is left alone, so rescans cost no DOM writes. Only
 * writes: nothing here reads layout, so a frame that inserts badges lays out once.
 */
export class BadgePainter {
  private readonly painted = new WeakMap<Element, { words: BadgeWords; source: AudienceSource | undefined; badge: HTMLElement }>();

  /** True when the badge was created or changed. */
  paint(item: ScannedItem): boolean {
    const container = item.element;
    if (!container) return false;
    const { post } = item;
    // The words stand for the reading (one object per audience, evidence, advice and disagreement):
    // comparing them costs no string built per post.
    const words = badgeWordsFor(post);
    const known = this.painted.get(container);
    if (known && known.words === words && sameSource(known.source, post.audienceSource) && container.contains(known.badge)) return false;
    // A badge copied along with the page's own nodes (a cloned or re-rendered post) is an empty
    // husk without its shadow root: drop it, or the post would show two.
    for (const stray of container.querySelectorAll(BADGE_HOSTS)) if (!isLiveBadge(stray)) stray.remove();
    const badge = renderBadge(post, known?.badge);
    const anchor = item.badgeAnchor ?? container;
    if (anchor === container || !container.contains(anchor)) {
      if (badge.parentNode !== container || container.firstChild !== badge) container.prepend(badge);
    } else if (anchor.nextSibling !== badge) {
      anchor.after(badge);
    }
    this.painted.set(container, { words, source: post.audienceSource, badge });
    return true;
  }

  static isBadge(node: Node): boolean {
    return isElement(node) && node.hasAttribute(BADGE_ATTRIBUTE);
  }
}
