import { describe, expect, it } from 'vitest';
import { isTrainingEligible, type AudienceHistoryStep } from '../../../../src/core';
import { generatedPosts } from '../report/rows-factory';
import { buildReportInChunks, reportFileOf } from '../../../../src/ui/shared/export-report';

/** Time between two progress calls: how long the page could not answer the user. */
function stretches() {
  const gaps: number[] = [];
  let last = performance.now();
  return {
    tick: () => {
      const now = performance.now();
      gaps.push(now - last);
      last = now;
    },
    line: (label: string, total: number) => {
      const sorted = [...gaps].sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
      return `  ${label}: ${total.toFixed(0)} ms in all, ${gaps.length} steps, median step ${median.toFixed(0)} ms, longest ${(sorted.at(-1) ?? 0).toFixed(0)} ms`;
    },
  };
}

describe('the export of 50,000 findings', () => {
  it('is built in steps with a pause between (timings printed, not asserted)', async () => {
    const posts = generatedPosts(50_000);
    const observations: AudienceHistoryStep[] = posts.map((post) => ({
      platform: post.platform,
      postId: post.postId,
      audience: post.audience,
      eligible: isTrainingEligible(post.audience).eligible,
      evidence: post.evidence,
      observedAt: post.firstSeen,
    }));
    const lines: string[] = [];
    let watch = stretches();
    let start = performance.now();
    const report = await buildReportInChunks({ posts, observations, accounts: [], objections: [], now: Date.UTC(2025, 8, 1) }, watch.tick);
    lines.push(watch.line('report', performance.now() - start));
    for (const format of ['json', 'csv', 'html'] as const) {
      watch = stretches();
      start = performance.now();
      const file = await reportFileOf(report, format, { onProgress: watch.tick, timeZone: 'UTC' });
      lines.push(watch.line(`${format} (${(file.text.length / 1e6).toFixed(1)} M characters)`, performance.now() - start));
      expect(file.findings).toBe(50_000);
    }
    console.log(`Export of 50,000 findings, chunks of 2,000:\n${lines.join('\n')}`);
  }, 300_000);
});
