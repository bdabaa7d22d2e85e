import { platformOfDomain } from '../../core';
import { IG_PATHS, RESERVED_PATHS } from './selectors';

function parse(href: string, base: string): URL | null {
  try {
    const url = new URL(href, base);
    return platformOfDomain(url.hostname) === 'instagram' ? url : null;
  } catch {
    return null;
  }
}

const ORIGIN_SLASH = `${IG_PATHS.origin}/`;
/** A path of plain segments (letters, digits, `_ . -`), up to its query or fragment. */
const PLAIN_PATH = /^\/(?:[\w.-]+\/)*[\w.-]*(?=[?#]|$)/;
/** A `.` or `..` segment, which a URL parser would resolve away. */
const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)/;

/**
 * The path a link leads to on Instagram, null when it leads elsewhere. The site's own links are
 * relative paths of plain segments (`/alice/`, `/p/CODE/`): for those, and for the same written with
 * the site's origin, the path is the text itself, and a URL parser would return it unchanged; every
 * other link is parsed. A feed post holds a dozen links, each read this way (parsing each one was the
 * larger part of reading an Instagram post: bench/notes/page-overhead-instagram.md).
 */
export function linkPath(href: string, base: string): string | null {
  const local = href.startsWith(ORIGIN_SLASH)
    ? href.slice(IG_PATHS.origin.length)
    : href.startsWith('/') && !href.startsWith('//') && base.startsWith(ORIGIN_SLASH)
      ? href
      : null;
  const plain = local === null ? null : PLAIN_PATH.exec(local)?.[0];
  if (plain !== undefined && plain !== null && !DOT_SEGMENT.test(plain)) return plain;
  return parse(href, base)?.pathname ?? null;
}

const segmentsOf = (path: string) => path.split('/').filter(Boolean);

const isUsername = (segment: string | undefined): segment is string =>
  segment !== undefined && IG_PATHS.username.test(segment) && !RESERVED_PATHS.has(segment.toLowerCase());

/** `/alice/` → "alice"; deeper paths (`/alice/p/…`, `/alice/tagged/`) are not profile links. */
export function profileOf(href: string, base: string): string | null {
  const path = linkPath(href, base);
  if (path === null) return null;
  const parts = segmentsOf(path);
  return parts.length === 1 && isUsername(parts[0]) ? parts[0].toLowerCase() : null;
}

/** A post, reel or comment permalink. */
export interface PostRef {
  code: string;
  kind: 'post' | 'reel';
  /** The canonical address: /p/CODE/ or /reel/CODE/. */
  url: string;
  /** The username the link is prefixed with (`/alice/p/CODE/`, profile grids since 2024). */
  username?: string;
  commentId?: string;
  /** `c/<id>/` or `c/<id>/r/<reply id>/`, appended to `url` for the comment's address. */
  commentPath?: string;
}

export const postUrl = (code: string, kind: 'post' | 'reel') => `${IG_PATHS.origin}/${kind === 'reel' ? 'reel' : 'p'}/${code}/`;

/** Reads `/p/CODE/`, `/reel/CODE/`, `/tv/CODE/`, `/<user>/p/CODE/`, and `…/c/<id>/[r/<id>/]` comment links. */
export function postOf(href: string, base: string): PostRef | null {
  const path = linkPath(href, base);
  if (path === null) return null;
  const parts = segmentsOf(path);
  const at = parts[0] !== undefined && parts[0] in IG_PATHS.postSegments ? 0 : isUsername(parts[0]) ? 1 : -1;
  if (at < 0) return null;
  const kind = IG_PATHS.postSegments[parts[at]!];
  const code = parts[at + 1];
  if (!kind || !code || !IG_PATHS.shortcode.test(code)) return null;
  const ref: PostRef = { code, kind, url: postUrl(code, kind) };
  if (at === 1) ref.username = parts[0]!.toLowerCase();
  if (parts[at + 2] === IG_PATHS.commentSegment && IG_PATHS.numericId.test(parts[at + 3] ?? '')) {
    const comment = parts[at + 3]!;
    const reply = parts[at + 4] === IG_PATHS.replySegment ? parts[at + 5] : undefined;
    const isReply = reply !== undefined && IG_PATHS.numericId.test(reply);
    ref.commentId = isReply ? reply : comment;
    ref.commentPath = isReply ? `c/${comment}/r/${reply}/` : `c/${comment}/`;
  }
  return ref;
}

/** What kind of page an address is. */
export type PageRef =
  | { kind: 'post'; post: PostRef }
  | { kind: 'profile'; username: string; ownPostsTab: boolean }
  | { kind: 'privacy-settings' }
  | { kind: 'other' };

export function pageOf(href: string): PageRef {
  const url = parse(href, IG_PATHS.origin);
  if (!url) return { kind: 'other' };
  if (url.pathname.startsWith(IG_PATHS.privacySettings)) return { kind: 'privacy-settings' };
  // A comment's permalink opens its post's page.
  const post = postOf(url.href, IG_PATHS.origin);
  if (post) return { kind: 'post', post: { code: post.code, kind: post.kind, url: post.url } };
  const parts = segmentsOf(url.pathname);
  if (isUsername(parts[0]) && parts.length <= 2) {
    return {
      kind: 'profile',
      username: parts[0].toLowerCase(),
      ownPostsTab: (IG_PATHS.ownPostTabs as readonly string[]).includes(parts[1] ?? ''),
    };
  }
  return { kind: 'other' };
}
