import type { AccountObservation, DetectedPost, Platform } from '../core';
import { pickAdapter } from '../platforms';
import type { Viewer } from '../platforms/adapter';
import { absoluteHttpUrl, declaredAddresses, savedFromComment } from './page-address';

export type PageAudit =
  | { recognised: false }
  | { recognised: true; url: string; platform: Platform; viewer: Viewer | null; posts: DetectedPost[]; accounts: AccountObservation[] };

/** The comment savers write sits at the very top of the file. */
const HEAD_BYTES = 8192;

/**
 * Reads one saved page the way the content script reads a live one: the platform's adapter, on a
 * jsdom document at the page's address. Scripts are not run and nothing is fetched (jsdom's
 * defaults); a silent console keeps jsdom's CSS complaints off stderr.
 */
export async function auditPage(html: Buffer | string, explicitUrl?: string): Promise<PageAudit> {
  // Loaded on first use: it takes a second, which --help and usage errors need not wait for.
  const { JSDOM, VirtualConsole } = await import('jsdom');
  const head = typeof html === 'string' ? html.slice(0, HEAD_BYTES) : html.subarray(0, HEAD_BYTES).toString('latin1');
  const dom = new JSDOM(html, { virtualConsole: new VirtualConsole() });
  try {
    const doc = dom.window.document;
    const candidates = explicitUrl ? [explicitUrl] : [savedFromComment(head), ...declaredAddresses(doc)];
    let url: URL | undefined;
    let adapter;
    for (const candidate of candidates) {
      const parsed = candidate === undefined ? undefined : absoluteHttpUrl(candidate);
      adapter = parsed ? pickAdapter(parsed) : undefined;
      if (adapter) {
        url = parsed;
        break;
      }
    }
    if (!url || !adapter) return { recognised: false };
    // The document takes the page's address, as in the browser it was saved from.
    dom.reconfigure({ url: url.href });
    const session = adapter.openSession(doc, { url: url.href });
    const posts = [...session.scan(doc).map((item) => item.post), ...session.dataOnlyPosts()];
    return { recognised: true, url: url.href, platform: adapter.id, viewer: session.viewer, posts, accounts: session.accounts() };
  } finally {
    dom.window.close();
  }
}
