import { AccountObservationSchema, isTrainingEligible, SiteUrlSchema, yearOf } from '../../core';
import type { AudienceHistoryStep, ObservedAccount, ObservedPost } from '../../core';
import { importReportRecords, type GlasshouseDatabase, type ImportedRecords, type ImportResult } from '../../db';
import { parseReportJson, type ReportParseErrorCode } from '../../report/json';
import type { ExposureReport } from '../../report/report-schema';

/** Why an import was refused: the file could not be read, its format (`parseReportJson`), its content, or the database write. */
export type ImportErrorCode = ReportParseErrorCode | 'unreadable' | 'not-importable' | 'write-failed';

export type ImportOutcome = { ok: true; result: ImportResult } | { ok: false; code: ImportErrorCode; error: string };

const time = (iso: string) => Date.parse(iso);

/**
 * A parsed report as database records. The file is someone's hand-over, so what the database
 * relies on is checked again: addresses on facebook.com or instagram.com only (a finding never
 * links anywhere else), numeric account ids, and eligibility recomputed from the audience.
 */
export function recordsFromReport(report: ExposureReport): { ok: true; records: ImportedRecords } | { ok: false; error: string } {
  const posts: ObservedPost[] = [];
  const observations: AudienceHistoryStep[] = [];
  for (const [i, finding] of report.findings.entries()) {
    if (!SiteUrlSchema.safeParse(finding.url).success) {
      return { ok: false, error: `findings[${i}].url is not a facebook.com or instagram.com address.` };
    }
    const seen = [time(finding.firstSeen), time(finding.lastSeen)];
    const post: ObservedPost = {
      platform: finding.platform,
      postId: finding.postId,
      url: finding.url,
      kind: finding.kind,
      ownerId: finding.owner.id,
      audience: finding.audience,
      eligible: isTrainingEligible(finding.audience).eligible,
      evidence: finding.evidence,
      publishedYear: 0,
      firstSeen: Math.min(...seen),
      lastSeen: Math.max(...seen),
    };
    if (finding.owner.name !== undefined) post.ownerName = finding.owner.name;
    if (finding.audienceSource !== undefined) post.audienceSource = finding.audienceSource;
    if (finding.parentPostId !== undefined) post.parentPostId = finding.parentPostId;
    if (finding.publishedAt !== undefined) {
      post.publishedAt = time(finding.publishedAt);
      post.publishedYear = yearOf(post.publishedAt);
    }
    if (finding.excerpt !== undefined) post.excerpt = finding.excerpt;
    posts.push(post);
    for (const step of finding.history) {
      observations.push({
        platform: finding.platform,
        postId: finding.postId,
        audience: step.audience,
        eligible: isTrainingEligible(step.audience).eligible,
        evidence: step.evidence,
        observedAt: time(step.observedAt),
      });
    }
  }
  const accounts: ObservedAccount[] = [];
  for (const [i, account] of report.accounts.entries()) {
    if (!AccountObservationSchema.shape.accountId.safeParse(account.accountId).success) {
      return { ok: false, error: `accounts[${i}].accountId is not an account number.` };
    }
    const history = account.history.map((step) => ({ privacy: step.privacy, evidence: step.evidence, seenAt: time(step.seenAt) }));
    history.sort((a, b) => a.seenAt - b.seenAt);
    const first = history[0];
    const last = history[history.length - 1];
    const stored: ObservedAccount = {
      platform: account.platform,
      accountId: account.accountId,
      // A report lists the user's own accounts only.
      isViewer: 1,
      privacy: account.privacy,
      evidence: last?.evidence ?? 'account',
      firstSeen: first?.seenAt ?? time(report.generatedAt),
      lastSeen: last?.seenAt ?? time(report.generatedAt),
      history,
    };
    if (account.username !== undefined) stored.username = account.username;
    if (account.name !== undefined) stored.name = account.name;
    if (account.professional !== undefined) stored.professional = account.professional;
    accounts.push(stored);
  }
  const objections = report.objections.map((objection) => ({ platform: objection.platform, objectedAt: time(objection.objectedAt) }));
  return { ok: true, records: { posts, observations, accounts, objections } };
}

/** Reads a report file's text and merges it into the database; a refusal at any step leaves the database as it was. */
export async function importReportText(db: GlasshouseDatabase, text: string, now: number): Promise<ImportOutcome> {
  const parsed = parseReportJson(text);
  if (!parsed.ok) return { ok: false, code: parsed.code, error: parsed.error };
  const converted = recordsFromReport(parsed.report);
  if (!converted.ok) return { ok: false, code: 'not-importable', error: converted.error };
  try {
    return { ok: true, result: await importReportRecords(db, converted.records, now) };
  } catch (error) {
    return { ok: false, code: 'write-failed', error: error instanceof Error ? error.message : String(error) };
  }
}
