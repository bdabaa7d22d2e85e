import { JSDOM } from 'jsdom';
import { expect } from 'vitest';

const FORBIDDEN_ELEMENTS =
  'script, iframe, frame, object, embed, img, image, use, base, link, form, video, audio, source, meta[http-equiv="refresh" i]';
const URL_ATTRIBUTES = new Set(['src', 'srcset', 'xlink:href', 'action', 'formaction', 'background', 'poster', 'data']);

/** What in an element could run code or fetch something; empty when nothing. */
function problemsOf(element: Element): string[] {
  const problems: string[] = [];
  for (const attribute of element.attributes) {
    const name = attribute.name.toLowerCase();
    const value = attribute.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
    const where = `<${element.tagName.toLowerCase()} ${name}="${attribute.value.slice(0, 80)}">`;
    if (name.startsWith('on')) problems.push(`event handler ${where}`);
    if (URL_ATTRIBUTES.has(name)) problems.push(`resource attribute ${where}`);
    if (/^(javascript|vbscript|data):/.test(value)) problems.push(`script URL ${where}`);
    if (name === 'style' && !/^background:#[0-9a-f]{6}$/.test(attribute.value)) problems.push(`style ${where}`);
    if (name === 'href') {
      let url: URL | undefined;
      try {
        url = new URL(attribute.value);
      } catch {
        url = undefined;
      }
      const linkable = url && /^https?:$/.test(url.protocol) && /(^|\.)(facebook|instagram)\.com$/.test(url.hostname);
      if (element.tagName !== 'A' || element.getAttribute('rel') !== 'noreferrer noopener' || !linkable) problems.push(`link ${where}`);
    }
  }
  return problems;
}

/**
 * Parses report HTML as a browser would and asserts it can run nothing and load nothing: no script
 * element, no event-handler attribute, no javascript: URL, no src at all, and the only hrefs are
 * links to posts on facebook.com or instagram.com with rel="noreferrer noopener".
 */
export function expectInertHtml(html: string): Document {
  const doc = new JSDOM(html).window.document;
  const problems = [...doc.querySelectorAll(FORBIDDEN_ELEMENTS)].map((element) => `element <${element.tagName.toLowerCase()}>`);
  for (const element of doc.querySelectorAll('*')) problems.push(...problemsOf(element));
  for (const style of doc.querySelectorAll('style')) {
    if (/url\(|@import|expression\(/i.test(style.textContent ?? '')) problems.push('style sheet loads something');
  }
  if (/<script/i.test(html)) problems.push('"<script" in the text');
  expect(problems).toEqual([]);
  return doc;
}
