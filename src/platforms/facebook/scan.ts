import { isElement } from '../dom';
import type { Audience, DetectedPost, Evidence } from '../../core';
import { LIMITS } from '../../core';
import type { DetectionDiagnostics, ScannedItem, Viewer } from '../adapter';
import type { AudienceVocabularyIndex } from './audience-vocabulary';
import type { DataStory, FacebookPageData } from './page-data';
import { FB } from './selectors';
import { commentUrl, hovercardIdOf, type LinkReader, type PermalinkRef, type ProfileRef } from './links';
import { firstActorHeading, iconText, inNestedArticle, readPostHeader, type PostHeader } from './post-header';
import { isViewer } from './viewer';

export interface FacebookScanContext {
  viewer: Viewer | null;
  lang: string | undefined;
  baseUrl: string;
  /** The page's links read against baseUrl, each href parsed once while recent. */
  links: LinkReader;
  vocabulary: AudienceVocabularyIndex;
  data: FacebookPageData;
  /** Which evidence a data story came from: the page's embedded JSON or a GraphQL response. */
  dataEvidence: (story: DataStory) => Evidence;
  diagnostics: DetectionDiagnostics;
  keepExcerpts: boolean;
  /** False: others' posts without the viewer's comments are left unread (SessionOptions.readOthers). */
  readOthers: boolean;
  /** Told of each post left unread, with its ids when they were read, so data about it later finds it. */
  leftUnread: (container: Element, ids?: string[]) => void;
  /** Whether the page's data names any story as the viewer's (then a post may be theirs by its data alone). */
  viewerOwnsStories: () => boolean;
}

interface AudienceReading {
  audience: Audience;
  evidence: Evidence;
  source?: string;
  disagreement?: { evidence: Evidence; audience: Audience };
  icon: Element | null;
}

/** The outermost post container around `el`, itself included: posts, not their comments. */
export function outermostContainer(el: Element): Element | null {
  let outer = el.closest(FB.postContainer);
  for (let up = outer?.parentElement?.closest(FB.postContainer); up; up = up.parentElement?.closest(FB.postContainer)) outer = up;
  return outer;
}

/** A FeedUnit pagelet only counts when it wraps no article (the markup changed shape). */
export function postIn(outer: Element): Element {
  return (outer.matches(FB.feedUnit) && outer.querySelector(FB.article)) || outer;
}

/** The outermost post containers touching `root`: posts, not their comments. */
export function postContainersIn(root: ParentNode): Element[] {
  if (isElement(root)) {
    // Inside a post, everything under `root` belongs to that one post.
    const enclosing = outermostContainer(root);
    if (enclosing) return [postIn(enclosing)];
  }
  // No post around `root`: a container under it with no container between them is outermost, and
  // in document order every container nested in one comes right after it, inside it.
  const found = new Set<Element>();
  let outer: Element | null = null;
  for (const el of root.querySelectorAll(FB.postContainer)) {
    if (outer?.contains(el)) continue;
    outer = el;
    found.add(postIn(el));
  }
  return [...found];
}

function ownLinks(container: Element): HTMLAnchorElement[] {
  return [...container.querySelectorAll<HTMLAnchorElement>(FB.link)].filter((a) => !inNestedArticle(a, container));
}

function permalinksOf(links: HTMLAnchorElement[], reader: LinkReader): PermalinkRef[] {
  const out: PermalinkRef[] = [];
  for (const link of links) {
    const ref = reader.permalinkOf(link.getAttribute('href') ?? '');
    if (ref && !ref.commentId) out.push(ref);
  }
  return out;
}

/** A link to a post (its timestamp), read through the page's link reader (its hrefs are read once). */
const isPermalink = (el: Element, links: LinkReader): boolean =>
  el.localName === 'a' && links.permalinkOf(el.getAttribute('href') ?? '') !== null;

/** Where a badge goes beside an icon: an svg's title is inside the svg. */
const iconAnchor = (icon: Element) => (icon.localName === 'title' ? (icon.parentElement ?? icon) : icon);

/**
 * The post's own audience control, for the guided fix to point at: the first header icon whose text
 * names an audience, and the button or link around it (the 2024–25 own post's button is the icon
 * itself). Null when no icon of the header reads as an audience: nothing is pointed at on a guess.
 */
export function audienceControlOf(container: Element, vocabulary: AudienceVocabularyIndex, lang: string | undefined): Element | null {
  for (const icon of readPostHeader(container).icons) {
    const text = iconText(icon).trim().slice(0, LIMITS.labelLength);
    if (!text) continue;
    const read = vocabulary.resolve(text, lang);
    if (read.kind !== 'resolved' && read.kind !== 'ambiguous' && read.kind !== 'group') continue;
    const anchor = iconAnchor(icon);
    const control = anchor.closest(FB.audienceControl);
    return control && container.contains(control) ? control : anchor;
  }
  return null;
}

/**
 * Reads the header icon: the first candidate whose text names an audience; unread texts are
 * counted. An element that is nothing but an audience icon ends the search, read or not: behind
 * it sit a reshared original's icons.
 */
function readLabel(
  header: PostHeader,
  context: FacebookScanContext,
): { audience: Audience; source: string; icon: Element } | { unread: string | null } {
  const { icons } = header;
  let firstUnread: string | null = null;
  for (const icon of icons) {
    const text = iconText(icon).trim().slice(0, LIMITS.labelLength);
    const audienceOnly = header.parts.audienceOnly !== null && icon.matches(header.parts.audienceOnly);
    if (!text) {
      if (audienceOnly) return { unread: firstUnread };
      continue;
    }
    // The post's timestamp link is labelled with its date ("3h", "12 March at 10:14"): a new text on
    // every post, which the vocabulary would try in all 26 languages for nothing.
    if (!audienceOnly && isPermalink(icon, context.links)) continue;
    const read = context.vocabulary.resolve(text, context.lang);
    if (read.kind === 'resolved') return { audience: read.audience, source: text, icon: iconAnchor(icon) };
    // A group's members ("Members of …") or a word of two languages: a label, but no audience.
    if (read.kind === 'ambiguous' || read.kind === 'group') return { audience: 'unknown', source: text, icon: iconAnchor(icon) };
    if (audienceOnly) return { unread: text };
    // Links' and buttons' labels (names, "Like", "Actions for this post") are not audience icons; only unread icons are worth counting.
    if (firstUnread === null && icon.localName !== 'a' && icon.getAttribute('role') !== 'button') firstUnread = text;
  }
  return { unread: firstUnread };
}

/**
 * The newest reading decides: the data, unless the post's label changed while the page was open
 * (the user just edited the audience, and the data read at load is older). At equal age data beats
 * text; a disagreement is kept as evidence. Nothing read → unknown.
 */
function decideAudience(header: PostHeader, story: DataStory | undefined, postId: string, context: FacebookScanContext): AudienceReading {
  const label = readLabel(header, context);
  const fromLabel = 'audience' in label ? label : undefined;
  const labelAt = fromLabel ? context.data.labelChangedAt(postId, fromLabel.audience) : 0;
  if (story && story.audience !== 'unknown' && !(fromLabel && fromLabel.audience !== 'unknown' && labelAt > story.audienceAt)) {
    const reading: AudienceReading = { audience: story.audience, evidence: context.dataEvidence(story), icon: fromLabel?.icon ?? null };
    if (story.audienceSource) reading.source = story.audienceSource;
    if (fromLabel && fromLabel.audience !== story.audience) reading.disagreement = { evidence: 'label', audience: fromLabel.audience };
    return reading;
  }
  if (fromLabel) {
    const reading: AudienceReading = { audience: fromLabel.audience, evidence: 'label', source: fromLabel.source, icon: fromLabel.icon };
    if (story && story.audience !== 'unknown' && story.audience !== fromLabel.audience)
      reading.disagreement = { evidence: context.dataEvidence(story), audience: story.audience };
    return reading;
  }
  if ('unread' in label && label.unread) context.diagnostics.unread(label.unread);
  return { audience: 'unknown', evidence: 'none', icon: null };
}

/** The first `length` UTF-16 units, without half an emoji at the cut. */
const clip = (text: string, length: number) => text.slice(0, length).replace(/[\uD800-\uDBFF]$/, '');

function excerptOf(container: Element, message: string): string | undefined {
  // The first message is nearly always the post's own: the list is only walked when it is a comment's.
  const first = container.querySelector(message);
  const own =
    first && !inNestedArticle(first, container)
      ? first
      : [...container.querySelectorAll(message)].find((m) => !inNestedArticle(m, container));
  const text = own?.textContent?.replace(/\s+/g, ' ').trim();
  return text ? clip(text, LIMITS.excerptLength) : undefined;
}

/** The classic site's name links say the numeric id (in their hover card) a username link lacks. */
function withHovercardId(profile: ProfileRef, link: Element): ProfileRef {
  if (profile.id) return profile;
  const id = hovercardIdOf(link.getAttribute(FB.hovercardAttribute));
  return id ? { ...profile, id } : profile;
}

function authorOf(scope: Element | null, links: HTMLAnchorElement[], reader: LinkReader) {
  const candidates = scope ? scope.querySelectorAll<HTMLAnchorElement>(FB.link) : links;
  for (const link of candidates) {
    const profile = reader.profileOf(link.getAttribute('href') ?? '');
    if (profile) return { profile: withHovercardId(profile, link), name: link.textContent?.trim() || undefined, link };
  }
  return null;
}

const sameProfile = (a: ProfileRef | null, b: ProfileRef) =>
  a !== null && ((a.id !== undefined && a.id === b.id) || (a.username !== undefined && a.username === b.username));

/**
 * The story behind a context line ("X replied to a comment on this", "X likes Y"): the container's
 * heading names who acted and its header has no permalink nor icon; a nested story that has its
 * own is the post. Nothing of the context line's is then the post's.
 */
function storyBehindContextLine(container: Element, header: PostHeader, context: FacebookScanContext): Element | null {
  if (header.icons.length > 0 || permalinksOf(header.links, context.links).length > 0) return null;
  // Comments come after the story they are on: the first nested article is the story, if any.
  const nested = container.querySelector(FB.article);
  if (!nested || !firstActorHeading(nested)) return null;
  const own = readPostHeader(nested);
  return own.icons.length > 0 || permalinksOf(own.links, context.links).length > 0 ? nested : null;
}

/** A stable key for a post whose permalink the page hides (Facebook fills timestamp hrefs on hover). */
function fallbackKey(author: string, text: string): string {
  let hash = 2166136261;
  for (const ch of `${author}\n${text}`) hash = Math.imul(hash ^ ch.codePointAt(0)!, 16777619) >>> 0;
  return `dom-${hash.toString(36)}`;
}

/**
 * The cheapest check of all, before the post is read: a post is the viewer's by its author's link or
 * by its data, and a comment in it by its author's link. With no link to the viewer's profile
 * anywhere in it, and no story of theirs in the page's data, it holds nothing of theirs.
 */
function holdsNothingOfViewers(container: Element, context: FacebookScanContext): boolean {
  if (!context.viewer) return true;
  const links = viewerLinkSelectors(context.viewer);
  return links !== null && !context.viewerOwnsStories() && !linksTo(container, links);
}

/** Reads one post and its comments. */
export function scanFacebookPost(container: Element, context: FacebookScanContext): ScannedItem[] {
  if (!context.readOthers && holdsNothingOfViewers(container, context)) {
    context.leftUnread(container);
    return [];
  }
  const header = readPostHeader(container);
  const story = storyBehindContextLine(container, header, context);
  return story ? scanFacebookPost(story, context) : scanPost(container, header, context);
}

function scanPost(container: Element, header: PostHeader, context: FacebookScanContext): ScannedItem[] {
  // The post's own permalink is in its header; elsewhere in the post sit a reshared original's links.
  // Only when the header gave nothing: every link of the post is the costly fallback.
  let fallbackLinks: HTMLAnchorElement[] | undefined;
  const links = () => (fallbackLinks ??= ownLinks(container));
  const permalinks = permalinksOf(header.links.length > 0 ? header.links : links().slice(0, 1), context.links);
  const story = context.data.storyFor(permalinks.map((p) => p.postId));
  const permalink = permalinks[0];
  const author = authorOf(header.actorHeading, header.actorHeading ? [] : links(), context.links);
  if (!story && !permalink && !author) return [];
  const isOwn = isViewer(author?.profile, context.viewer) || (story?.ownerId !== undefined && story.ownerId === context.viewer?.id);
  // The cheap checks are done (whose post, has its data come): someone else's post is read no further
  // unless asked, or unless a comment in it may be the viewer's (it takes this post's audience).
  if (!isOwn && !context.readOthers && !mayHoldViewersComment(container, context.viewer)) {
    context.leftUnread(container, [...(story ? [story.postId] : []), ...permalinks.map((p) => p.postId)]);
    return [];
  }
  // The post's words are read only when kept or when its key has to be made from them.
  let words: { text: string | undefined } | undefined;
  const excerpt = () => (words ??= { text: excerptOf(container, header.parts.message) }).text;
  const ownerId = story?.ownerId ?? author?.profile.id ?? author?.profile.username ?? '';
  const postId = story?.postId ?? permalink?.postId ?? fallbackKey(ownerId, excerpt() ?? '');
  const reading = decideAudience(header, story, postId, context);
  const aliasIds = story && permalink && permalink.postId !== story.postId ? [permalink.postId] : undefined;
  if (reading.audience === 'unknown') context.diagnostics.unknownPost(postId);
  else context.diagnostics.knownPost(postId);
  const post: DetectedPost = {
    platform: 'facebook',
    postId,
    url: (story?.url ?? permalink?.url ?? context.baseUrl).slice(0, LIMITS.urlLength),
    kind: permalink?.kind ?? 'post',
    ownerId: ownerId.slice(0, LIMITS.idLength),
    isOwn,
    audience: reading.audience,
    evidence: reading.evidence,
  };
  const ownerName = story?.ownerName ?? author?.name;
  if (ownerName) post.ownerName = ownerName.slice(0, LIMITS.nameLength);
  if (aliasIds) post.aliasIds = aliasIds;
  if (reading.source) post.audienceSource = reading.source.slice(0, LIMITS.labelLength);
  if (reading.disagreement) post.disagreement = reading.disagreement;
  if (story?.publishedAt !== undefined) post.publishedAt = story.publishedAt;
  const kept = context.keepExcerpts ? (story?.excerpt ?? excerpt()) : undefined;
  if (kept) post.excerpt = kept;
  const items: ScannedItem[] = [{ post, element: container, badgeAnchor: reading.icon ?? header.actorHeading ?? container }];
  // Others' comments, like others' posts, are read only when asked: one whose author is told by its
  // first link, or that links nowhere to the viewer's profile, is left (each reply is an article of
  // its own in this list, so a reply of theirs under someone else's comment is still read).
  const viewerLinks = context.readOthers || !context.viewer ? null : viewerLinkSelectors(context.viewer);
  for (const comment of container.querySelectorAll(FB.article)) {
    const author = context.readOthers ? 'untold' : authorByFirstLink(comment, context);
    if (author === 'someone else') continue;
    if (author === 'untold' && viewerLinks !== null && !linksTo(comment, viewerLinks)) continue;
    const item = scanComment(comment, post, context);
    if (item) items.push(item);
  }
  return items;
}

/**
 * Whether any comment in the post may be the viewer's: a comment is theirs only through a link to
 * their profile (its address holds their username, in any case, or their id; a classic name link's
 * hover card holds the id), so a post with no comment, or with no such link, holds none.
 */
function mayHoldViewersComment(container: Element, viewer: Viewer | null): boolean {
  if (!viewer || !container.querySelector(FB.article)) return false;
  const links = viewerLinkSelectors(viewer);
  return links === null || linksTo(container, links);
}

const viewerLinks = new WeakMap<Viewer, readonly string[] | null>();
/**
 * Links that may be to the viewer's profile; null while their username is unknown (a link by
 * username would not hold the id, so nothing can be ruled out). Only links: the reader takes an
 * author from nothing else (authorOf), and the classic hover card is on the name link (every one in
 * the real pages of 2016–17 is an `a`).
 */
function viewerLinkSelectors(viewer: Viewer): readonly string[] | null {
  let selectors = viewerLinks.get(viewer);
  if (selectors === undefined) {
    // Ids are digits and usernames [A-Za-z0-9.]; anything else is escaped all the same.
    const quote = (value: string) => JSON.stringify(value);
    // The username first: the viewer's own author links nearly always carry it, so an own post stops early.
    selectors = viewer.username
      ? [`a[href*=${quote(viewer.username)} i]`, `a[href*=${quote(viewer.id)}]`, `a[${FB.hovercardAttribute}*=${quote(viewer.id)}]`]
      : null;
    viewerLinks.set(viewer, selectors);
  }
  return selectors;
}

/**
 * Whether any element under `scope` matches one of `selectors`, asked one selector at a time: most
 * posts are someone else's and match none, and Chromium walks a heavy post (~840 elements) about
 * twice as fast for the three alone in turn as for their list (26 against 60 µs, bench/notes/scan-cost.md).
 */
function linksTo(scope: Element, selectors: readonly string[]): boolean {
  for (const selector of selectors) if (scope.querySelector(selector) !== null) return true;
  return false;
}

/** Whether `node` belongs to `comment` itself, not to a reply nested in it. */
const inCommentItself = (node: Element, comment: Element) => node.parentElement?.closest(FB.article) === comment;

/**
 * Whose comment this is, told from its first link alone: a comment's first own link, when it is a
 * profile's, is its author (authorOf takes the same one), so someone else's comment is left without
 * listing its links. Most comments on a heavy post are others' (the heavy feed of figure 8: reading
 * the post took about a fifth less). Untold when the first link is a reply's or not a profile's.
 */
function authorByFirstLink(comment: Element, context: FacebookScanContext): 'viewer' | 'someone else' | 'untold' {
  const first = comment.querySelector(FB.link);
  if (!first || !inCommentItself(first, comment)) return 'untold';
  const profile = context.links.profileOf(first.getAttribute('href') ?? '');
  if (!profile) return 'untold';
  return isViewer(withHovercardId(profile, first), context.viewer) ? 'viewer' : 'someone else';
}

/** A comment is as visible as the post it is on (docs/FACTS.md#what-is-public): it takes the post's audience. */
function scanComment(comment: Element, parent: DetectedPost, context: FacebookScanContext): ScannedItem | null {
  // Its own links, not its replies': a comment without replies spares a closest() per link.
  const all = [...comment.querySelectorAll<HTMLAnchorElement>(FB.link)];
  const links = comment.querySelector(FB.article) ? all.filter((a) => inCommentItself(a, comment)) : all;
  const author = authorOf(null, links, context.links);
  const isOwn = isViewer(author?.profile, context.viewer);
  // Someone else's comment is read no further unless asked: on the viewer's own post every comment's
  // timestamp links to the post under the viewer's name, so the link check before let all of them in.
  if (!isOwn && !context.readOthers) return null;
  let commentId: string | undefined;
  for (const link of links) {
    commentId = context.links.permalinkOf(link.getAttribute('href') ?? '')?.commentId;
    if (commentId) break;
  }
  const authorLinks = author ? links.filter((a) => sameProfile(context.links.profileOf(a.getAttribute('href') ?? ''), author.profile)) : [];
  // Where no timestamp permalink says it (2024–), the author's name link carries the comment's id.
  for (const link of authorLinks) {
    if (commentId) break;
    commentId = context.links.commentIdOf(link.getAttribute('href') ?? '');
  }
  if (!commentId || !/^[\w=-]{1,100}$/.test(commentId)) return null;
  const post: DetectedPost = {
    platform: 'facebook',
    postId: `${parent.postId}_${commentId}`,
    url: commentUrl(parent.url, commentId),
    kind: 'comment',
    ownerId: (author?.profile.id ?? author?.profile.username ?? '').slice(0, LIMITS.idLength),
    isOwn,
    audience: parent.audience,
    evidence: parent.evidence,
    parentPostId: parent.postId,
  };
  if (author?.name) post.ownerName = author.name.slice(0, LIMITS.nameLength);
  if (parent.audienceSource) post.audienceSource = parent.audienceSource;
  if (context.keepExcerpts) {
    const text = commentWords(comment, authorLinks);
    if (text) post.excerpt = clip(text, LIMITS.excerptLength);
  }
  return { post, element: comment, badgeAnchor: author?.link.parentElement ?? comment };
}

/**
 * The comment's own text blocks, outermost only: not its replies', and never its author's name
 * (a link's text, or a block holding a link to the author).
 */
function commentWords(comment: Element, authorLinks: HTMLAnchorElement[]): string {
  const parts: string[] = [];
  let kept: Element | null = null;
  for (const block of comment.querySelectorAll(FB.commentText)) {
    if (kept?.contains(block) || !inCommentItself(block, comment)) continue;
    if (block.closest(FB.link) || authorLinks.some((link) => block.contains(link))) continue;
    kept = block;
    parts.push(block.textContent ?? '');
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
