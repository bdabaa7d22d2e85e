import { describe, expect, it } from 'vitest';
import type { DetectedPost } from '../../../src/core';
import { buildReport, ExposureReportSchema, reportFromDetected } from '../../../src/report';
import { at, hostilePost, sampleInput } from './sample';

describe('buildReport', () => {
  it('gives each post its history, oldest first', () => {
    const report = buildReport(sampleInput());
    const dinner = report.findings.find((f) => f.postId === 'pfbid0dinner')!;
    expect(dinner.history).toEqual([
      { audience: 'public', eligible: 'yes', evidence: 'label', observedAt: '2025-05-01T09:00:00.000Z' },
      { audience: 'friends', eligible: 'no', evidence: 'embedded-json', observedAt: '2025-06-15T10:00:00.000Z' },
    ]);
  });

  it('counts per platform and per year of publication, unknown dates last', () => {
    const { summary } = buildReport(sampleInput());
    expect(summary.platforms).toEqual([
      {
        platform: 'facebook',
        eligible: 2,
        notEligible: 1,
        unknown: 1,
        total: 4,
        eligibleByYear: [
          { year: 2024, eligible: 1 },
          { year: 0, eligible: 1 },
        ],
      },
      { platform: 'instagram', eligible: 1, notEligible: 0, unknown: 0, total: 1, eligibleByYear: [{ year: 2025, eligible: 1 }] },
    ]);
  });

  it('sorts findings by platform, newest publication first, undated last', () => {
    const report = buildReport(sampleInput());
    expect(report.findings.map((f) => f.postId)).toEqual(['pfbid0dinner', 'pfbid0lake', 'pfbid0mystery', 'pfbid0bob_4401', 'C8reel']);
  });

  it("keeps the user's own accounts only, and objections as ISO dates", () => {
    const report = buildReport(sampleInput());
    expect(report.accounts.map((a) => a.username)).toEqual(['alice.m']);
    expect(report.objections).toEqual([{ platform: 'facebook', objectedAt: '2025-05-20T00:00:00.000Z' }]);
  });

  it('is the same whatever order the database answers in', () => {
    const input = sampleInput();
    const reversed = { ...input, posts: [...input.posts].reverse(), observations: [...input.observations].reverse() };
    expect(buildReport(reversed)).toEqual(buildReport(input));
  });

  it('always satisfies the schema, even when handed 1 MB strings', () => {
    const huge = 'x'.repeat(1024 * 1024);
    const input = sampleInput();
    input.posts.push({ ...hostilePost(huge), url: `https://www.facebook.com/${huge}`, postId: huge, parentPostId: huge });
    input.observations.push({
      platform: 'facebook',
      postId: huge,
      audience: 'public',
      eligible: 'yes',
      evidence: 'label',
      observedAt: at('2025-05-01T00:00:00.000Z'),
    });
    const report = buildReport(input);
    expect(ExposureReportSchema.safeParse(report).success).toBe(true);
    const cut = report.findings.find((f) => f.postId.startsWith('xxx'))!;
    expect(cut.excerpt).toHaveLength(280);
    // Its history is still found: grouping happens on the full id, before it is cut.
    expect(cut.history).toHaveLength(1);
  });

  it('treats an impossible time as missing rather than throwing', () => {
    const input = sampleInput();
    input.posts[0]!.publishedAt = Number.MAX_SAFE_INTEGER;
    const report = buildReport(input);
    expect(report.findings.find((f) => f.postId === 'pfbid0lake')!.publishedAt).toBeUndefined();
    expect(ExposureReportSchema.safeParse(report).success).toBe(true);
  });
});

describe('reportFromDetected', () => {
  const detected = (over: Partial<DetectedPost>): DetectedPost => ({
    platform: 'facebook',
    postId: 'p1',
    url: 'https://www.facebook.com/p1',
    kind: 'post',
    ownerId: '100001',
    isOwn: true,
    audience: 'public',
    evidence: 'label',
    ...over,
  });

  it('sees each post once, at now, with its eligibility', () => {
    const now = at('2025-07-15T08:00:00.000Z');
    const report = reportFromDetected([detected({}), detected({ postId: 'p2', audience: 'only_me' })], [], now);
    expect(report.findings.map((f) => [f.postId, f.eligible, f.firstSeen, f.lastSeen, f.history.length])).toEqual([
      ['p1', 'yes', '2025-07-15T08:00:00.000Z', '2025-07-15T08:00:00.000Z', 1],
      ['p2', 'no', '2025-07-15T08:00:00.000Z', '2025-07-15T08:00:00.000Z', 1],
    ]);
    expect(report.generatedAt).toBe('2025-07-15T08:00:00.000Z');
  });

  it('merges a post seen on two pages, a known audience beating unknown', () => {
    const report = reportFromDetected([detected({ audience: 'unknown', evidence: 'none' }), detected({ audience: 'friends' })], [], 0);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ audience: 'friends', eligible: 'no' });
  });

  it('keeps the viewer account a page showed', () => {
    const report = reportFromDetected(
      [],
      [{ platform: 'instagram', accountId: '5', username: 'me', isViewer: true, privacy: 'private', evidence: 'account', seenAt: 1 }],
      at('2025-01-01T00:00:00.000Z'),
    );
    expect(report.accounts).toEqual([
      {
        platform: 'instagram',
        accountId: '5',
        username: 'me',
        privacy: 'private',
        history: [{ privacy: 'private', evidence: 'account', seenAt: '2025-01-01T00:00:00.000Z' }],
      },
    ]);
  });
});
