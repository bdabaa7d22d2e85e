import { AUDIENCES, PLATFORMS, postKey, yearOf } from '../../core';
import type { Audience, Eligibility, ObservedPost, Platform, PostKind } from '../../core';

/**
 * The report page's table works on an in-memory array of these, read once from IndexedDB: small
 * rows with the sort keys as numbers and the search text lower-cased ahead of time, so that a sort,
 * a filter or a keystroke in the search box is one pass over the array.
 */
export interface FindingRow {
  key: string;
  platform: Platform;
  postId: string;
  url: string;
  kind: PostKind;
  audience: Audience;
  eligible: Eligibility;
  publishedAt: number | undefined;
  /** The year of publication (`yearOf`, as the database's `publishedYear`), 0 when unknown. */
  year: number;
  lastSeen: number;
  excerpt: string | undefined;
  /** Excerpt and address, lower-cased: what the search box looks in. */
  haystack: string;
}

export type SortKey = 'published' | 'lastSeen' | 'platform' | 'audience';
export type SortDirection = 'ascending' | 'descending';
export interface SortOrder {
  key: SortKey;
  direction: SortDirection;
}

/** Newest publication first, like the report files. */
export const DEFAULT_SORT: SortOrder = { key: 'published', direction: 'descending' };

export type OwnerKind = 'post' | 'comment';
export interface RowFilter {
  platform: Platform | 'all';
  audience: Audience | 'all';
  eligible: Eligibility | 'all';
  /** A year of publication, 0 for "unknown". */
  year: number | 'all';
  /** A comment, or anything else the user published (post, photo, video, reel…). */
  kind: OwnerKind | 'all';
  search: string;
}

export const NO_FILTER: RowFilter = { platform: 'all', audience: 'all', eligible: 'all', year: 'all', kind: 'all', search: '' };

const validTime = (time: number | undefined): time is number => typeof time === 'number' && Number.isFinite(time);

export function toFindingRow(post: ObservedPost): FindingRow {
  const publishedAt = validTime(post.publishedAt) ? post.publishedAt : undefined;
  return {
    key: postKey(post),
    platform: post.platform,
    postId: post.postId,
    url: post.url,
    kind: post.kind,
    audience: post.audience,
    eligible: post.eligible,
    publishedAt,
    year: yearOf(publishedAt),
    lastSeen: post.lastSeen,
    excerpt: post.excerpt,
    haystack: `${post.excerpt ?? ''}\n${post.url}`.toLowerCase(),
  };
}

const PLATFORM_RANK = new Map(PLATFORMS.map((platform, i) => [platform, i]));
const AUDIENCE_RANK = new Map(AUDIENCES.map((audience, i) => [audience, i]));

/** The primary sort value of a row; `undefined` (a date not known) sorts last in either direction. */
function sortValue(row: FindingRow, key: SortKey): number | undefined {
  switch (key) {
    case 'published':
      return row.publishedAt;
    case 'lastSeen':
      return row.lastSeen;
    case 'platform':
      return PLATFORM_RANK.get(row.platform) ?? 0;
    case 'audience':
      return AUDIENCE_RANK.get(row.audience) ?? 0;
  }
}

const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Each row's place among equals, whatever the sort: the most recently seen first, then by key, so
 * the order is the same on every run. Computed once per data set, it makes every later sort a
 * comparison of two numbers.
 */
export function tieRanks(rows: readonly FindingRow[]): Uint32Array {
  const order = Array.from(rows.keys()).sort((a, b) => rows[b]!.lastSeen - rows[a]!.lastSeen || compareKeys(rows[a]!.key, rows[b]!.key));
  const ranks = new Uint32Array(rows.length);
  order.forEach((row, rank) => (ranks[row] = rank));
  return ranks;
}

/**
 * A sorted copy: the sort values go into a typed array once, then row numbers are sorted by them
 * (a 50,000-row sort costs tens of milliseconds, not the hundreds a comparator over objects does).
 */
export function sortRows(rows: readonly FindingRow[], order: SortOrder, ranks: Uint32Array = tieRanks(rows)): FindingRow[] {
  const sign = order.direction === 'ascending' ? 1 : -1;
  const values = new Float64Array(rows.length);
  const index = new Uint32Array(rows.length);
  rows.forEach((row, i) => {
    const value = sortValue(row, order.key);
    values[i] = value === undefined ? Infinity : sign * value;
    index[i] = i;
  });
  // Infinity − Infinity is NaN, so two unknown dates fall through to their tie rank too.
  index.sort((a, b) => values[a]! - values[b]! || ranks[a]! - ranks[b]!);
  return Array.from(index, (i) => rows[i]!);
}

/** The rows that pass every filter, in the order given. */
export function filterRows(rows: readonly FindingRow[], filter: RowFilter): FindingRow[] {
  const search = filter.search.trim().toLowerCase();
  const { platform, audience, eligible, year, kind } = filter;
  if (platform === 'all' && audience === 'all' && eligible === 'all' && year === 'all' && kind === 'all' && !search) return [...rows];
  return rows.filter(
    (row) =>
      (platform === 'all' || row.platform === platform) &&
      (audience === 'all' || row.audience === audience) &&
      (eligible === 'all' || row.eligible === eligible) &&
      (year === 'all' || row.year === year) &&
      (kind === 'all' || (kind === 'comment') === (row.kind === 'comment')) &&
      (!search || row.haystack.includes(search)),
  );
}

/** The years of publication present, newest first, "unknown" (0) last. */
export function yearsOf(rows: readonly FindingRow[]): number[] {
  const years = new Set<number>();
  for (const row of rows) years.add(row.year);
  return [...years].sort((a, b) => (a === 0 ? 1 : b === 0 ? -1 : b - a));
}

/** The audiences present, in the domain's order. */
export function audiencesOf(rows: readonly FindingRow[]): Audience[] {
  const present = new Set<Audience>();
  for (const row of rows) present.add(row.audience);
  return AUDIENCES.filter((audience) => present.has(audience));
}

export const PAGE_SIZE = 100;

export interface RowPage {
  rows: FindingRow[];
  /** 0-based, clamped to the pages there are. */
  page: number;
  pages: number;
  /** 1-based positions of the first and last row shown; 0 and 0 when there is none. */
  first: number;
  last: number;
}

export function pageOf(rows: readonly FindingRow[], page: number, size = PAGE_SIZE): RowPage {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  const slice = rows.slice(current * size, current * size + size);
  return {
    rows: slice,
    page: current,
    pages,
    first: slice.length ? current * size + 1 : 0,
    last: current * size + slice.length,
  };
}
