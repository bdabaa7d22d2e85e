import { postKey, type AudienceHistoryStep } from '../../core';
import { t } from '../../lib/i18n';
import { buildReport, compareFindings, summarize, type ReportInput } from '../../report/build-report';
import { REPORT_LIMITS, type ExposureReport, type ReportFinding } from '../../report/report-schema';
import { reportStringsFrom, type ReportStrings } from '../../report/report-strings';
import { textLocale } from './format';

/**
 * Building the report from the stored rows, in chunks: what the Glasshouse page needs to draw its
 * charts when it opens. Writing a file (JSON, CSV with papaparse, HTML) and downloading it is in
 * export-report.ts, which the page loads only when the user asks for an export (bench figure 6).
 */

/** Called with the share done, from 0 to 1. */
export type ProgressListener = (fraction: number) => void;

/** Posts (then findings) handled between two pauses. */
export const EXPORT_CHUNK = 2_000;

export const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** `onProgress` of a step that covers [from, to] of the whole. */
export const part = (onProgress: ProgressListener | undefined, from: number, to: number): ProgressListener | undefined =>
  onProgress && ((fraction) => onProgress(from + (to - from) * Math.min(1, Math.max(0, fraction))));

/** `buildReport`, a chunk of posts at a time: the same report (a test holds it to that). */
export async function buildReportInChunks(
  input: ReportInput,
  onProgress?: ProgressListener,
  chunkSize = EXPORT_CHUNK,
): Promise<ExposureReport> {
  const posts = input.posts.slice(0, REPORT_LIMITS.findings);
  const historyOf = new Map<string, AudienceHistoryStep[]>();
  for (const observation of input.observations) {
    const key = postKey(observation);
    const list = historyOf.get(key);
    if (list) list.push(observation);
    else historyOf.set(key, [observation]);
  }
  const shell = buildReport({ ...input, posts: [], observations: [] });
  const findings: ReportFinding[] = [];
  for (let start = 0; start < posts.length; start += chunkSize) {
    const slice = posts.slice(start, start + chunkSize);
    const observations = slice.flatMap((post) => historyOf.get(postKey(post)) ?? []);
    for (const finding of buildReport({ posts: slice, observations, accounts: [], objections: [], now: input.now }).findings) {
      findings.push(finding);
    }
    onProgress?.((start + slice.length) / posts.length);
    await pause();
  }
  findings.sort(compareFindings);
  onProgress?.(1);
  return { ...shell, summary: { platforms: summarize(findings) }, findings };
}

/** The user's time zone, for the dates of the HTML file. */
export function userTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** The HTML file's and the report page's labels, in the language of the extension's messages. */
export function reportStrings(): ReportStrings {
  return reportStringsFrom(textLocale(), t);
}
