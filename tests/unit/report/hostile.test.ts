import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  buildReport,
  CSV_COLUMNS,
  ENGLISH_REPORT_STRINGS,
  parseReportJson,
  toCsv,
  toHtml,
  toJson,
  type ExposureReport,
} from '../../../src/report';
import { expectInertHtml } from './html-dom';
import { HOSTILE_TEXTS, hostilePost, sampleInput } from './sample';

/** A report where a page put `text` in every field it controls: names, ids, excerpt, audience words, account name. */
function hostileReport(text: string): ExposureReport {
  const input = sampleInput();
  input.posts.push(hostilePost(text));
  input.accounts[0]!.username = text;
  return buildReport(input);
}

const csvRow = (csv: string, postId: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, '')).data.find((row) => row[1] === postId)!;

describe.each(HOSTILE_TEXTS.map((text) => [text]))('the payload %j', { timeout: 30_000 }, (text) => {
  const report = hostileReport(text);

  it('round-trips through JSON unchanged', () => {
    expect(parseReportJson(toJson(report))).toEqual({ ok: true, report });
  });

  it('is inert text in HTML', () => {
    const doc = expectInertHtml(toHtml(report, ENGLISH_REPORT_STRINGS));
    const shown = text
      .replace(/\u202E/g, '[U+202E]')
      .replace(/\u200B/g, '[U+200B]')
      .replace(/[\t\r]/g, '');
    const cell = [...doc.querySelectorAll('table.exposed td.text bdi')].find(
      (bdi) => bdi.textContent!.replace(/\s/g, '') === shown.replace(/\s/g, ''),
    );
    expect(cell, 'the excerpt is shown as text').toBeDefined();
  });

  it('cannot start a formula in CSV', () => {
    const row = csvRow(toCsv(report), 'pfbid0hostile');
    for (const column of ['owner_id', 'owner_name', 'excerpt'] as const) {
      expect(row[CSV_COLUMNS.indexOf(column)]!).not.toMatch(/^[=+\-@\t\r]/);
    }
  });
});

describe('hostile text, across formats', { timeout: 30_000 }, () => {
  it('shows bidi overrides and zero-width spaces in HTML instead of obeying them', () => {
    const html = toHtml(hostileReport('abc\u202Etxt.exe zero\u200Bwidth'), ENGLISH_REPORT_STRINGS);
    expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B]/);
    expect(html).toContain('<bdi>abc[U+202E]txt.exe zero[U+200B]width</bdi>');
    expect(html).toContain('<bdi>@abc[U+202E]txt.exe zero[U+200B]width</bdi>');
  });

  it('keeps emoji joiners, which cannot reorder text', () => {
    const html = toHtml(hostileReport('family 👨\u200D👩\u200D👧'), ENGLISH_REPORT_STRINGS);
    expect(html).toContain('family 👨\u200D👩\u200D👧');
  });

  it('handles 1 MB strings: the builder cuts them to the schema, HTML and CSV cut what they are handed', () => {
    const huge = '<b>'.repeat(350_000);
    const built = hostileReport(huge);
    expect(parseReportJson(toJson(built)).ok).toBe(true);
    // A report object not from the builder nor the schema: the formats still bound what they write.
    const raw = structuredClone(built);
    const finding = raw.findings.find((f) => f.postId === 'pfbid0hostile')!;
    finding.excerpt = huge;
    finding.url = `https://www.facebook.com/${huge}`;
    raw.accounts[0]!.username = huge;
    const started = performance.now();
    const html = toHtml(raw, ENGLISH_REPORT_STRINGS);
    const csv = toCsv(raw);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(html.length).toBeLessThan(60_000);
    expectInertHtml(html);
    expect(csv.length).toBeLessThan(100_000);
    expect(() => toJson(raw)).toThrow();
  });

  it('refuses a file with a 1 MB excerpt', () => {
    const report = hostileReport('x');
    const json = JSON.stringify({ ...report, findings: [{ ...report.findings[0], excerpt: 'x'.repeat(1024 * 1024) }] });
    expect(parseReportJson(json)).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('uses a checker that does catch executable markup', () => {
    for (const bad of [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<a href="javascript:alert(1)">x</a>',
      '<a href="https://evil.example/">x</a>',
      '<a href="https://www.facebook.com/">no rel</a>',
      '<svg><use href="#x"></use></svg>',
      '<div onclick="x">x</div>',
    ]) {
      expect(() => expectInertHtml(`<!DOCTYPE html><html><body>${bad}</body></html>`), bad).toThrow();
    }
  });
});
