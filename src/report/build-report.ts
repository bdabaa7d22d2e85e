import { clipSource, isTrainingEligible, LIMITS, PLATFORMS, postKey, yearOf } from '../core';
import type { AccountObservation, AudienceHistoryStep, DetectedPost, Objection, ObservedAccount, ObservedPost, Platform } from '../core';
import {
  REPORT_LIMITS,
  REPORT_SCHEMA_VERSION,
  type ExposureReport,
  type ReportAccount,
  type ReportFinding,
  type ReportHistoryStep,
  type ReportPlatformSummary,
} from './report-schema';
import { clip } from './text';

export interface ReportInput {
  posts: readonly ObservedPost[];
  observations: readonly AudienceHistoryStep[];
  accounts: readonly ObservedAccount[];
  /** Only the platform and the date count: how the objection was recorded is the database's business. */
  objections: readonly Pick<Objection, 'platform' | 'objectedAt'>[];
  now: number;
}

// Date#toISOString throws past ±8.64e15 ms: an out-of-range time is treated as missing.
const MAX_TIME = 8.64e15;
const validTime = (time: number | undefined): time is number =>
  typeof time === 'number' && Number.isFinite(time) && Math.abs(time) <= MAX_TIME;
const iso = (time: number, fallback: number): string => new Date(validTime(time) ? time : fallback).toISOString();

/** The publication year the charts use (`yearOf`, as the database's `publishedYear`); 0 when unknown. */
export const publicationYear = (publishedAt: string | undefined): number => (publishedAt ? yearOf(Date.parse(publishedAt)) : 0);

const platformOrder = (platform: Platform) => PLATFORMS.indexOf(platform);
/** Code-unit order: the same on every machine, whatever its locale. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Platform, then newest publication first (unknown dates last), then id: the same order on every run. */
export function compareFindings(a: ReportFinding, b: ReportFinding): number {
  return (
    platformOrder(a.platform) - platformOrder(b.platform) ||
    compareText(b.publishedAt ?? '', a.publishedAt ?? '') ||
    compareText(a.postId, b.postId)
  );
}

function historiesByPost(observations: readonly AudienceHistoryStep[], now: number): Map<string, ReportHistoryStep[]> {
  const grouped = new Map<string, AudienceHistoryStep[]>();
  for (const observation of observations) {
    const key = postKey(observation);
    const list = grouped.get(key);
    if (list) list.push(observation);
    else grouped.set(key, [observation]);
  }
  const histories = new Map<string, ReportHistoryStep[]>();
  for (const [key, list] of grouped) {
    // A stable sort keeps the writing order of observations made in the same millisecond.
    const sorted = [...list].sort((a, b) => a.observedAt - b.observedAt).slice(-REPORT_LIMITS.historyPerPost);
    histories.set(
      key,
      sorted.map((o) => ({ audience: o.audience, eligible: o.eligible, evidence: o.evidence, observedAt: iso(o.observedAt, now) })),
    );
  }
  return histories;
}

function toFinding(post: ObservedPost, history: ReportHistoryStep[], now: number): ReportFinding {
  const owner: ReportFinding['owner'] = { id: clip(post.ownerId, LIMITS.idLength) };
  if (post.ownerName !== undefined) owner.name = clip(post.ownerName, LIMITS.nameLength);
  const finding: ReportFinding = {
    platform: post.platform,
    postId: clip(post.postId, LIMITS.idLength),
    url: clip(post.url, LIMITS.urlLength),
    kind: post.kind,
    owner,
    audience: post.audience,
    eligible: post.eligible,
    evidence: post.evidence,
    firstSeen: iso(post.firstSeen, now),
    lastSeen: iso(post.lastSeen, now),
    history,
  };
  if (post.audienceSource !== undefined)
    finding.audienceSource =
      typeof post.audienceSource === 'string' ? clip(post.audienceSource, LIMITS.labelLength) : clipSource(post.audienceSource);
  if (post.parentPostId !== undefined) finding.parentPostId = clip(post.parentPostId, LIMITS.idLength);
  if (validTime(post.publishedAt)) finding.publishedAt = iso(post.publishedAt, now);
  if (post.excerpt !== undefined) finding.excerpt = clip(post.excerpt, LIMITS.excerptLength);
  return finding;
}

function toAccount(account: ObservedAccount, now: number): ReportAccount {
  const out: ReportAccount = {
    platform: account.platform,
    accountId: clip(account.accountId, LIMITS.idLength),
    privacy: account.privacy,
    history: [...account.history]
      .sort((a, b) => a.seenAt - b.seenAt)
      .slice(-REPORT_LIMITS.historyPerAccount)
      .map((step) => ({ privacy: step.privacy, evidence: step.evidence, seenAt: iso(step.seenAt, now) })),
  };
  if (account.username !== undefined) out.username = clip(account.username, LIMITS.nameLength);
  if (account.name !== undefined) out.name = clip(account.name, LIMITS.nameLength);
  if (account.professional !== undefined) out.professional = account.professional;
  return out;
}

/** Counts per platform, every platform listed so a reader can rely on the shape. */
export function summarize(findings: readonly ReportFinding[]): ReportPlatformSummary[] {
  return PLATFORMS.map((platform) => {
    const summary: ReportPlatformSummary = { platform, eligible: 0, notEligible: 0, unknown: 0, total: 0, eligibleByYear: [] };
    const years = new Map<number, number>();
    for (const finding of findings) {
      if (finding.platform !== platform) continue;
      summary.total += 1;
      if (finding.eligible === 'yes') {
        summary.eligible += 1;
        const year = publicationYear(finding.publishedAt);
        years.set(year, (years.get(year) ?? 0) + 1);
      } else if (finding.eligible === 'no') summary.notEligible += 1;
      else summary.unknown += 1;
    }
    summary.eligibleByYear = [...years]
      // Known years ascending, then the unknown year (0) last.
      .sort(([a], [b]) => (a === 0 ? 1 : b === 0 ? -1 : a - b))
      .slice(0, REPORT_LIMITS.years)
      .map(([year, eligible]) => ({ year, eligible }));
    return summary;
  });
}

/**
 * The exposure report of what the extension stored. Only the user's own posts are stored, so
 * nothing is filtered out but other people's accounts (the accounts table also keeps the privacy
 * of profiles the user visited). Pure: the same input gives the same report.
 */
export function buildReport(input: ReportInput): ExposureReport {
  const histories = historiesByPost(input.observations, input.now);
  const findings = input.posts
    .slice(0, REPORT_LIMITS.findings)
    .map((post) => toFinding(post, histories.get(postKey(post)) ?? [], input.now))
    .sort(compareFindings);
  const accounts = input.accounts
    .filter((account) => account.isViewer === 1)
    .slice(0, REPORT_LIMITS.accounts)
    .map((account) => toAccount(account, input.now))
    .sort((a, b) => platformOrder(a.platform) - platformOrder(b.platform) || compareText(a.accountId, b.accountId));
  const objections = input.objections
    .filter((objection) => validTime(objection.objectedAt))
    .map((objection) => ({ platform: objection.platform, objectedAt: iso(objection.objectedAt, input.now) }))
    .sort((a, b) => platformOrder(a.platform) - platformOrder(b.platform) || compareText(a.objectedAt, b.objectedAt))
    .slice(0, REPORT_LIMITS.objections);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: iso(input.now, 0),
    summary: { platforms: summarize(findings) },
    accounts,
    objections,
    findings,
  };
}

/** Two readings of one post from different pages: a known audience beats `unknown`, else the first stays. */
function mergeDetected(posts: readonly DetectedPost[]): DetectedPost[] {
  const byKey = new Map<string, DetectedPost>();
  for (const post of posts) {
    const key = postKey(post);
    const known = byKey.get(key);
    if (!known || (known.audience === 'unknown' && post.audience !== 'unknown')) byKey.set(key, post);
  }
  return [...byKey.values()];
}

/** The report of posts read off saved pages (the command line): each post seen once, at `now`. */
export function reportFromDetected(posts: readonly DetectedPost[], accounts: readonly AccountObservation[], now: number): ExposureReport {
  const stored: ObservedPost[] = [];
  const observations: AudienceHistoryStep[] = [];
  for (const post of mergeDetected(posts)) {
    const { isOwn: _isOwn, ...rest } = post;
    const eligible = isTrainingEligible(post.audience).eligible;
    stored.push({ ...rest, eligible, publishedYear: 0, firstSeen: now, lastSeen: now });
    observations.push({
      platform: post.platform,
      postId: post.postId,
      audience: post.audience,
      eligible,
      evidence: post.evidence,
      observedAt: now,
    });
  }
  const storedAccounts = accounts.map(
    (account): ObservedAccount => ({
      ...account,
      isViewer: account.isViewer ? 1 : 0,
      firstSeen: now,
      lastSeen: now,
      history: [{ privacy: account.privacy, evidence: account.evidence, seenAt: now }],
    }),
  );
  return buildReport({ posts: stored, observations, accounts: storedAccounts, objections: [], now });
}
