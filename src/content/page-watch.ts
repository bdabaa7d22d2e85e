import type { AccountObservation, Diagnostics, OwnFinding, Platform, Settings } from '../core';
import type { PageSession, PlatformAdapter, ScannedItem, SessionOptions } from '../platforms/adapter';
import { isElement } from '../platforms/dom';
import { BadgePainter } from './badge';
import { admitFinding } from './finding-gate';
import { FindingQueue, type SendBatch } from './finding-queue';
import { MutationBatcher } from './mutation-batcher';

const DOCUMENT_NODE = 9;

export interface PageWatchOptions {
  adapter: PlatformAdapter;
  doc: Document;
  settings: Settings;
  send: SendBatch;
  knownAccount?: SessionOptions['knownAccount'];
  now?: () => number;
}

/**
 * Everything the content script does on one page: read the page, badge its posts, queue the user's
 * own findings for the worker, and follow the page as it changes.
 */
export class PageWatch {
  readonly session: PageSession;
  readonly queue: FindingQueue;
  private readonly painter = new BadgePainter();
  private readonly batcher: MutationBatcher;
  /** What was last queued per post, so a post scrolled past again is not sent again. */
  private readonly queued = new Map<string, string>();
  private readonly sentAccounts = new Map<string, string>();
  /** Where each post was last seen on the page, so new data about it rescans just that post. */
  private readonly containers = new Map<string, WeakRef<Element>>();
  private readonly now: () => number;
  private url: string;
  /**
   * Who else wants each own finding as it is queued: the full-history scan counts them, the guided fix
   * follows its target. They get it as read, before any schema check (finding-queue.ts).
   */
  private readonly ownFindingListeners = new Set<(finding: OwnFinding) => void>();
  /** The guided fix follows the user's own account (Instagram's privacy) and in-site navigation too. */
  private readonly ownAccountListeners = new Set<(account: AccountObservation) => void>();
  private readonly navigationListeners = new Set<(url: string) => void>();

  constructor(private readonly options: PageWatchOptions) {
    this.now = options.now ?? Date.now;
    this.url = options.doc.location?.href ?? '';
    this.session = this.openSession();
    this.queue = new FindingQueue(
      options.send,
      () => this.diagnostics(),
      0,
      (finding) => {
        const { finding: admitted, problem } = admitFinding(finding);
        if (problem) this.session.diagnostics.error(problem);
        return admitted;
      },
    );
    this.batcher = new MutationBatcher(
      (roots) => this.handle(roots),
      (node) => BadgePainter.isBadge(node),
      { attributes: options.adapter.labelAttributes },
    );
  }

  private openSession(): PageSession {
    const { keepExcerpts, badgeEveryone } = this.options.settings;
    // Others' posts are read in full only to badge them: nothing else of theirs is kept.
    const options: SessionOptions = { url: this.url, keepExcerpts, readOthers: badgeEveryone, now: this.now };
    if (this.options.knownAccount) options.knownAccount = this.options.knownAccount;
    return this.options.adapter.openSession(this.options.doc, options);
  }

  get platform(): Platform {
    return this.options.adapter.id;
  }

  start(): void {
    this.handle([this.options.doc]);
    this.batcher.start(this.options.doc);
  }

  stop(): void {
    this.batcher.stop();
  }

  /** Calls `listener` with each own finding as it is queued; returns the unsubscribe. */
  observeOwnFindings(listener: (finding: OwnFinding) => void): () => void {
    this.ownFindingListeners.add(listener);
    return () => void this.ownFindingListeners.delete(listener);
  }

  /** Calls `listener` with each reading of the user's own account as it is queued; returns the unsubscribe. */
  observeOwnAccounts(listener: (account: AccountObservation) => void): () => void {
    this.ownAccountListeners.add(listener);
    return () => void this.ownAccountListeners.delete(listener);
  }

  /** Calls `listener` with the new address after each in-site navigation; returns the unsubscribe. */
  observeNavigation(listener: (url: string) => void): () => void {
    this.navigationListeners.add(listener);
    return () => void this.navigationListeners.delete(listener);
  }

  /** Where a post (by any of its ids) was last seen on this page, if it is still there. */
  containerOf(postId: string): Element | null {
    const container = this.containers.get(postId)?.deref();
    return container?.isConnected ? container : null;
  }

  /**
   * A network response from the page-world bridge: more data. Posts already on the page that it
   * concerns are rescanned; stories not rendered yet are recorded from the data and badged when
   * they render.
   */
  readNetworkPayload(body: string): void {
    try {
      // What the page changed before this answer came is older than the answer, and is read first:
      // otherwise a label the user just picked, still waiting for the next frame, would be read after
      // the save that answers it and taken for the newer reading (the badge then said "label").
      this.batcher.drain();
      const changed = this.session.readNetworkPayload(body);
      // An answer may tell the account's privacy without touching any post on the page.
      for (const account of this.session.accounts()) this.recordAccount(account);
      if (changed.length === 0) return;
      const roots: Node[] = [];
      for (const id of changed) {
        const container = this.containers.get(id)?.deref() ?? this.session.unreadPost?.(id);
        if (container?.isConnected) roots.push(container);
      }
      this.handle(roots, true);
    } catch (error) {
      this.session.diagnostics.error(error);
    }
  }

  /** Drains pending mutations now (tests, benchmarks). */
  drain(): void {
    this.batcher.drain();
  }

  private handle(roots: Node[], dataChanged = false): void {
    try {
      const scripts: Element[] = [];
      const scanRoots = new Set<ParentNode>();
      for (const root of roots) {
        if (isElement(root) && root.localName === 'script') {
          scripts.push(root);
        } else if (isElement(root)) {
          scripts.push(...root.querySelectorAll('script'));
          // A change inside a post (its audience edited) rescans that whole post, once.
          scanRoots.add(this.session.itemContaining(root) ?? root);
        } else if (root.nodeType === DOCUMENT_NODE) {
          scanRoots.add(root as Document);
        } else if (root.parentElement) {
          const container = this.session.itemContaining(root.parentElement);
          if (container) scanRoots.add(container);
        }
      }
      if (this.followNavigation()) scanRoots.add(this.options.doc);
      else if (scripts.length > 0) this.session.readScripts(scripts);
      for (const root of scanRoots) for (const item of this.session.scan(root)) this.record(item);
      if (dataChanged || scripts.length > 0 || roots.includes(this.options.doc)) {
        for (const post of this.session.dataOnlyPosts()) this.record({ post, element: null, badgeAnchor: null });
      }
      for (const account of this.session.accounts()) this.recordAccount(account);
    } catch (error) {
      // Never throw into the page: count it, so the popup's diagnostics show a broken page.
      this.session.diagnostics.error(error);
    }
  }

  /**
   * In-site navigation keeps the document but changes the page: the session reads it against the
   * new address (whose profile this is, what links resolve to), keeping what the page's data told
   * it before (the new page's first posts often arrive just before the address changes).
   */
  private followNavigation(): boolean {
    const href = this.options.doc.location?.href ?? '';
    if (href === this.url) return false;
    this.url = href;
    this.session.navigate(href);
    for (const listener of this.navigationListeners) listener(href);
    return true;
  }

  private record(item: ScannedItem): void {
    const { post } = item;
    if (item.element && post.kind !== 'comment') {
      const where = new WeakRef(item.element);
      for (const id of [post.postId, ...(post.aliasIds ?? [])]) this.containers.set(id, where);
    }
    if (post.isOwn || this.options.settings.badgeEveryone) this.painter.paint(item);
    // Only the user's own posts are kept: the extension stores nothing about other people.
    if (!post.isOwn) return;
    // The date too: data answered after the post rendered adds it without changing the audience,
    // and the store and a full-history scan want it.
    const signature = `${post.audience}|${post.evidence}|${post.disagreement?.audience ?? ''}|${post.publishedAt ?? ''}`;
    const key = `${post.platform}:${post.postId}`;
    if (this.queued.get(key) === signature) return;
    this.queued.set(key, signature);
    // Checked against the worker's schema only if the worker refuses its batch (finding-queue.ts).
    const finding: OwnFinding = { ...post, isOwn: true, seenAt: this.now() };
    this.queue.add(finding);
    for (const listener of this.ownFindingListeners) listener(finding);
  }

  private recordAccount(account: AccountObservation): void {
    // Only the user's own account is kept: other people's privacy is used on the page, never stored.
    if (!account.isViewer) return;
    const key = `${account.platform}:${account.accountId}`;
    const signature = `${account.privacy}|${account.evidence}`;
    if (this.sentAccounts.get(key) === signature) return;
    this.sentAccounts.set(key, signature);
    this.queue.addAccount({ ...account, isViewer: true });
    for (const listener of this.ownAccountListeners) listener(account);
  }

  diagnostics(): Diagnostics {
    const d = this.session.diagnostics;
    const out: Diagnostics = {
      platform: this.platform,
      unknownAudiences: d.unknownAudiences,
      errors: d.errors,
      unreadLabels: Object.fromEntries(d.unreadLabels),
    };
    if (d.lastError) out.lastError = d.lastError;
    return out;
  }
}
