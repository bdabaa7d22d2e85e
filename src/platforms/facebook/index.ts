import { isElement } from '../dom';
import type { AccountObservation, DetectedPost } from '../../core';
import { canonicalSiteUrl, LIMITS, SITES } from '../../core';
import { DetectionDiagnostics, type PageSession, type PlatformAdapter, type ScannedItem, type SessionOptions } from '../adapter';
import { AudienceVocabularyIndex } from './audience-vocabulary';
import { AUDIENCE_VOCABULARIES } from './vocabulary';
import { FacebookPageData, type DataStory } from './page-data';
import { FB_DATA } from './data-shapes';
import { FB } from './selectors';
import { LinkReader } from './links';
import { audienceControlOf, outermostContainer, postContainersIn, postIn, scanFacebookPost, type FacebookScanContext } from './scan';
import { facebookViewer } from './viewer';
import { profileItems } from './profile-media';

let sharedVocabulary: AudienceVocabularyIndex | undefined;
/** Compiled once per context: 26 languages' words. */
export function facebookVocabulary(): AudienceVocabularyIndex {
  sharedVocabulary ??= new AudienceVocabularyIndex(AUDIENCE_VOCABULARIES);
  return sharedVocabulary;
}

/** Whether the data names the viewer as the story's owner (an owner unknown is no one's). */
const isViewersStory = (story: DataStory, viewerId: string | undefined): boolean =>
  story.ownerId !== undefined && story.ownerId === viewerId;

class FacebookPageSession implements PageSession {
  readonly diagnostics = new DetectionDiagnostics();
  private readonly data: FacebookPageData;
  private readonly fromNetwork = new Set<string>();
  private readonly seenScripts = new WeakSet<Element>();
  private readonly context: FacebookScanContext;
  private readonly renderedIds = new Set<string>();
  /** Others' posts left unread (readOthers false), by id where their ids were read. */
  private readonly unread = new Map<string, WeakRef<Element>>();
  private readonly unreadContainers = new WeakSet<Element>();
  /** Whether the data names a story as the viewer's; forgotten whenever data or viewer may change. */
  private viewerOwnsStories: boolean | undefined;

  private findViewerStories(): boolean {
    const id = this.context.viewer?.id;
    if (id === undefined) return false;
    for (const story of this.data.stories.values()) if (isViewersStory(story, id)) return true;
    return false;
  }
  private readonly now: () => number;
  private readonly viewerId: string | undefined;

  constructor(
    private readonly doc: Document,
    options: SessionOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.viewerId = options.viewerId;
    const lang = doc.documentElement.getAttribute('lang') ?? undefined;
    const vocabulary = facebookVocabulary();
    this.data = new FacebookPageData(vocabulary, lang, (label) => this.diagnostics.unread(label));
    this.readScripts(doc.querySelectorAll(FB.dataScript));
    // As on www.: a finding that takes the page's address (profile photos, unlinked posts) has one address on every host.
    const baseUrl = canonicalSiteUrl(options.url ?? doc.location?.href ?? `${SITES.facebook.origin}/`);
    this.context = {
      viewer: facebookViewer(doc, this.data, this.viewerId),
      lang,
      baseUrl,
      links: new LinkReader(baseUrl),
      vocabulary,
      data: this.data,
      dataEvidence: (story) => (this.fromNetwork.has(story.postId) ? 'graphql' : 'embedded-json'),
      diagnostics: this.diagnostics,
      keepExcerpts: options.keepExcerpts ?? true,
      readOthers: options.readOthers ?? true,
      leftUnread: (container, ids = []) => {
        this.unreadContainers.add(container);
        // Most posts left unread were left before their ids were read: no reference to hold for them.
        if (ids.length === 0) return;
        const where = new WeakRef(container);
        for (const id of ids) {
          this.unread.set(id, where);
          // Rendered, though unread: it is not a post known only from data.
          this.renderedIds.add(id);
        }
      },
      viewerOwnsStories: () => (this.viewerOwnsStories ??= this.findViewerStories()),
    };
  }

  get viewer() {
    return this.context.viewer;
  }

  readScripts(scripts: Iterable<Element>): void {
    for (const script of scripts) {
      if (this.seenScripts.has(script)) continue;
      this.seenScripts.add(script);
      try {
        this.data.readText(script.textContent ?? '');
      } catch (error) {
        this.diagnostics.error(error);
      }
    }
    this.viewerOwnsStories = undefined;
    this.refreshViewer();
  }

  /** A viewer known only from data read later (logged-in data arriving after start) is picked up. */
  private refreshViewer(): void {
    if (this.context && !this.context.viewer) {
      this.context.viewer = facebookViewer(this.doc, this.data, this.viewerId);
      this.viewerOwnsStories = undefined;
    }
  }

  readNetworkPayload(text: string): string[] {
    // A story's state: its audience, and its date (which a later answer may add).
    const state = (story: { audience: string; publishedAt?: number | undefined }) => `${story.audience}|${story.publishedAt ?? ''}`;
    const before = new Map([...this.data.stories].map(([id, s]) => [id, state(s)]));
    this.data.readAnswer(text);
    this.viewerOwnsStories = undefined;
    this.refreshViewer();
    const changed: string[] = [];
    for (const [id, story] of this.data.stories) {
      if (before.get(id) === state(story)) continue;
      // Its permalink key too: the post may be on the page under that key, read before its data came.
      changed.push(id);
      if (story.permalinkKey) changed.push(story.permalinkKey);
      if (story.audience !== 'unknown') this.fromNetwork.add(id);
    }
    return changed;
  }

  /** In-site navigation: the same tab, a new address. What the page's data said stays known. */
  navigate(url: string): void {
    this.context.baseUrl = url;
    this.context.links = new LinkReader(url);
    this.refreshViewer();
  }

  scan(root: ParentNode): ScannedItem[] {
    const items: ScannedItem[] = [];
    for (const container of postContainersIn(root)) {
      try {
        for (const item of scanFacebookPost(container, this.context)) {
          items.push(item);
          this.renderedIds.add(item.post.postId);
        }
      } catch (error) {
        this.diagnostics.error(error);
      }
    }
    items.push(...profileItems(root, this.doc, this.context));
    return items;
  }

  unreadPost(postId: string): Element | undefined {
    const known = this.unread.get(postId)?.deref();
    if (known) return known;
    // Left unread before its links were read: found by a link naming it (data about a post is rare next to scans).
    let link: Element | null;
    try {
      link = this.doc.querySelector(`a[href*=${JSON.stringify(postId)}]`);
    } catch {
      // An id no selector can quote: such a post was never left unread by its links.
      return undefined;
    }
    const outer = link ? outermostContainer(link) : null;
    const container = outer ? postIn(outer) : null;
    return container && this.unreadContainers.has(container) ? container : undefined;
  }

  itemContaining(node: Node): Element | null {
    const element = isElement(node) ? node : node.parentElement;
    // Upward only: the outermost post around the node (a comment belongs to its post).
    return element ? outermostContainer(element) : null;
  }

  dataOnlyPosts(): DetectedPost[] {
    const viewer = this.context.viewer;
    const posts: DetectedPost[] = [];
    for (const story of this.data.stories.values()) {
      if (this.renderedIds.has(story.postId)) continue;
      // Others' stories only when others are read: a post known from data alone has no place on the
      // page to badge, so only the viewer's is of use, and a long feed's data holds hundreds of others'.
      if (!this.context.readOthers && !isViewersStory(story, viewer?.id)) continue;
      posts.push(this.postFromData(story, viewer?.id));
    }
    return posts;
  }

  private postFromData(story: DataStory, viewerId: string | undefined): DetectedPost {
    const post: DetectedPost = {
      platform: 'facebook',
      postId: story.postId,
      url: (story.url ?? `${SITES.facebook.origin}/${story.postId}`).slice(0, LIMITS.urlLength),
      kind: 'post',
      ownerId: story.ownerId ?? '',
      isOwn: isViewersStory(story, viewerId),
      audience: story.audience,
      evidence: story.audience === 'unknown' ? 'none' : this.context.dataEvidence(story),
    };
    if (story.ownerName) post.ownerName = story.ownerName.slice(0, LIMITS.nameLength);
    if (story.permalinkKey && story.permalinkKey !== story.postId) post.aliasIds = [story.permalinkKey];
    if (story.audienceSource) post.audienceSource = story.audienceSource;
    if (story.publishedAt !== undefined) post.publishedAt = story.publishedAt;
    if (story.excerpt && this.context.keepExcerpts) post.excerpt = story.excerpt;
    return post;
  }

  /** The viewer's own account: who is logged in. Facebook has no account-wide privacy, so `unknown`. */
  accounts(): AccountObservation[] {
    const viewer = this.context.viewer;
    if (!viewer) return [];
    const account: AccountObservation = {
      platform: 'facebook',
      accountId: viewer.id,
      isViewer: true,
      privacy: 'unknown',
      evidence: 'none',
      seenAt: this.now(),
    };
    if (viewer.username) account.username = viewer.username.slice(0, LIMITS.nameLength);
    if (viewer.name) account.name = viewer.name.slice(0, LIMITS.nameLength);
    return [account];
  }
}

export const facebookAdapter: PlatformAdapter = {
  id: 'facebook',
  viewerCookie: FB_DATA.viewerCookie,
  labelAttributes: FB.labelAttributes,
  viewer: (doc) => new FacebookPageSession(doc, {}).viewer,
  openSession: (doc, options = {}) => new FacebookPageSession(doc, options),
  // Facebook has no account-wide audience switch worth pointing at: only posts have a control.
  fixControl: (doc, container) =>
    container ? audienceControlOf(container, facebookVocabulary(), doc.documentElement.getAttribute('lang') ?? undefined) : null,
};
