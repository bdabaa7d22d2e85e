/**
 * One cookie of the page (`document.cookie`), decoded; undefined when absent or malformed. A
 * malformed value must not throw: the reader runs inside the page, and a throw there would
 * silently switch the extension off on that page.
 */
export function readCookie(doc: Document, name: string): string | undefined {
  // A document without cookies (a saved page read outside a browser) has none to give.
  for (const part of (doc.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join('='));
    } catch {
      return undefined;
    }
  }
  return undefined;
}
