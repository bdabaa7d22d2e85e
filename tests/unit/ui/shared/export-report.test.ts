// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isTrainingEligible, type AudienceHistoryStep, type ObservedPost } from '../../../../src/core';
import { openDatabase, recordFindings, writeSettings, type GlasshouseDatabase } from '../../../../src/db';
import { buildReport, ENGLISH_REPORT_STRINGS, parseReportJson, toCsv, toHtml, toJson, type ReportInput } from '../../../../src/report';
import { finding, freshName } from '../../db/findings-factory';
import { generatedPosts } from '../report/rows-factory';
import { buildReportInChunks, reportFileOf, saveReport } from '../../../../src/ui/shared/export-report';

const NOW = Date.parse('2025-09-01T12:00:00.000Z');

/** Posts with a history each, some with text that a spreadsheet or an editor could misread. */
function input(count: number): ReportInput {
  const posts: ObservedPost[] = generatedPosts(count);
  if (posts[1]) posts[1].excerpt = '=HYPERLINK("https://evil.example")\nmore';
  if (posts[2]) posts[2].excerpt = 'abc\u202Edcba \u200b zero-width, "quoted", and ; separated';
  const observations: AudienceHistoryStep[] = posts.flatMap((post, i) => {
    const first = { platform: post.platform, postId: post.postId, evidence: post.evidence, observedAt: post.firstSeen };
    const steps: AudienceHistoryStep[] = [{ ...first, audience: 'friends', eligible: 'no' }];
    if (i % 4 === 0)
      steps.push({ ...first, audience: post.audience, eligible: isTrainingEligible(post.audience).eligible, observedAt: post.lastSeen });
    return steps;
  });
  return {
    posts,
    observations,
    accounts: [
      {
        platform: 'instagram',
        accountId: '42',
        username: 'alice',
        isViewer: 1,
        privacy: 'public',
        evidence: 'account',
        firstSeen: NOW - 1000,
        lastSeen: NOW,
        history: [{ privacy: 'public', evidence: 'account', seenAt: NOW - 1000 }],
      },
    ],
    objections: [{ platform: 'facebook', objectedAt: Date.parse('2025-05-20T00:00:00.000Z') }],
    now: NOW,
  };
}

const opened: GlasshouseDatabase[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const db of opened.splice(0)) await db.delete();
});

describe('the export, built in chunks', () => {
  it('builds the same report as buildReport, and says how far it got', async () => {
    const data = input(523);
    const progress: number[] = [];
    const report = await buildReportInChunks(data, (fraction) => progress.push(fraction), 50);
    expect(report).toEqual(buildReport(data));
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.every((value, i) => i === 0 || value >= progress[i - 1]!)).toBe(true);
    expect(progress.at(-1)).toBe(1);
  });

  it.each([0, 1, 37, 523])('writes JSON, CSV and HTML byte for byte as the one-piece writers do (%i findings)', async (count) => {
    const report = buildReport(input(count));
    const options = { strings: ENGLISH_REPORT_STRINGS, timeZone: 'UTC', chunkSize: 37, now: NOW };
    const json = await reportFileOf(report, 'json', options);
    expect(json.text).toBe(toJson(report));
    expect(json).toMatchObject({ name: 'glasshouse-report-2025-09-01.json', mime: 'application/json', findings: count });
    const csv = await reportFileOf(report, 'csv', options);
    expect(csv.text).toBe(toCsv(report));
    expect(csv).toMatchObject({ name: 'glasshouse-report-2025-09-01.csv', mime: 'text/csv;charset=utf-8' });
    const html = await reportFileOf(report, 'html', options);
    expect(html.text).toBe(toHtml(report, ENGLISH_REPORT_STRINGS, { timeZone: 'UTC' }));
    expect(html.mime).toBe('text/html;charset=utf-8');
  });
});

describe('saving a report', () => {
  it('reads the database, builds the file and hands it to the browser as a Blob behind <a download>', async () => {
    const db = openDatabase(freshName());
    opened.push(db);
    await recordFindings(
      db,
      [
        {
          platform: 'facebook',
          postId: 'p1',
          url: 'https://www.facebook.com/alice/posts/p1',
          kind: 'post',
          ownerId: '1',
          isOwn: true,
          audience: 'public',
          evidence: 'label',
          seenAt: NOW - 1000,
        },
      ],
      true,
    );
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:glasshouse/1';
    });
    URL.revokeObjectURL = vi.fn();
    const clicks: { href: string; download: string; inDocument: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ href: this.href, download: this.download, inDocument: this.isConnected });
    });
    const progress: number[] = [];
    const file = await saveReport('json', { db, now: NOW, onProgress: (fraction) => progress.push(fraction) });

    expect(clicks).toEqual([{ href: 'blob:glasshouse/1', download: 'glasshouse-report-2025-09-01.json', inDocument: true }]);
    expect(document.querySelector('a[download]')).toBeNull();
    expect(blobs[0]!.type).toBe('application/json');
    const parsed = parseReportJson(await blobs[0]!.text());
    expect(parsed.ok && parsed.report.findings.map((f) => f.postId)).toEqual(['p1']);
    expect(file.text).toBe(await blobs[0]!.text());
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    // The caller's database stays open.
    expect(db.isOpen()).toBe(true);
  });

  it('leaves out a post past the automatic-deletion window, though no write has run the deletion yet', async () => {
    const db = openDatabase(freshName());
    opened.push(db);
    const DAY = 86_400_000;
    await recordFindings(
      db,
      [finding({ postId: 'due', audience: 'public', seenAt: NOW - 31 * DAY }), finding({ postId: 'kept', seenAt: NOW - 29 * DAY })],
      true,
    );
    await writeSettings(db, { autoDeleteDays: 30 });
    URL.createObjectURL = vi.fn(() => 'blob:glasshouse/2');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);

    const file = await saveReport('json', { db, now: NOW });
    const parsed = parseReportJson(file.text);
    expect(parsed.ok && parsed.report.findings.map((f) => f.postId)).toEqual(['kept']);
    expect(parsed.ok && parsed.report.summary.platforms[0]).toMatchObject({ platform: 'facebook', total: 1 });
    // Reading deleted nothing: the deletion is the worker's, at its start and with each write.
    expect((await db.posts.toArray()).map((post) => post.postId).sort()).toEqual(['due', 'kept']);
    expect((await db.observations.toArray()).map((step) => step.postId).sort()).toEqual(['due', 'kept']);
  });
});
