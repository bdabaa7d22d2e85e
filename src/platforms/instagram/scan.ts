import { isElement } from '../dom';
import type { Audience, AudienceSource, DetectedPost, Evidence } from '../../core';
import { clipSource, LIMITS, plausibleTime } from '../../core';
import type { DetectionDiagnostics, ScannedItem, Viewer } from '../adapter';
import type { DataMedia, InstagramPageData } from './page-data';
import { IG, IG_PATHS } from './selectors';
import { postOf, postUrl, profileOf, type PageRef, type PostRef } from './links';
import { isViewerAccount } from './viewer';

export interface AudienceReading {
  audience: Audience;
  evidence: Evidence;
  source?: AudienceSource;
}

export interface InstagramScanContext {
  viewer: Viewer | null;
  page: PageRef;
  baseUrl: string;
  data: InstagramPageData;
  /** The viewer's own account: the settings toggle, this page's data, else the stored state. */
  viewerAudience: () => AudienceReading;
  diagnostics: DetectionDiagnostics;
  keepExcerpts: boolean;
  /** Read others' comments in full (SessionOptions.readOthers); else each is left once its author is known. */
  readOthers: boolean;
}

export interface Owner {
  id?: string;
  username?: string;
}

const UNKNOWN: AudienceReading = { audience: 'unknown', evidence: 'none' };

/** Instagram's audience is the account's (docs/FACTS.md#what-is-public): public → public_account, private → private_account. */
export function audienceOfPrivacy(privacy: string | undefined, evidence: Evidence, source?: AudienceSource): AudienceReading {
  const audience = privacy === 'public' ? 'public_account' : privacy === 'private' ? 'private_account' : undefined;
  if (!audience) return UNKNOWN;
  return source ? { audience, evidence, source } : { audience, evidence };
}

/** The audience of anything `owner` posts: the viewer's own state, or what this page says of the account. */
export function accountAudience(owner: Owner, context: InstagramScanContext): AudienceReading {
  if (isViewerAccount(owner, context.viewer)) return context.viewerAudience();
  const id = owner.id ?? context.data.idOfUsername(owner.username);
  const reading = id ? context.data.accounts.get(id) : undefined;
  return reading ? audienceOfPrivacy(reading.privacy, reading.evidence, reading.source) : UNKNOWN;
}

/** Own items and items nobody could be found to own are counted: there an unknown means the page was not read. */
function count(post: DetectedPost, context: InstagramScanContext): void {
  if (post.audience !== 'unknown') context.diagnostics.knownPost(post.postId);
  else if (post.isOwn || post.ownerId === '') context.diagnostics.unknownPost(post.postId);
}

/** A post or reel as reported: its owner's audience, or the viewer's own state when it is theirs. */
export function detectedPost(
  code: string,
  kind: 'post' | 'reel',
  owner: Owner,
  context: InstagramScanContext,
  extra: { publishedAt?: number | undefined; excerpt?: string | undefined } = {},
): DetectedPost {
  const isOwn = isViewerAccount(owner, context.viewer);
  const reading = isOwn ? context.viewerAudience() : accountAudience(owner, context);
  const post: DetectedPost = {
    platform: 'instagram',
    postId: code,
    url: postUrl(code, kind),
    kind,
    ownerId: (owner.id ?? owner.username ?? '').slice(0, LIMITS.idLength),
    isOwn,
    audience: reading.audience,
    evidence: reading.evidence,
  };
  if (owner.username) post.ownerName = owner.username;
  if (reading.source) post.audienceSource = clipSource(reading.source);
  if (extra.publishedAt !== undefined) post.publishedAt = extra.publishedAt;
  if (context.keepExcerpts && extra.excerpt) post.excerpt = extra.excerpt;
  count(post, context);
  return post;
}

export function resolveOwner(media: DataMedia | undefined, username: string | undefined, context: InstagramScanContext): Owner {
  const owner: Owner = {};
  const name = media?.ownerUsername ?? username;
  const id = media?.ownerId ?? context.data.idOfUsername(name);
  if (id) owner.id = id;
  if (name) owner.username = name;
  return owner;
}

function timeOf(link: Element | undefined): number | undefined {
  const datetime = link?.querySelector(IG.time)?.getAttribute('datetime');
  const at = datetime ? Date.parse(datetime) : NaN;
  return Number.isFinite(at) ? plausibleTime(at) : undefined;
}

const touches = (container: Element, root: ParentNode) => container.contains(root as Node) || (root as Node).contains(container);

function linksTo(element: Element, code: string, base: string): boolean {
  for (const link of element.querySelectorAll(IG.postLink)) if (postOf(link.getAttribute('href') ?? '', base)?.code === code) return true;
  return false;
}

export interface PostContainer {
  element: Element;
  /** The post a post page is about, whatever other posts its container links to. */
  ref?: PostRef;
}

/**
 * Post containers touching `root`: feed articles, and on a post page the post itself — an article
 * (2019–23), the dialog it opened in over a grid, or the main column (2024–).
 */
export function postContainersIn(root: ParentNode, doc: Document, page: PageRef, base: string): PostContainer[] {
  const found = new Map<Element, PostContainer>();
  const pageRef = page.kind === 'post' ? page.post : undefined;
  const articles = new Set<Element>(root.querySelectorAll(IG.article));
  if (isElement(root)) {
    const enclosing = root.closest(IG.article);
    if (enclosing) articles.add(enclosing);
  }
  for (const article of articles) {
    const ref = pageRef && linksTo(article, pageRef.code, base) ? pageRef : undefined;
    found.set(article, ref ? { element: article, ref } : { element: article });
  }
  if (pageRef) {
    const candidates = [...doc.querySelectorAll(IG.article), ...doc.querySelectorAll(IG.dialog), ...doc.querySelectorAll(IG.main)];
    const holder = candidates.find((element) => linksTo(element, pageRef.code, base)) ?? doc.querySelector(IG.main) ?? doc.body;
    if (holder && holder.localName !== IG.article && touches(holder, root)) found.set(holder, { element: holder, ref: pageRef });
  }
  return [...found.values()];
}

function firstProfileLink(scope: Element, base: string, skip?: (link: Element) => boolean): { link: Element; username: string } | null {
  for (const link of scope.querySelectorAll(IG.link)) {
    if (skip?.(link)) continue;
    const username = profileOf(link.getAttribute('href') ?? '', base);
    if (username) return { link, username };
  }
  return null;
}

/**
 * The post's owner link: in its header; else the one beside its caption (only the owner writes it);
 * in a feed article, the one beside its time link, else its first (its header comes first). A post
 * page's time link sits under "liked by" links and its media may carry tagged people's links: there
 * neither is taken.
 */
function ownerLinkOf(container: Element, timeLink: Element | undefined, base: string) {
  const header = container.querySelector(IG.header);
  const fromHeader = header ? firstProfileLink(header, base) : null;
  if (fromHeader) return fromHeader;
  const nearby = (start: Element | null | undefined, skip?: (link: Element) => boolean) => {
    for (let up = start?.parentElement, steps = 0; up && up !== container && steps < 4; up = up.parentElement, steps += 1) {
      const near = firstProfileLink(up, base, skip);
      if (near) return near;
    }
    return null;
  };
  const fromCaption = nearby(container.querySelector(IG.caption));
  if (fromCaption || container.localName !== IG.article) return fromCaption;
  const inComment = (link: Element) => link.closest(IG.commentRow) !== null;
  return nearby(timeLink, inComment) ?? firstProfileLink(container, base, inComment);
}

function excerptOf(container: Element): string | undefined {
  const text = container.querySelector(IG.caption)?.textContent?.replace(/\s+/g, ' ').trim();
  return text ? text.slice(0, LIMITS.excerptLength) : undefined;
}

/** Whether `owner` is known, and known not to be the viewer (whose username must be known to look for their links). */
function isSomeoneElses(owner: Owner, viewer: Viewer | null): viewer is Viewer & { username: string } {
  return viewer?.username !== undefined && (owner.id !== undefined || owner.username !== undefined) && !isViewerAccount(owner, viewer);
}

let viewerLinks: { username: string; selector: string } | undefined;

/** Whether any link in `element` leads to the viewer's profile (or anything under it); true when that cannot be told. */
function linksToProfileOf(element: Element, viewer: Viewer & { username: string }): boolean {
  const { username } = viewer;
  // A username as Instagram allows it is safe inside a quoted attribute selector; any other, unsure.
  if (!IG_PATHS.username.test(username)) return true;
  if (viewerLinks?.username !== username) {
    viewerLinks = { username, selector: `a[href^="/${username}/" i], a[href*="instagram.com/${username}/" i]` };
  }
  return element.querySelector(viewerLinks.selector) !== null;
}

/** Reads one post (a feed article or a post page) and its comments. */
export function scanInstagramPost(container: PostContainer, context: InstagramScanContext): ScannedItem[] {
  const { element } = container;
  const refs: { link: Element; ref: PostRef }[] = [];
  for (const link of element.querySelectorAll(IG.postLink)) {
    const ref = postOf(link.getAttribute('href') ?? '', context.baseUrl);
    if (ref && !ref.commentId && (!container.ref || ref.code === container.ref.code)) refs.push({ link, ref });
  }
  const timed = refs.find((r) => r.link.querySelector(IG.time)) ?? refs[0];
  const ref = container.ref ?? timed?.ref;
  if (!ref) return [];
  const media = context.data.media.get(ref.code);
  const ownerLink = ownerLinkOf(element, timed?.link, context.baseUrl);
  // A post page that shows nothing of its post yet (still loading) is not a post to report.
  if (!timed && !media && !ownerLink) return [];
  const owner = resolveOwner(media, ownerLink?.username ?? ref.username, context);
  // Someone else's post holding nothing of the viewer's, when only the viewer's things are wanted: it
  // gets no badge and nothing of it is kept, so its words and its comments are not read at all (on a
  // home feed, most posts). A comment, mention or collab of the viewer's links to their profile.
  if (!context.readOthers && isSomeoneElses(owner, context.viewer) && !linksToProfileOf(element, context.viewer)) return [];
  const post = detectedPost(ref.code, media?.kind === 'reel' || ref.kind === 'reel' ? 'reel' : 'post', owner, context, {
    publishedAt: media?.publishedAt ?? timeOf(timed?.link),
    excerpt: context.keepExcerpts ? (media?.excerpt ?? excerptOf(element)) : undefined,
  });
  const badgeAnchor = ownerLink?.link.closest(IG.header) ?? ownerLink?.link.parentElement ?? element;
  return [{ post, element, badgeAnchor }, ...scanComments(element, post, context)];
}

function commentIdsIn(element: Element, base: string): Set<string> {
  const ids = new Set<string>();
  for (const link of element.querySelectorAll(IG.link)) {
    const id = postOf(link.getAttribute('href') ?? '', base)?.commentId;
    if (id) ids.add(id);
  }
  return ids;
}

/** A comment's row: its list item, else the smallest block around its permalink that names its author. */
function commentElement(link: Element, container: Element, base: string): Element {
  const row = link.closest(IG.commentRow);
  if (row && row !== container && container.contains(row) && commentIdsIn(row, base).size === 1) return row;
  let last: Element = link.parentElement ?? link;
  for (let up = link.parentElement; up && up !== container; up = up.parentElement) {
    if (commentIdsIn(up, base).size > 1) break;
    last = up;
    if (firstProfileLink(up, base)) return up;
  }
  return last;
}

/** The comment's row, then the blocks around it that hold no other comment and no other time (a caption's). */
function commentScopes(element: Element, container: Element, base: string): Element[] {
  const scopes = [element];
  for (let up = element.parentElement; up && up !== container && container.contains(up); up = up.parentElement) {
    if (commentIdsIn(up, base).size > 1 || up.querySelectorAll(IG.time).length > 1) break;
    scopes.push(up);
  }
  return scopes;
}

/**
 * A comment's text: the first text run, nearest first, that is not and does not hold its author's
 * name or its permalink (2025 rows wrap the author link in a `dir=auto` run and put the text in a
 * block beside it); rows without such runs (2020–21) keep it in a plain span.
 */
function commentText(scopes: readonly Element[], own: readonly Element[]): string | undefined {
  for (const selector of [IG.text, IG.plainText]) {
    for (const scope of scopes) {
      for (const run of scope.querySelectorAll(selector)) {
        const control = run.closest(IG.control);
        // 2020–23 rows sit inside a role=button wrapper: only controls within the row are skipped.
        if (run.closest(IG.link) || (control && scope.contains(control)) || own.some((element) => run.contains(element))) continue;
        const text = run.textContent?.replace(/\s+/g, ' ').trim();
        if (text) return text.slice(0, LIMITS.excerptLength);
      }
    }
  }
  return undefined;
}

/** A comment is as visible as the account it was written under (docs/FACTS.md#what-is-public): it takes the post's audience. */
function scanComments(container: Element, parent: DetectedPost, context: InstagramScanContext): ScannedItem[] {
  const seen = new Map<string, { link: Element; ref: PostRef }>();
  for (const link of container.querySelectorAll(IG.link)) {
    const ref = postOf(link.getAttribute('href') ?? '', context.baseUrl);
    if (ref?.commentId && ref.code === parent.postId && !seen.has(ref.commentId)) seen.set(ref.commentId, { link, ref });
  }
  const items: ScannedItem[] = [];
  for (const [commentId, { link, ref }] of seen) {
    const element = commentElement(link, container, context.baseUrl);
    const authorLink = firstProfileLink(element, context.baseUrl);
    const author = resolveOwner(undefined, authorLink?.username, context);
    const isOwn = isViewerAccount(author, context.viewer);
    // Someone else's comment, when only the viewer's are wanted, ends here: its time and its words (the
    // walks up its row) are read for nothing. One whose author could not be read goes on, and is counted.
    if (!isOwn && !context.readOthers && authorLink) continue;
    const post: DetectedPost = {
      platform: 'instagram',
      postId: `${parent.postId}_${commentId}`.slice(0, LIMITS.idLength),
      url: `${parent.url}${ref.commentPath ?? ''}`,
      kind: 'comment',
      ownerId: (author.id ?? author.username ?? '').slice(0, LIMITS.idLength),
      isOwn,
      audience: parent.audience,
      evidence: parent.evidence,
      parentPostId: parent.postId,
    };
    if (author.username) post.ownerName = author.username;
    if (parent.audienceSource) post.audienceSource = parent.audienceSource;
    const publishedAt = timeOf(link);
    if (publishedAt !== undefined) post.publishedAt = publishedAt;
    const own = authorLink ? [authorLink.link, link] : [link];
    const excerpt = context.keepExcerpts ? commentText(commentScopes(element, container, context.baseUrl), own) : undefined;
    if (excerpt) post.excerpt = excerpt;
    count(post, context);
    items.push({ post, element, badgeAnchor: authorLink?.link.parentElement ?? element });
  }
  return items;
}

/**
 * Post and reel links outside any post container: profile grids (and "more posts" under a post).
 * A link's owner is the data's, its `/<username>/p/…` prefix, or — on a profile's own posts and
 * reels tabs, never its tagged or saved tabs — the profile's.
 */
export function scanGridLinks(root: ParentNode, doc: Document, context: InstagramScanContext): ScannedItem[] {
  const links = new Set<Element>(root.querySelectorAll(IG.postLink));
  if (isElement(root)) {
    const enclosing = root.closest(IG.postLink);
    if (enclosing) links.add(enclosing);
  }
  const main = doc.querySelector(IG.main);
  const pageCode = context.page.kind === 'post' ? context.page.post.code : undefined;
  const items: ScannedItem[] = [];
  for (const link of links) {
    if (link.closest(IG.article)) continue;
    const ref = postOf(link.getAttribute('href') ?? '', context.baseUrl);
    if (!ref || ref.commentId || ref.code === pageCode) continue;
    const media = context.data.media.get(ref.code);
    const profile =
      context.page.kind === 'profile' && context.page.ownPostsTab && main?.contains(link) && !link.closest(IG.dialog)
        ? context.page.username
        : undefined;
    const owner = resolveOwner(media, ref.username ?? profile, context);
    if (!owner.id && !owner.username) continue;
    // Someone else's tile, when only the viewer's things are wanted: no badge, nothing kept (another
    // profile's grid, "more posts" under someone else's post), so no item is built for it.
    if (!context.readOthers && isSomeoneElses(owner, context.viewer)) continue;
    const kind = media?.kind === 'reel' || ref.kind === 'reel' ? 'reel' : 'post';
    const post = detectedPost(ref.code, kind, owner, context, { publishedAt: media?.publishedAt, excerpt: media?.excerpt });
    items.push({ post, element: link, badgeAnchor: link.firstElementChild ?? link });
  }
  return items;
}
