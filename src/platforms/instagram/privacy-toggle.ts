import { isElement } from '../dom';
import { IG, PRIVATE_ACCOUNT_LABELS } from './selectors';

export type ToggleReading = { privacy: 'public' | 'private'; label: string } | { unread: string } | null;

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim().toLocaleLowerCase();

let labelIndex: Set<string> | undefined;
/** Every language's label: the setting means the same in all, so no language has to be guessed first. */
function privateAccountLabels(): Set<string> {
  labelIndex ??= new Set(Object.values(PRIVATE_ACCOUNT_LABELS).flatMap((labels) => labels.map(normalize)));
  return labelIndex;
}

/** Texts of the leaves under `element`: a row's label sits in its own span beside the toggle. */
function leafTexts(element: Element): string[] {
  const texts: string[] = [];
  for (const node of [element, ...element.querySelectorAll('*')]) {
    if (node.childElementCount > 0) continue;
    const text = node.textContent?.trim();
    if (text) texts.push(text);
  }
  return texts;
}

/** What names a toggle: aria-label, aria-labelledby, a <label>, else the texts of its row. */
function labelsOf(toggle: Element, doc: Document): string[] {
  const labels: string[] = [];
  const aria = toggle.getAttribute('aria-label');
  if (aria) labels.push(aria);
  for (const id of (toggle.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)) {
    const text = doc.getElementById(id)?.textContent;
    if (text) labels.push(text);
  }
  const id = toggle.getAttribute('id');
  if (id) for (const label of doc.querySelectorAll(IG.labelFor)) if (label.getAttribute('for') === id) labels.push(...leafTexts(label));
  const enclosing = toggle.closest(IG.label);
  if (enclosing) labels.push(...leafTexts(enclosing));
  // The row: the nearest ancestors holding this toggle and no other.
  for (let row = toggle.parentElement, up = 0; row && up < 5; row = row.parentElement, up += 1) {
    if (row.querySelectorAll(IG.toggle).length > 1) break;
    labels.push(...leafTexts(row));
  }
  return labels;
}

function isOn(toggle: Element): boolean {
  if (toggle.localName === 'input') return (toggle as HTMLInputElement).checked;
  return toggle.getAttribute('aria-checked') === 'true';
}

/**
 * The "Private account" toggle of the privacy settings page (docs/FACTS.md#fixing-exposure; no real copy of the page was ever seen: docs/FACTS.md#instagram-account-privacy): on = private, off =
 * public. A toggle whose label is not in the vocabulary is never guessed: it comes back unread.
 */
export function readPrivacyToggle(doc: Document): ToggleReading {
  const found = findPrivacyToggle(doc);
  if (!found) return null;
  if ('unread' in found) return found;
  return { privacy: isOn(found.toggle) ? 'private' : 'public', label: found.label };
}

/** The "Private account" toggle itself, for the guided fix to point at; null when no toggle's label is known. */
export function privacyToggleElement(doc: Document): Element | null {
  const found = findPrivacyToggle(doc);
  return found && 'toggle' in found ? found.toggle : null;
}

function findPrivacyToggle(doc: Document): { toggle: Element; label: string } | { unread: string } | null {
  const scope = doc.querySelector(IG.main) ?? doc.body;
  if (!scope || !isElement(scope)) return null;
  const known = privateAccountLabels();
  let firstUnread: string | undefined;
  for (const toggle of scope.querySelectorAll(IG.toggle)) {
    const labels = labelsOf(toggle, doc);
    const label = labels.find((text) => known.has(normalize(text)));
    if (label) return { toggle, label: label.trim() };
    firstUnread ??= labels[0]?.trim();
  }
  return firstUnread ? { unread: firstUnread } : null;
}
