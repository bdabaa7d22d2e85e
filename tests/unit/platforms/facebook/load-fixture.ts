import { JSDOM } from 'jsdom';

/** A fixture page as a document at a facebook.com or instagram.com address, with cookies set. */
export function loadPage(html: string, url: string, cookies: string[] = []): Document {
  const dom = new JSDOM(html, { url });
  for (const cookie of cookies) dom.window.document.cookie = cookie;
  return dom.window.document;
}
