import type { DetectedPost } from '../core';
import { t } from '../lib/i18n';
import { badgeTextFor } from './badge-text';
import { BADGE_CSS } from './badge-style';

export const BADGE_ATTRIBUTE = 'data-glasshouse-badge';

let badgeSheet: CSSStyleSheet | null | undefined;
/** One constructed sheet shared by every badge; a <style> where the browser will not adopt it. */
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

function applyStyle(root: ShadowRoot): void {
  const shared = sheet();
  try {
    if (shared) {
      root.adoptedStyleSheets = [shared];
      return;
    }
  } catch {
    // Firefox's content-script compartments may refuse a sheet made in another one.
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
}

const parts = new WeakMap<Element, BadgeParts>();

/** Was this badge made by this content script (not copied by the page along with a post)? */
export const isLiveBadge = (element: Element): boolean => parts.has(element);

function create(): BadgeParts {
  const host = document.createElement('span');
  host.setAttribute(BADGE_ATTRIBUTE, '');
  // Closed: the page's scripts and CSS cannot reach or restyle what the badge shows.
  const root = host.attachShadow({ mode: 'closed' });
  applyStyle(root);
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'pill';
  button.setAttribute('aria-expanded', 'false');
  const dot = document.createElement('span');
  dot.className = 'dot';
  dot.setAttribute('aria-hidden', 'true');
  const label = document.createElement('span');
  button.append(dot, label);
  const details = document.createElement('div');
  details.className = 'details';
  details.setAttribute('role', 'note');
  details.hidden = true;
  button.addEventListener('click', (event) => {
    // The badge sits inside the post's links and click handlers: the page must not see this click.
    event.preventDefault();
    event.stopPropagation();
    details.hidden = !details.hidden;
    button.setAttribute('aria-expanded', String(!details.hidden));
  });
  for (const type of ['mousedown', 'pointerdown', 'pointerup', 'mouseup']) host.addEventListener(type, (e) => e.stopPropagation());
  root.append(button, details);
  const made = { host, button, label, details };
  parts.set(host, made);
  return made;
}

function paragraph(text: string, className: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = className;
  p.textContent = text;
  return p;
}

/** Makes or updates a badge for a post. Text goes in with textContent only: nothing is parsed as HTML. */
export function renderBadge(post: DetectedPost, existing?: HTMLElement): HTMLElement {
  const badge = (existing && parts.get(existing)) ?? create();
  const text = badgeTextFor(post);
  const audience = t(text.audienceKey);
  const short = text.eligible === 'no' ? t(text.labelKey, [audience]) : t(text.labelKey);
  badge.host.dataset.audience = post.audience;
  badge.host.dataset.eligible = text.eligible;
  badge.host.dataset.evidence = post.evidence;
  badge.button.dataset.eligible = text.eligible;
  badge.label.textContent = short;
  badge.button.setAttribute('aria-label', t('badgeAccessibleName', [short, t(text.evidenceKey)]));
  badge.button.title = short;
  const source = post.audienceSource ? t('badgeSource', [post.audienceSource]) : '';
  badge.details.replaceChildren(
    paragraph(t(text.reasonKey), 'reason'),
    paragraph(`${t(text.evidenceKey)}${source ? ` ${source}` : ''}`, 'evidence'),
    ...(post.disagreement
      ? [
          paragraph(
            t('badgeDisagreement', [
              t(`audience_${post.disagreement.audience}`),
              t(`evidence_${post.disagreement.evidence.replace('-', '_')}`),
            ]),
            'evidence',
          ),
        ]
      : []),
    paragraph(t(text.adviceKey), 'advice'),
  );
  return badge.host;
}
