import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildReport, CSV_COLUMNS, toCsv } from '../../../src/report';
import { golden } from './golden';
import { hostilePost, sampleInput } from './sample';

/** The cells of a CSV file, read back the way a spreadsheet would. */
function cells(csv: string): string[][] {
  return Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
}

describe('toCsv', () => {
  it('writes the golden file', () => {
    const csv = toCsv(buildReport(sampleInput()));
    expect(csv).toBe(golden('report.csv', csv));
  });

  it('starts with a byte-order mark, ends lines with CRLF, and names the columns in English', () => {
    const csv = toCsv(buildReport(sampleInput()));
    expect(
      csv.startsWith(
        '\uFEFFplatform,post_id,url,kind,owner_id,owner_name,audience,eligible,evidence,published_at,first_seen,last_seen,excerpt,audience_changes\r\n',
      ),
    ).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(cells(csv)[0]).toEqual([...CSV_COLUMNS]);
  });

  it('has one row per post or comment, with its audience changes', () => {
    const rows = cells(toCsv(buildReport(sampleInput())));
    expect(rows).toHaveLength(6);
    const dinner = rows.find((row) => row[1] === 'pfbid0dinner')!;
    expect(dinner[13]).toBe('2025-05-01T09:00:00.000Z public; 2025-06-15T10:00:00.000Z friends');
    expect(rows.find((row) => row[1] === 'pfbid0bob_4401')![12]).toBe('Nice, "really"');
  });

  it('writes an empty report as its header alone', () => {
    const input = sampleInput();
    expect(toCsv(buildReport({ ...input, posts: [], observations: [] }))).toBe(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`);
  });

  it.each([
    ['=HYPERLINK("http://evil")'],
    ["+cmd|' /C calc'!A0"],
    ["-2+3+cmd|' /C calc'!A0"],
    ['@SUM(1)'],
    ['\t=1+1'],
    ['\r=1+1'],
    // Papaparse's own /^[=+\-@\t\r].*$/ misses these: "." stops at the line break.
    ['=HYPERLINK("http://evil")\nsecond line'],
    ['@SUM(1)\r\n'],
  ])('neutralises the formula %j in every cell', (payload) => {
    const rows = cells(toCsv(buildReport({ ...sampleInput(), posts: [hostilePost(payload)], observations: [] })));
    const row = rows[1]!;
    for (const column of ['owner_id', 'owner_name', 'excerpt'] as const) {
      const value = row[CSV_COLUMNS.indexOf(column)]!;
      expect(value).toBe(`'${payload}`);
    }
  });

  it('leaves harmless text alone, including a minus inside it', () => {
    const rows = cells(toCsv(buildReport({ ...sampleInput(), posts: [hostilePost('Tea - with milk')], observations: [] })));
    expect(rows[1]![CSV_COLUMNS.indexOf('excerpt')]).toBe('Tea - with milk');
  });

  it('shows bidi overrides and zero-width spaces instead of letting them reorder or hide text', () => {
    const rows = cells(
      toCsv(buildReport({ ...sampleInput(), posts: [hostilePost('abc\u202Etxt.exe zero\u200Bwidth')], observations: [] })),
    );
    expect(rows[1]![CSV_COLUMNS.indexOf('excerpt')]).toBe('abc[U+202E]txt.exe zero[U+200B]width');
  });

  it('keeps markup as plain text (a CSV has no HTML)', () => {
    const rows = cells(toCsv(buildReport({ ...sampleInput(), posts: [hostilePost('"><img src=x onerror=alert(1)>')], observations: [] })));
    expect(rows[1]![CSV_COLUMNS.indexOf('excerpt')]).toBe('"><img src=x onerror=alert(1)>');
  });
});
