import type { AccountObservation, DetectedPost, Platform } from '../core';

/** Who is logged in on the page; `null` when nobody is. */
export interface Viewer {
  id: string;
  /** The profile path name ("alice.martin"), when the page tells it. */
  username?: string;
  name?: string;
}

/** Counts what could not be read, so a page whose markup changed shows in the popup. */
export class DetectionDiagnostics {
  errors = 0;
  private readonly unknownPosts = new Set<string>();
  lastError: string | undefined;
  readonly unreadLabels = new Map<string, number>();

  /** Posts whose audience could not be read, each counted once however often it is rescanned. */
  get unknownAudiences(): number {
    return this.unknownPosts.size;
  }

  unknownPost(postId: string): void {
    if (this.unknownPosts.size < 100_000) this.unknownPosts.add(postId);
  }

  knownPost(postId: string): void {
    this.unknownPosts.delete(postId);
  }

  unread(label: string): void {
    const key = label.slice(0, 120);
    if (this.unreadLabels.size >= 200 && !this.unreadLabels.has(key)) return;
    this.unreadLabels.set(key, (this.unreadLabels.get(key) ?? 0) + 1);
  }

  /** Carries the counts of an earlier page of the same tab over (in-site navigation). */
  absorb(earlier: DetectionDiagnostics): void {
    this.errors += earlier.errors;
    this.lastError ??= earlier.lastError;
    for (const id of earlier.unknownPosts) this.unknownPost(id);
    for (const [label, count] of earlier.unreadLabels) this.unreadLabels.set(label, (this.unreadLabels.get(label) ?? 0) + count);
  }

  error(error: unknown): void {
    this.errors += 1;
    this.lastError = String(error instanceof Error ? error.message : error).slice(0, 300);
  }
}

/** One post or comment found on the page; `element` is null for posts known only from data. */
export interface ScannedItem {
  post: DetectedPost;
  element: Element | null;
  /** Where its badge goes, inside the item's container. */
  badgeAnchor: Element | null;
}

/** A page of a site, read for as long as it is open: its data, its viewer, its posts. */
export interface PageSession {
  readonly viewer: Viewer | null;
  /** Reads embedded data from script elements (the page's own, or newly added ones). */
  readScripts(scripts: Iterable<Element>): void;
  /** Reads a network response the page received (through the page-world bridge); returns the ids of posts it changed. */
  readNetworkPayload(text: string): string[];
  /**
   * The tab moved to another address of the site without reloading: what the page told so far
   * (its viewer, the data that arrived just before, often the new page's first posts) stays known.
   */
  navigate(url: string): void;
  /** Items inside `root` (inclusive). */
  scan(root: ParentNode): ScannedItem[];
  /**
   * Where a post left unread (someone else's, with `readOthers` false) sits on the page, by any of
   * its ids: data arriving about it (it may turn out to be the viewer's) has it read again.
   */
  unreadPost?(postId: string): Element | undefined;
  /** The item container `node` belongs to, so a change inside a post rescans that post. */
  itemContaining(node: Node): Element | null;
  /** Posts known from data but not (yet) rendered on the page. */
  dataOnlyPosts(): DetectedPost[];
  /** Accounts whose privacy the page showed (Instagram). */
  accounts(): AccountObservation[];
  readonly diagnostics: DetectionDiagnostics;
}

export interface SessionOptions {
  /** The page's address; the document's own when omitted. */
  url?: string;
  /** Keep a short text excerpt of each post (the user's setting). */
  keepExcerpts?: boolean;
  /** Instagram: the viewer's account privacy the worker stored, for pages that do not show it. */
  knownAccount?: { accountId: string; privacy: 'public' | 'private'; seenAt: number };
  /** Who is logged in, when the caller knows it and the page may not say (a saved answer, the CLI's --viewer). */
  viewerId?: string;
  /**
   * Read other people's posts in full (their audience, excerpt, comments) and return them: true
   * unless said. The content script says false when the user badges only their own posts: then a
   * post that is not the viewer's and holds no comment of theirs is left after the cheap checks
   * (Facebook), and someone else's comment is left as soon as its author is read (both sites);
   * someone else's post on Instagram is left when nothing in it links to the viewer; and posts known
   * only from the page's data are returned only when they are the viewer's (both sites).
   */
  readOthers?: boolean;
  /** The clock, injectable for tests. */
  now?: () => number;
}

export interface PlatformAdapter {
  id: Platform;
  /** The cookie that says who is logged in (a HAR file's requests carry it). */
  viewerCookie: string;
  /** Attributes an audience is read from: a change to one of them on the page makes its post read again. */
  labelAttributes: readonly string[];
  viewer(doc: Document): Viewer | null;
  /** `now` is injectable for tests; sessions stamp nothing themselves. */
  openSession(doc: Document, options?: SessionOptions): PageSession;
  /**
   * Where the user changes who can see it, for the guided fix to point at (never to press): inside
   * a post's container its own audience control; with no container, the account's privacy setting
   * shown on this page. Null when the page shows none.
   */
  fixControl(doc: Document, container: Element | null): Element | null;
}
