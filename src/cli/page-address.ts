/** Where a saved page came from, read the ways browsers and savers record it; first found first. */

// Chrome's "Webpage, complete" (and IE's mark of the web): <!-- saved from url=(0052)https://… -->
const SAVED_FROM = /<!--\s*saved from url=\(\d{1,5}\)\s*(\S+?)\s*-->/i;
// SingleFile: <!-- Page saved with SingleFile \n url: https://… \n saved date: … -->
const SINGLE_FILE = /<!--\s*Page saved with SingleFile\s+url:\s*(\S+)/i;

/** The address in the comment a saver writes at the top of the file. */
export function savedFromComment(head: string): string | undefined {
  return SAVED_FROM.exec(head)?.[1] ?? SINGLE_FILE.exec(head)?.[1];
}

const relTokens = (element: Element) => (element.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);

/** The page's own statements of its address: canonical link, og:url, the x-default alternate. */
export function declaredAddresses(doc: Document): string[] {
  const links = [...doc.querySelectorAll('link[rel][href]')];
  const canonical = links.filter((link) => relTokens(link).includes('canonical')).map((link) => link.getAttribute('href')!);
  const ogUrl = [...doc.querySelectorAll('meta[property][content]')]
    .filter((meta) => meta.getAttribute('property')!.toLowerCase() === 'og:url')
    .map((meta) => meta.getAttribute('content')!);
  const xDefault = links
    .filter((link) => relTokens(link).includes('alternate') && link.getAttribute('hreflang')?.toLowerCase() === 'x-default')
    .map((link) => link.getAttribute('href')!);
  return [...canonical, ...ogUrl, ...xDefault].map((address) => address.trim()).filter((address) => address.length > 0);
}

/** An absolute http(s) URL, or undefined. */
export function absoluteHttpUrl(address: string): URL | undefined {
  try {
    const url = new URL(address);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}
