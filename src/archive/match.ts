import type { ObservedPost, Platform } from '../core';
import type { ArchivedPost } from './posts-files';

export interface MatchedPost {
  archived: ArchivedPost;
  observed: ObservedPost;
}

/** One platform's comparison of the export with what was seen. */
export interface ArchiveComparison {
  platform: Platform;
  /** Posts in the export. */
  total: number;
  matched: MatchedPost[];
  /** Never seen on a page: their audience is unknown — never "not public". Newest first. */
  unseen: ArchivedPost[];
  /** Of the unseen, those older than the oldest post the full scan reached: history the scan has not covered. */
  notCoveredByScan: number;
  /** The oldest date the latest full scan reached, if one ran. */
  scanReachedBack?: number;
}

const DAY = 24 * 3600 * 1000;
/** Compared: the first characters of the text, letters and digits only (the page cuts long posts with "… See more"). */
const PREFIX = 40;
/** Below this, a prefix alone proves nothing ("Hi"): the texts must be equal. */
const SHORTEST_PREFIX = 8;

/** Letters and digits, lower case, single spaces: punctuation, emoji and the page's "…" do not count. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A page shows a long post cut, "… See more" in the page's language: only what comes before the ellipsis is the post's. */
function uncut(excerpt: string): string {
  const cut = /\u2026[^\u2026]{0,40}$/u.exec(excerpt);
  return cut ? excerpt.slice(0, cut.index) : excerpt;
}

function textsAgree(archived: string, observed: string): boolean {
  const a = archived.slice(0, PREFIX);
  const b = observed.slice(0, PREFIX);
  if (!a || !b) return false;
  if (a === b) return true;
  if (Math.min(a.length, b.length) < SHORTEST_PREFIX) return false;
  return a.startsWith(b) || b.startsWith(a);
}

/**
 * Pairs each archived post with at most one observed post: the texts agree (normalized prefix) and,
 * when the page told the observed post's date, the dates are within a day (time zones, edits). A
 * post without text (a photo) pairs on the date alone, with an observed post that has no text either.
 * Of several candidates, the nearest in time wins.
 */
export function compareWithObserved(
  platform: Platform,
  archived: readonly ArchivedPost[],
  observed: readonly ObservedPost[],
  scanReachedBack?: number,
): ArchiveComparison {
  const mine = archived.filter((p) => p.platform === platform);
  const candidates = observed.filter((o) => o.platform === platform).map((o) => ({ post: o, text: normalizeText(uncut(o.excerpt ?? '')) }));
  const taken = new Set<string>();
  const matched: MatchedPost[] = [];
  const unseen: ArchivedPost[] = [];
  for (const post of [...mine].sort((a, b) => b.publishedAt - a.publishedAt)) {
    const text = normalizeText(post.text);
    let best: { post: ObservedPost; distance: number } | undefined;
    for (const candidate of candidates) {
      if (taken.has(candidate.post.postId)) continue;
      const { publishedAt } = candidate.post;
      const distance = publishedAt === undefined ? Number.POSITIVE_INFINITY : Math.abs(publishedAt - post.publishedAt);
      if (publishedAt !== undefined && distance > DAY) continue;
      const agrees = text ? textsAgree(text, candidate.text) : !candidate.text && publishedAt !== undefined;
      if (!agrees) continue;
      if (!best || distance < best.distance) best = { post: candidate.post, distance };
    }
    if (best) {
      taken.add(best.post.postId);
      matched.push({ archived: post, observed: best.post });
    } else {
      unseen.push(post);
    }
  }
  const comparison: ArchiveComparison = {
    platform,
    total: mine.length,
    matched,
    unseen,
    notCoveredByScan: scanReachedBack === undefined ? unseen.length : unseen.filter((p) => p.publishedAt < scanReachedBack - DAY).length,
  };
  if (scanReachedBack !== undefined) comparison.scanReachedBack = scanReachedBack;
  return comparison;
}
