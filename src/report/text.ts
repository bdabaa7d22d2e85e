/** Text handling shared by the report formats: post text, names and URLs are hostile input. */

/** At most `max` UTF-16 units, never ending on half a surrogate pair. */
export function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/** Like `clip`, with an ellipsis where text was cut, for display. */
export function clipForDisplay(value: string, max: number): string {
  return value.length <= max ? value : `${clip(value, max - 1)}…`;
}

/**
 * Characters that reorder or hide text (Trojan Source, CVE-2021-42574): bidi embeddings, overrides
 * and isolates, directional marks, and zero-width spaces. Joiners (U+200C, U+200D) are left alone:
 * emoji sequences and several scripts need them, and they cannot reorder text.
 */
const INVISIBLE = /[\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;
// Control characters other than tab and newline show as nothing or garble a spreadsheet cell.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const LINE_SEPARATORS = /[\u2028\u2029]/g;

const codePoint = (c: string) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`;

/** Displayed text: invisible and reordering characters shown as "[U+202E]", control characters dropped. */
export function revealInvisible(value: string): string {
  return value.replace(INVISIBLE, codePoint).replace(CONTROL, '').replace(LINE_SEPARATORS, ' ');
}

/** JSON text with the same characters as \u escapes: the same data, safe to open in an editor. */
export function escapeInvisibleInJson(json: string): string {
  return json
    .replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(LINE_SEPARATORS, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The one HTML escaper of the report: every string that goes into markup or an attribute goes through it. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** `$1`, `$2`… of a message (the _locales convention) replaced by `args`. */
export function fillMessage(template: string, ...args: (string | number)[]): string {
  return template.replace(/\$([1-9])/g, (whole, n: string) => {
    const arg = args[Number(n) - 1];
    return arg === undefined ? whole : String(arg);
  });
}
