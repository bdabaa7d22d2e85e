import { platformOfDomain, SITES } from '../../core';
import { RESERVED_PATHS } from './selectors';

const ORIGIN = SITES.facebook.origin;

/** What the readers below need of an href: its host, its path and its query (raw, and parsed on demand). */
type HrefParts = Pick<URL, 'hostname' | 'pathname' | 'search' | 'searchParams'>;

/**
 * An https address on a lower-case host, or a path from the root, whose path holds only characters
 * the URL parser keeps as they are and whose query is printable ASCII: for these, splitting the
 * string gives what the parser would (no escaping, no dot segments, no backslashes, no spaces to
 * strip). A feed's hundreds of links are read so, without a URL each; anything else is parsed.
 */
const PLAIN_HREF = /^(?:https:\/\/([a-z0-9.-]+))?(\/[\w.~/-]*)(\?[\x21-\x22\x24-\x5b\x5d-\x7e]*)?(?:#.*)?$/;
/** A "." or ".." segment, an empty one, or a leading "//" (another host): the parser's business. */
const NOT_PLAIN_PATH = /(?:^|\/)\.{1,2}(?:\/|$)|\/\//;

let lastBase: { base: string; hostname: string | null } | undefined;
/** The base's host, for paths from the root; a page reads every link against one base. */
function baseHostname(base: string): string | null {
  if (lastBase?.base !== base) {
    let hostname: string | null;
    try {
      hostname = new URL(base).hostname;
    } catch {
      hostname = null;
    }
    lastBase = { base, hostname };
  }
  return lastBase.hostname;
}

function split(href: string, base: string): HrefParts | null | undefined {
  const plain = PLAIN_HREF.exec(href);
  if (!plain || NOT_PLAIN_PATH.test(plain[2]!)) return undefined;
  const hostname = plain[1] ?? baseHostname(base);
  if (hostname === null) return undefined;
  const query = plain[3] ?? '';
  let params: URLSearchParams | undefined;
  return {
    hostname,
    pathname: plain[2]!,
    search: query,
    get searchParams() {
      return (params ??= new URLSearchParams(query));
    },
  };
}

let lastHost: { hostname: string; facebook: boolean } | undefined;
/** Whether a host is Facebook's; a page's links are nearly all on one host, so the last answer is kept. */
function onFacebook(hostname: string): boolean {
  if (lastHost?.hostname !== hostname) lastHost = { hostname, facebook: platformOfDomain(hostname) === 'facebook' };
  return lastHost.facebook;
}

/** An href read against `base` when it is on a Facebook host; null otherwise. */
export function parseHref(href: string, base: string): HrefParts | null {
  const plain = split(href, base);
  if (plain !== undefined) return plain && onFacebook(plain.hostname) ? plain : null;
  try {
    const url = new URL(href, base);
    return onFacebook(url.hostname) ? url : null;
  } catch {
    return null;
  }
}

/** Who a profile link points at: a numeric id or a username. */
export interface ProfileRef {
  id?: string;
  username?: string;
}

/** `/alice.martin`, `/profile.php?id=1`, `/people/Name/1/`, `/groups/g/user/1/` → the person. */
export function profileOf(href: string, base: string): ProfileRef | null {
  const url = parseHref(href, base);
  if (!url) return null;
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts[0] === 'profile.php') {
    const id = url.searchParams.get('id');
    return id && /^\d+$/.test(id) ? { id } : null;
  }
  if (parts[0] === 'people' && parts[2] && /^\d+$/.test(parts[2])) return { id: parts[2] };
  if (parts[0] === 'groups' && parts[2] === 'user' && parts[3] && /^\d+$/.test(parts[3])) return { id: parts[3] };
  // A classic Page address, "/Page-Name-<id>/": usernames never hold a hyphen, so the number is the Page's id.
  const pageId = parts.length === 1 ? /^[^/]+-(\d{5,40})$/.exec(parts[0]!)?.[1] : undefined;
  if (pageId) return { id: pageId };
  // A bare profile link has one segment; deeper paths (/alice/posts/…) are permalinks, not author links.
  if (parts.length === 1 && parts[0] && !RESERVED_PATHS.has(parts[0]) && /^[A-Za-z0-9.\-_]+$/.test(parts[0])) {
    return /^\d+$/.test(parts[0]) ? { id: parts[0] } : { username: parts[0].toLowerCase() };
  }
  return null;
}

/** Base64 of "comment:<post id>_<comment id>", as comment_id reads on name links since 2024. */
const ENCODED_COMMENT = /^comment:\d+_(\d+)$/;

/**
 * A comment's key from a link's query: the reply's own id where the link is to a reply, else
 * comment_id, the number itself either way (a timestamp link and a name link then agree).
 */
export function commentKeyOf(query: URLSearchParams): string | undefined {
  const value = query.get('reply_comment_id') ?? query.get('comment_id');
  if (!value) return undefined;
  if (/^\d{1,40}$/.test(value)) return value;
  try {
    const decoded = ENCODED_COMMENT.exec(atob(value));
    if (decoded) return decoded[1];
  } catch {
    // Not base64: kept as it is when it looks like an id.
  }
  return /^[\w=-]{1,100}$/.test(value) ? value : undefined;
}

/** The comment a link names (`comment_id` on a permalink or on its author's name link). */
export function commentIdOf(href: string, base: string): string | undefined {
  if (!href.includes('comment_id')) return undefined;
  const url = parseHref(href, base);
  return url ? commentKeyOf(url.searchParams) : undefined;
}

/** An https address already in the URL parser's form, with no query or fragment. */
const PLAIN_URL = /^https:\/\/[a-z0-9.-]+(\/[\w.~/-]*)$/;

/**
 * A post's address with `comment_id` set, as URLSearchParams writes it. A plain address needs no parse:
 * a feed has a comment for every few posts, and each took a URL parse and serialisation.
 */
export function commentUrl(postUrl: string, commentId: string): string {
  const plain = PLAIN_URL.exec(postUrl);
  if (plain && !NOT_PLAIN_PATH.test(plain[1]!)) return `${postUrl}?comment_id=${encodeURIComponent(commentId)}`;
  const url = new URL(postUrl);
  url.searchParams.set('comment_id', commentId);
  return url.toString();
}

/** `/ajax/hovercard/user.php?id=1` (classic name links' data-hovercard) → the person's numeric id. */
export function hovercardIdOf(value: string | null): string | undefined {
  if (!value) return undefined;
  return /^\/ajax\/hovercard\/(?:user|hovercard|page)\.php\?id=(\d{1,40})(?:&|$)/.exec(value)?.[1];
}

/** A post's permalink: its key (numeric id or the permalink path), kind, and canonical URL. */
export interface PermalinkRef {
  postId: string;
  kind: 'post' | 'photo' | 'video';
  url: string;
  groupId?: string;
  commentId?: string;
}

/** A word of every permalink shape's path below; an href without one, whose base has none either, is no permalink. */
const PERMALINK_WORDS = /posts|permalink|story\.php|photo|videos|watch|reel/;
/** The URL parser drops tabs and newlines inside an href, so they can split a word it would still read. */
const DROPPED_BY_PARSER = /[\t\n\r]/;

/**
 * Most of a post's links (names, hashtags, "Like") cannot be a permalink: a look for the path's
 * words spares them a URL parse. Percent-escapes are not decoded in a path, so an escaped word
 * is not one the parser would match either.
 */
const cannotBePermalink = (href: string, base: string): boolean =>
  !PERMALINK_WORDS.test(href) && !PERMALINK_WORDS.test(base) && !DROPPED_BY_PARSER.test(href);

/**
 * Whether a raw query may hold comment_id or reply_comment_id: most permalinks carry only tracking
 * parameters, and parsing those for nothing was 6–7 % of a 2,000-post scan's CPU profile. An escaped
 * name ("comment%5Fid") is one the parser decodes, so any escape is read in full.
 */
const mayNameComment = (search: string): boolean => search.includes('comment_id') || search.includes('%');

/** Reads a permalink in any of its shapes; tracking parameters are dropped from the URL kept. */
export function permalinkOf(href: string, base: string): PermalinkRef | null {
  if (cannotBePermalink(href, base)) return null;
  const url = parseHref(href, base);
  if (!url) return null;
  const parts = url.pathname.split('/').filter(Boolean);
  const commentId = mayNameComment(url.search) ? commentKeyOf(url.searchParams) : undefined;
  const clean = (path: string, keep: string[] = []) => {
    // The path is made of the parsed URL's own segments, already in the form a parse would give.
    if (keep.length === 0) return `${ORIGIN}${path}`;
    const out = new URL(path, ORIGIN);
    for (const name of keep) {
      const value = url.searchParams.get(name);
      if (value) out.searchParams.set(name, value);
    }
    return out.toString();
  };
  const withComment = <T extends PermalinkRef>(ref: T): T => (commentId ? { ...ref, commentId } : ref);
  // /groups/<g>/posts/<id>/ and /groups/<g>/permalink/<id>/
  if (parts[0] === 'groups' && parts[1] && (parts[2] === 'posts' || parts[2] === 'permalink') && parts[3]) {
    return withComment({ postId: parts[3], kind: 'post', url: clean(`/groups/${parts[1]}/posts/${parts[3]}/`), groupId: parts[1] });
  }
  // /<user>/posts/<id> (numeric or pfbid token)
  if (parts[1] === 'posts' && parts[2] && parts[0] !== 'groups') {
    return withComment({ postId: parts[2], kind: 'post', url: clean(`/${parts[0]}/posts/${parts[2]}`) });
  }
  if (parts[0] === 'permalink.php' || parts[0] === 'story.php') {
    const id = url.searchParams.get('story_fbid');
    if (id) return withComment({ postId: id, kind: 'post', url: clean(`/${parts[0]}`, ['story_fbid', 'id']) });
  }
  if (parts[0] === 'photo' || parts[0] === 'photo.php' || parts[1] === 'photos') {
    const id = url.searchParams.get('fbid') ?? parts.at(-1);
    if (id && /^\d+$/.test(id)) return withComment({ postId: id, kind: 'photo', url: `${ORIGIN}/photo/?fbid=${id}` });
  }
  if (parts[1] === 'videos' || parts[0] === 'watch' || parts[0] === 'reel') {
    const id = url.searchParams.get('v') ?? parts.find((p) => /^\d+$/.test(p));
    if (id) return withComment({ postId: id, kind: 'video', url: `${ORIGIN}/watch/?v=${id}` });
  }
  return null;
}

/** How many hrefs a generation holds; a reader remembers one to two generations: a few screens of posts, so memory stays flat on a long feed. */
const HREFS_PER_GENERATION = 256;

/**
 * Readings of recent hrefs in two generations: a full one becomes the old one and the oldest is
 * dropped whole. Unlike evicting the oldest entry at every insert, a miss costs no Map iterator and
 * no delete, which on a first read of a long feed (every href new) were a share of the link reading.
 */
class RecentReadings<T> {
  private current = new Map<string, T>();
  private previous = new Map<string, T>();

  /** `read`'s answer for `href`, remembered; answers are never undefined (null is one). */
  get(href: string, read: (href: string, base: string) => T, base: string): T {
    const known = this.current.get(href);
    if (known !== undefined) return known;
    // Not `??`: null is a remembered answer.
    let value = this.previous.get(href);
    if (value === undefined) value = read(href, base);
    if (this.current.size >= HREFS_PER_GENERATION) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(href, value);
    return value;
  }
}

/**
 * The links of one page, read against its address. A post's links are read several times (its
 * permalink, its author, its comments' authors) and again when the post is rescanned: each href
 * is parsed once while it is recent.
 */
export class LinkReader {
  private readonly profiles = new RecentReadings<ProfileRef | null>();
  private readonly permalinks = new RecentReadings<PermalinkRef | null>();

  constructor(readonly base: string) {}

  profileOf(href: string): ProfileRef | null {
    return this.profiles.get(href, profileOf, this.base);
  }

  permalinkOf(href: string): PermalinkRef | null {
    return this.permalinks.get(href, permalinkOf, this.base);
  }

  commentIdOf(href: string): string | undefined {
    return commentIdOf(href, this.base);
  }
}
