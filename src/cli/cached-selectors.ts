/**
 * linkedom's selector engine, css-select, with each selector compiled once instead of at every call.
 *
 * linkedom compiles the selector anew on every `matches`, `closest`, `querySelector` and
 * `querySelectorAll` (linkedom 0.18, esm/shared/matches.js), and the site readers call these thousands
 * of times per page with a few dozen selectors: on a saved 2,000-post page, parsing and compiling
 * selectors was a quarter of the audit's CPU, more than parsing the page (bench/notes/exports.md).
 * bin/build-cli.js points linkedom's import of 'css-select' here, and this module's own import of it at
 * the real one. A selector compiled without a context element (no `:scope`) does not depend on the
 * element it is tested against, so it is kept; one with a context is compiled each time, as before.
 */
import * as cssSelect from 'css-select';

type Matcher = ((element: unknown) => boolean) & { shouldTestNextSiblings?: boolean };
interface CompileOptions {
  adapter?: object;
  xmlMode?: boolean;
  strict?: boolean;
  context?: unknown;
}

const real = cssSelect as unknown as {
  compile(selector: unknown, options?: CompileOptions, context?: unknown): Matcher;
};

/** Selectors kept per adapter; a page's readers use a few dozen, the bound only guards against selectors built from data. */
const MOST_KEPT = 2048;
const kept = new WeakMap<object, Map<string, Matcher>>();
const NO_ADAPTER = {};

export function compile(selector: unknown, options?: CompileOptions, context?: unknown): Matcher {
  if (typeof selector !== 'string' || options?.context !== undefined || context !== undefined)
    return real.compile(selector, options, context);
  const adapter = options?.adapter ?? NO_ADAPTER;
  let compiled = kept.get(adapter);
  if (!compiled) kept.set(adapter, (compiled = new Map()));
  const key = `${options?.xmlMode ? 'xml' : 'html'}${options?.strict ? ' strict' : ''}\n${selector}`;
  let matcher = compiled.get(key);
  if (!matcher) {
    if (compiled.size >= MOST_KEPT) compiled.clear();
    matcher = real.compile(selector, options);
    compiled.set(key, matcher);
  }
  return matcher;
}

/** css-select's `is`: the element matches the query (a selector, or a function compiled before). */
export function is(element: unknown, query: unknown, options?: CompileOptions): boolean {
  return (typeof query === 'function' ? (query as Matcher) : compile(query, options))(element);
}
