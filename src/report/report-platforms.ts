import { PLATFORMS, type Platform } from '../core';
import type { ExposureReport } from './report-schema';

/** The platforms a report has anything of: findings, an objection or an account. */
export function platformsSeen(report: ExposureReport): Platform[] {
  const withObjection = new Set(report.objections.map((o) => o.platform));
  return PLATFORMS.filter(
    (platform) =>
      report.findings.some((f) => f.platform === platform) ||
      withObjection.has(platform) ||
      report.accounts.some((a) => a.platform === platform),
  );
}

/** The first objection on a platform: an objection covers what is published after it. */
export function firstObjectionAt(report: ExposureReport, platform: Platform): string | undefined {
  return report.objections
    .filter((o) => o.platform === platform)
    .map((o) => o.objectedAt)
    .sort()[0];
}
