import { readCookie } from '../cookies';
import { isElement } from '../dom';
import type { AccountObservation, DetectedPost } from '../../core';
import { LIMITS, platformOfDomain } from '../../core';
import {
  DetectionDiagnostics,
  type PageSession,
  type PlatformAdapter,
  type ScannedItem,
  type SessionOptions,
  type Viewer,
} from '../adapter';
import { InstagramPageData } from './page-data';
import { pageOf, type PageRef } from './links';
import { privacyToggleElement, readPrivacyToggle } from './privacy-toggle';
import {
  accountAudience,
  audienceOfPrivacy,
  detectedPost,
  postContainersIn,
  resolveOwner,
  scanGridLinks,
  scanInstagramPost,
  type AudienceReading,
  type InstagramScanContext,
  type Owner,
} from './scan';
import { IG, IG_DATA, IG_PATHS } from './selectors';
import { instagramViewer, isViewerAccount } from './viewer';

/** `knownAccount` is the viewer's account as the worker last stored it, so a feed knows it without the profile. */
export type InstagramSessionOptions = SessionOptions;

/** The privacy settings toggle, as last read, with when its state was first seen. */
interface ToggleState {
  privacy: 'public' | 'private';
  label: string;
  seenAt: number;
}

class InstagramPageSession implements PageSession {
  readonly diagnostics = new DetectionDiagnostics();
  private readonly data: InstagramPageData;
  private readonly seenScripts = new WeakSet<Element>();
  /** Posts scanned on the page, with the owner they were read with. */
  private readonly rendered = new Map<string, Owner>();
  private readonly now: () => number;
  private toggle: ToggleState | undefined;
  private currentViewer: Viewer | null = null;
  private here: { href: string | undefined; url: string; page: PageRef } | undefined;
  /**
   * The viewer's cookie, read when the session opens and at each in-site navigation: a login or logout
   * reloads the page. In Chromium each read of document.cookie asks the browser process (about 20 µs),
   * and every scan refreshes the viewer.
   */
  private viewerCookie: string | undefined;

  constructor(
    private readonly doc: Document,
    private readonly options: InstagramSessionOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.viewerCookie = readCookie(doc, IG_DATA.viewerCookie);
    this.data = new InstagramPageData(this.now);
    this.readScripts(doc.querySelectorAll(IG.dataScript));
    this.readToggle(this.page);
  }

  get viewer(): Viewer | null {
    return this.currentViewer;
  }

  /**
   * The page's own address (the document's as the user navigates in-site, else the one given) and what
   * kind of page it is, parsed again only when the address changed: every scan asks, and a scan is made
   * for each post that appears.
   */
  private where(): { href: string | undefined; url: string; page: PageRef } {
    const href = this.doc.location?.href;
    if (this.here !== undefined && this.here.href === href) return this.here;
    let url = this.options.url ?? `${IG_PATHS.origin}/`;
    if (href) {
      try {
        if (platformOfDomain(new URL(href).hostname) === 'instagram') url = href;
      } catch {
        // Not a URL (about:blank): fall back.
      }
    }
    this.here = { href, url, page: pageOf(url) };
    return this.here;
  }

  private get url(): string {
    return this.where().url;
  }

  private get page(): PageRef {
    return this.where().page;
  }

  private refreshViewer(): void {
    this.currentViewer = instagramViewer(this.doc, this.data, this.page, this.options.viewerId, this.viewerCookie);
  }

  /** The address is read from the document as the tab moves; what the data said so far stays known. */
  navigate(): void {
    this.viewerCookie = readCookie(this.doc, IG_DATA.viewerCookie);
    this.refreshViewer();
  }

  readScripts(scripts: Iterable<Element>): void {
    for (const script of scripts) {
      if (this.seenScripts.has(script)) continue;
      this.seenScripts.add(script);
      try {
        this.data.readText(script.textContent ?? '', 'embedded-json');
      } catch (error) {
        this.diagnostics.error(error);
      }
    }
    this.refreshViewer();
  }

  /** Returns the posts whose owner, kind or audience the answer changed: an account's privacy changes all its posts. */
  readNetworkPayload(text: string): string[] {
    const before = this.postStates();
    try {
      this.data.readAnswer(text, 'graphql');
    } catch (error) {
      this.diagnostics.error(error);
    }
    this.refreshViewer();
    const changed: string[] = [];
    for (const [code, state] of this.postStates()) if (before.get(code) !== state) changed.push(code);
    return changed;
  }

  /** What each known post (scanned or in the data) would be reported as, in short. */
  private postStates(): Map<string, string> {
    const states = new Map<string, string>();
    const context = this.context(this.page);
    const codes = new Set([...this.rendered.keys(), ...this.data.media.keys()]);
    for (const code of codes) {
      const media = this.data.media.get(code);
      const seen = this.rendered.get(code);
      const owner: Owner = { id: media?.ownerId ?? seen?.id, username: media?.ownerUsername ?? seen?.username };
      owner.id ??= this.data.idOfUsername(owner.username);
      const reading = isViewerAccount(owner, this.currentViewer) ? this.viewerAudience() : accountAudience(owner, context);
      states.set(code, [owner.id, owner.username, media?.kind, media?.publishedAt, reading.audience, reading.evidence].join('|'));
    }
    return states;
  }

  /** Reads the "Private account" toggle when the privacy settings page shows it. */
  private readToggle(page: PageRef): void {
    if (page.kind !== 'privacy-settings') return;
    const reading = readPrivacyToggle(this.doc);
    if (!reading) return;
    if ('unread' in reading) {
      this.diagnostics.unread(reading.unread);
      return;
    }
    if (this.toggle?.privacy !== reading.privacy) this.toggle = { ...reading, seenAt: this.now() };
  }

  /** Strongest first: the toggle (the setting itself, live), this page's data, the stored state. */
  private viewerAudience(): AudienceReading {
    const viewer = this.currentViewer;
    if (!viewer) return { audience: 'unknown', evidence: 'none' };
    if (this.toggle) return audienceOfPrivacy(this.toggle.privacy, 'account', { rule: 'instagram_setting', label: this.toggle.label });
    const fromData = this.data.accounts.get(viewer.id);
    if (fromData && fromData.privacy !== 'unknown') return audienceOfPrivacy(fromData.privacy, fromData.evidence, fromData.source);
    const known = this.options.knownAccount;
    if (known && known.accountId === viewer.id && (known.privacy === 'public' || known.privacy === 'private')) {
      return audienceOfPrivacy(known.privacy, 'account', { rule: 'instagram_stored_account' });
    }
    return { audience: 'unknown', evidence: 'none' };
  }

  private context(page: PageRef): InstagramScanContext {
    return {
      viewer: this.currentViewer,
      page,
      baseUrl: this.url,
      data: this.data,
      viewerAudience: () => this.viewerAudience(),
      diagnostics: this.diagnostics,
      keepExcerpts: this.options.keepExcerpts ?? true,
      readOthers: this.options.readOthers ?? true,
    };
  }

  scan(root: ParentNode): ScannedItem[] {
    const items: ScannedItem[] = [];
    try {
      const page = this.page;
      this.refreshViewer();
      this.readToggle(page);
      const context = this.context(page);
      for (const container of postContainersIn(root, this.doc, page, context.baseUrl)) {
        try {
          items.push(...scanInstagramPost(container, context));
        } catch (error) {
          this.diagnostics.error(error);
        }
      }
      items.push(...scanGridLinks(root, this.doc, context));
    } catch (error) {
      this.diagnostics.error(error);
    }
    for (const { post } of items) {
      if (post.kind === 'comment') continue;
      const owner: Owner = {};
      if (IG_PATHS.numericId.test(post.ownerId)) owner.id = post.ownerId;
      if (post.ownerName) owner.username = post.ownerName;
      this.rendered.set(post.postId, owner);
    }
    return items;
  }

  itemContaining(node: Node): Element | null {
    const element = isElement(node) ? node : node.parentElement;
    return element?.closest(IG.article) ?? element?.closest(IG.postLink) ?? null;
  }

  dataOnlyPosts(): DetectedPost[] {
    const posts: DetectedPost[] = [];
    try {
      const context = this.context(this.page);
      for (const media of this.data.media.values()) {
        if (this.rendered.has(media.code) || (!media.ownerId && !media.ownerUsername)) continue;
        const owner = resolveOwner(media, undefined, context);
        // Others' posts only when others are read: known from data alone, a post has no place on the
        // page to badge, so only the viewer's is of use (facebook/index.ts, the same).
        if (!context.readOthers && !isViewerAccount(owner, context.viewer)) continue;
        const post = detectedPost(media.code, media.kind, owner, context, { publishedAt: media.publishedAt, excerpt: media.excerpt });
        posts.push(post);
      }
    } catch (error) {
      this.diagnostics.error(error);
    }
    return posts;
  }

  /** Accounts whose privacy this page showed; the viewer's own from the settings toggle when it is open. */
  accounts(): AccountObservation[] {
    const viewerId = this.currentViewer?.id;
    const observations: AccountObservation[] = [];
    for (const reading of this.data.accounts.values()) {
      const observation: AccountObservation = {
        platform: 'instagram',
        accountId: reading.accountId,
        isViewer: reading.accountId === viewerId,
        privacy: reading.privacy,
        evidence: reading.evidence,
        seenAt: reading.seenAt,
      };
      if (reading.username) observation.username = reading.username.slice(0, LIMITS.nameLength);
      if (reading.name) observation.name = reading.name.slice(0, LIMITS.nameLength);
      if (reading.professional !== undefined) observation.professional = reading.professional;
      if (observation.isViewer && this.toggle)
        Object.assign(observation, { privacy: this.toggle.privacy, evidence: 'account', seenAt: this.toggle.seenAt });
      observations.push(observation);
    }
    if (viewerId && this.toggle && !this.data.accounts.has(viewerId)) {
      const observation: AccountObservation = {
        platform: 'instagram',
        accountId: viewerId,
        isViewer: true,
        privacy: this.toggle.privacy,
        evidence: 'account',
        seenAt: this.toggle.seenAt,
      };
      if (this.currentViewer?.username) observation.username = this.currentViewer.username;
      observations.push(observation);
    }
    return observations;
  }
}

export const instagramAdapter: PlatformAdapter = {
  id: 'instagram',
  viewerCookie: IG_DATA.viewerCookie,
  labelAttributes: IG.labelAttributes,
  viewer: (doc) => new InstagramPageSession(doc, {}).viewer,
  openSession: (doc, options = {}) => new InstagramPageSession(doc, options),
  // An Instagram post's audience is its account's: the one control is the "Private account" switch.
  fixControl: (doc, container) => (container ? null : privacyToggleElement(doc)),
};
