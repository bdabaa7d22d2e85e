import { SITES, type AccountObservation, type DetectedPost, type Platform } from '../core';
import { ADAPTERS, pickAdapter } from '../platforms';
import type { PlatformAdapter, Viewer } from '../platforms/adapter';
import { harResponses, type HarResponse } from './har';
import { absoluteHttpUrl, declaredAddresses, savedFromComment } from './page-address';

export type PageAudit =
  | { recognised: false }
  | { recognised: true; url: string; platform: Platform; viewer: Viewer | null; posts: DetectedPost[]; accounts: AccountObservation[] };

export interface AuditOptions {
  /** The address the file was saved from (`--url`). */
  url?: string;
  /** Who is logged in (`--viewer`), when the file does not say. */
  viewer?: string;
}

/** Where saved data that names no address is read as having come from: the site's home page. */
const homeOf = (adapter: PlatformAdapter) => `${SITES[adapter.id].origin}/`;

/** The comment savers write sits at the very top of the file. */
const HEAD_BYTES = 8192;

/**
 * A saved page as a document, parsed by linkedom: the readers need selectors, attributes and text,
 * not a browser, and it reads the real pages with the same verdicts as jsdom at a tenth of the cost
 * (bench/RESULTS.md, figure 5). Scripts are not run, nothing is fetched. Loaded on first use, so
 * --help and usage errors do not wait for it.
 */
export async function parseSavedPage(html: Buffer | string): Promise<Document> {
  const { parseHTML } = await import('linkedom');
  return parseHTML(typeof html === 'string' ? html : html.toString('utf8')).document as unknown as Document;
}

/** The comment a saver writes at the top of the file, as read from its first bytes. */
export const savedPageHead = (html: Buffer | string): string =>
  typeof html === 'string' ? html.slice(0, HEAD_BYTES) : html.subarray(0, HEAD_BYTES).toString('latin1');

/**
 * Reads a parsed saved page the way the content script reads a live one: the platform's adapter, on
 * the page's document, at the address it was saved from (`head`: the file's first bytes).
 */
export function readSavedPage(doc: Document, head: string, explicitUrl?: string, viewer?: string): PageAudit {
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
  // The session reads the page against the address it was saved from, as in the browser.
  const session = adapter.openSession(doc, { url: url.href, ...(viewer ? { viewerId: viewer } : {}) });
  const posts = [...session.scan(doc).map((item) => item.post), ...session.dataOnlyPosts()];
  return { recognised: true, url: url.href, platform: adapter.id, viewer: session.viewer, posts, accounts: session.accounts() };
}

/** One saved page, parsed then read. */
export async function auditPage(html: Buffer | string, explicitUrl?: string, viewer?: string): Promise<PageAudit> {
  return readSavedPage(await parseSavedPage(html), savedPageHead(html), explicitUrl, viewer);
}

/** Reads data answers as the content script reads the ones the page receives, on an empty page of the site. */
async function auditAnswers(adapter: PlatformAdapter, bodies: string[], url: string, viewer?: string): Promise<PageAudit> {
  const doc = await parseSavedPage('<!DOCTYPE html><html><head></head><body></body></html>');
  const session = adapter.openSession(doc, { url, ...(viewer ? { viewerId: viewer } : {}) });
  for (const body of bodies) session.readNetworkPayload(body);
  const posts = session.dataOnlyPosts();
  const accounts = session.accounts();
  if (!session.viewer && posts.length === 0 && accounts.length === 0) return { recognised: false };
  return { recognised: true, url, platform: adapter.id, viewer: session.viewer, posts, accounts };
}

/** A data answer saved alone: the site is `--url`'s, else the first whose reader finds something in it. */
export async function auditAnswer(text: string, options: AuditOptions = {}): Promise<PageAudit> {
  const given = options.url ? absoluteHttpUrl(options.url) : undefined;
  const adapters = given ? [pickAdapter(given)].filter((a) => a !== undefined) : Object.values(ADAPTERS);
  for (const adapter of adapters) {
    const audit = await auditAnswers(adapter, [text], given?.href ?? homeOf(adapter), options.viewer);
    if (audit.recognised) return audit;
  }
  return { recognised: false };
}

const NUMERIC_ID = /^\d{1,30}$/;

/** A HAR recording: each site's answers read in order, its pages as pages; the viewer from the recorded cookies. */
export async function auditHar(responses: HarResponse[], options: AuditOptions = {}): Promise<PageAudit[]> {
  const audits: PageAudit[] = [];
  for (const adapter of Object.values(ADAPTERS)) {
    const mine = responses.filter((response) => {
      const url = absoluteHttpUrl(response.url);
      return url !== undefined && pickAdapter(url) === adapter;
    });
    if (mine.length === 0) continue;
    const recorded = mine.map((r) => r.cookies.get(adapter.viewerCookie)).find((id) => id !== undefined && NUMERIC_ID.test(id));
    const viewer = options.viewer ?? recorded;
    for (const page of mine.filter((r) => r.isPage)) audits.push(await auditPage(page.body, page.url, viewer));
    const answers = mine.filter((r) => !r.isPage).map((r) => r.body);
    if (answers.length > 0) audits.push(await auditAnswers(adapter, answers, homeOf(adapter), viewer));
  }
  return audits;
}

/** Any file the command line is given: a saved page, a data answer, or a HAR recording. */
export async function auditFile(bytes: Buffer, options: AuditOptions = {}): Promise<PageAudit[]> {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const start = text.trimStart().charAt(0);
  if (start === '<') return [await auditPage(bytes, options.url, options.viewer)];
  if (start === '{' && text.includes('"log"')) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    const responses = harResponses(value);
    if (responses) return auditHar(responses, options);
  }
  return [await auditAnswer(text, options)];
}
