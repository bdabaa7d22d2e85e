/**
 * The report page shows the charts src/report/html.ts draws for the HTML file (one chart code).
 * That markup is built with every label escaped; it is still not handed to the page as HTML: it is
 * parsed in an inert document and rebuilt here element by element, keeping only the elements and
 * attributes a chart uses. A script, an event handler, a link, a `url(…)` or a style other than a
 * legend swatch's colour cannot come through.
 */

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const SVG_NS = 'http://www.w3.org/2000/svg';

const ELEMENTS: Record<string, ReadonlySet<string>> = {
  [HTML_NS]: new Set(['section', 'h2', 'figure', 'figcaption', 'p', 'ul', 'li', 'span']),
  [SVG_NS]: new Set(['svg', 'line', 'rect', 'text', 'title']),
};

const ATTRIBUTES = new Set([
  'class',
  'id',
  'role',
  'aria-label',
  'aria-labelledby',
  'viewBox',
  'x',
  'y',
  'x1',
  'y1',
  'x2',
  'y2',
  'width',
  'height',
  'stroke-width',
  'text-anchor',
  'font-size',
]);

/** Attributes whose value must be a plain colour: `url(…)` there could make Firefox fetch an outside resource. */
const COLOUR_ATTRIBUTES = new Set(['fill', 'stroke']);
const COLOUR = /^#[0-9a-f]{3,8}$/i;

/** The legend swatches' colour, and nothing else. */
const SWATCH_STYLE = /^background:#[0-9a-f]{6}$/i;

function allowed(name: string, value: string): boolean {
  if (ATTRIBUTES.has(name)) return true;
  if (COLOUR_ATTRIBUTES.has(name)) return COLOUR.test(value);
  return name === 'style' && SWATCH_STYLE.test(value);
}

function rebuild(node: Node, into: Document): Node | null {
  if (node.nodeType === Node.TEXT_NODE) return into.createTextNode(node.textContent ?? '');
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const element = node as Element;
  const namespace = element.namespaceURI ?? '';
  if (!ELEMENTS[namespace]?.has(element.localName)) return null;
  const copy = into.createElementNS(namespace, element.localName);
  for (const attribute of element.attributes) {
    if (allowed(attribute.name, attribute.value)) copy.setAttribute(attribute.name, attribute.value);
  }
  for (const child of element.childNodes) {
    const rebuilt = rebuild(child, into);
    if (rebuilt) copy.append(rebuilt);
  }
  return copy;
}

/** The chart markup as nodes of `into`, through the allow-list above. */
export function chartNodes(markup: string, into: Document = document): DocumentFragment {
  const inert = new DOMParser().parseFromString(markup, 'text/html');
  const fragment = into.createDocumentFragment();
  for (const child of inert.body.childNodes) {
    const rebuilt = rebuild(child, into);
    if (rebuilt) fragment.append(rebuilt);
  }
  return fragment;
}
