import { describe, expect, it } from 'vitest';
import { buildReport, parseReportJson, REPORT_LIMITS, toJson, type ExposureReport } from '../../../src/report';
import { golden } from './golden';
import { sampleInput } from './sample';

const sample = () => buildReport(sampleInput());

function refusal(text: string) {
  const result = parseReportJson(text);
  if (result.ok) throw new Error('expected a refusal');
  expect(result.error).not.toContain('\n');
  return result;
}

describe('toJson', () => {
  it('writes the golden file', () => {
    const json = toJson(sample());
    expect(json).toBe(golden('report.json', json));
  });

  it('writes keys in the schema order, whatever order the object has', () => {
    const report = sample();
    const shuffled = {
      findings: report.findings,
      objections: report.objections,
      accounts: report.accounts,
      summary: report.summary,
      generatedAt: report.generatedAt,
      schemaVersion: 1,
    } as ExposureReport;
    expect(toJson(shuffled)).toBe(toJson(report));
    expect(toJson(report).startsWith('{\n  "schemaVersion": 1,\n  "generatedAt"')).toBe(true);
  });

  it('round-trips: what it writes, parseReportJson reads back equal', () => {
    const report = sample();
    const parsed = parseReportJson(toJson(report));
    expect(parsed).toEqual({ ok: true, report });
  });

  it("keeps a site's rule as its code (no English in the file), and an old row's sentence as it is", () => {
    const input = sampleInput();
    input.posts[0]!.audienceSource = { rule: 'instagram_setting', label: 'Account privato' };
    input.posts[1]!.audienceSource = 'cover photo: always public';
    const json = toJson(buildReport(input));
    const parsed = parseReportJson(json);
    if (!parsed.ok) throw new Error(parsed.error);
    const sources = parsed.report.findings.map((finding) => finding.audienceSource);
    expect(sources).toContainEqual({ rule: 'instagram_setting', label: 'Account privato' });
    expect(sources).toContain('cover photo: always public');
    expect(refusal(json.replace('"instagram_setting"', '"made_up_rule"')).ok).toBe(false);
  });

  it('writes invisible and reordering characters as escapes, and reads them back', () => {
    const input = sampleInput();
    input.posts[0]!.excerpt = 'abc\u202Etxt\u200B\u2028end';
    const report = buildReport(input);
    const json = toJson(report);
    expect(json).toContain('abc\\u202etxt\\u200b\\u2028end');
    expect(json).not.toMatch(/[\u202e\u200b\u2028]/);
    expect(parseReportJson(json)).toEqual({ ok: true, report });
  });

  it('refuses to write a report the import would refuse', () => {
    const report = sample();
    expect(() => toJson({ ...report, findings: [{ ...report.findings[0]!, url: 'u'.repeat(5000) }] })).toThrow();
  });
});

// Some cases build 50 MB strings.
describe('parseReportJson', { timeout: 30_000 }, () => {
  it('accepts a file with a byte-order mark', () => {
    expect(parseReportJson(`\uFEFF${toJson(sample())}`).ok).toBe(true);
  });

  it('refuses an empty file', () => {
    expect(refusal('  \n')).toMatchObject({ code: 'empty', error: 'The file is empty.' });
  });

  it('refuses what is not JSON', () => {
    expect(refusal('platform,post_id\r\nfacebook,1')).toMatchObject({ code: 'not-json' });
    expect(refusal('<html></html>').error).toMatch(/not JSON/);
    expect(refusal('{"schemaVersion": 1,, }')).toMatchObject({ code: 'not-json' });
  });

  it('says a cut-short file is truncated', () => {
    const json = toJson(sample());
    for (const cut of [json.length / 2, 10, json.length - 3]) {
      expect(refusal(json.slice(0, Math.floor(cut)))).toMatchObject({ code: 'truncated', error: expect.stringMatching(/truncated/) });
    }
  });

  it('refuses a file over 50 MB before parsing it', () => {
    const big = `{"schemaVersion":1,"pad":"${'a'.repeat(REPORT_LIMITS.fileBytes)}"}`;
    expect(refusal(big)).toMatchObject({ code: 'too-large', error: expect.stringMatching(/larger than 50 MB/) });
  });

  it('counts UTF-8 bytes, not characters, against the limit', () => {
    // 20 M three-byte characters: 60 MB in UTF-8, 20 M UTF-16 units.
    const big = `{"pad":"${'€'.repeat(20 * 1024 * 1024)}"}`;
    expect(refusal(big).code).toBe('too-large');
  });

  it('names a newer Glasshouse for a newer schema version', () => {
    expect(refusal(JSON.stringify({ ...sample(), schemaVersion: 2 }))).toMatchObject({
      code: 'newer-version',
      error: 'This report was made by a newer Glasshouse (schema version 2); update Glasshouse to open it.',
    });
  });

  it('refuses other versions and files that are no report', () => {
    expect(refusal(JSON.stringify({ ...sample(), schemaVersion: 0 })).code).toBe('unsupported-version');
    expect(refusal(JSON.stringify({ ...sample(), schemaVersion: '1' })).code).toBe('unsupported-version');
    expect(refusal('{"hello":"world"}')).toMatchObject({ code: 'not-a-report', error: expect.stringMatching(/no schemaVersion/) });
    expect(refusal('[1,2]')).toMatchObject({ code: 'not-a-report', error: expect.stringMatching(/a list/) });
  });

  it('says which field has the wrong shape', () => {
    const report = sample();
    const badUrl = { ...report, findings: [report.findings[0], { ...report.findings[1], url: 42 }] };
    expect(refusal(JSON.stringify(badUrl))).toMatchObject({ code: 'invalid', error: expect.stringContaining('field findings[1].url') });
    const badAudience = {
      ...report,
      findings: [{ ...report.findings[0], history: [{ ...report.findings[0]!.history[0], audience: 'everyone' }] }],
    };
    expect(refusal(JSON.stringify(badAudience)).error).toContain('field findings[0].history[0].audience');
    const badDate = { ...report, generatedAt: 'yesterday' };
    expect(refusal(JSON.stringify(badDate)).error).toContain('field generatedAt');
    const { summary: _summary, ...noSummary } = report;
    expect(refusal(JSON.stringify(noSummary)).error).toContain('field summary');
  });

  it('refuses hostile sizes inside the file', () => {
    const report = sample();
    const longExcerpt = { ...report, findings: [{ ...report.findings[0], excerpt: 'x'.repeat(1024 * 1024) }] };
    expect(refusal(JSON.stringify(longExcerpt)).error).toContain('field findings[0].excerpt');
    const manySteps = {
      ...report,
      findings: [{ ...report.findings[0], history: Array(REPORT_LIMITS.historyPerPost + 1).fill(report.findings[0]!.history[0]) }],
    };
    expect(refusal(JSON.stringify(manySteps)).error).toContain('field findings[0].history');
  });

  it('never throws', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const nestedObject = `{"schemaVersion":1,"findings":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    for (const text of [
      deep,
      nestedObject,
      'null',
      '{}',
      '{"schemaVersion":null}',
      '{"__proto__":{"schemaVersion":1}}',
      undefined as unknown as string,
    ]) {
      expect(() => parseReportJson(text)).not.toThrow();
      expect(parseReportJson(text).ok).toBe(false);
    }
  });
});
