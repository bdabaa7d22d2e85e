import { describe, expect, it } from 'vitest';
import { buildReport, ENGLISH_REPORT_STRINGS, linkablePostUrl, toHtml, type ReportStrings } from '../../../src/report';
import { goldenFragments } from './golden';
import { expectInertHtml } from './html-dom';
import { hostilePost, sampleInput } from './sample';

const sampleHtml = () => toHtml(buildReport(sampleInput()), ENGLISH_REPORT_STRINGS);

// Each check parses the output with jsdom: slow on a busy machine.
describe('toHtml', { timeout: 30_000 }, () => {
  it('contains the golden fragments', () => {
    const html = sampleHtml();
    for (const fragment of goldenFragments('report-html-fragments.txt')) expect(html).toContain(fragment);
  });

  it('is one inert, self-contained document', () => {
    const doc = expectInertHtml(sampleHtml());
    expect(doc.querySelectorAll('svg')).toHaveLength(3);
    expect(doc.querySelectorAll('a[href]')).toHaveLength(3);
    expect(doc.querySelectorAll('table.exposed tbody tr')).toHaveLength(3);
  });

  it('lists only eligible posts in the exposed table', () => {
    const doc = expectInertHtml(sampleHtml());
    const texts = [...doc.querySelectorAll('table.exposed tbody tr')].map((row) => row.textContent);
    expect(texts.some((text) => text?.includes('Family dinner'))).toBe(false);
  });

  it('counts eligible posts before and after the objection, per platform', () => {
    const input = sampleInput();
    input.objections.push({ platform: 'instagram', objectedAt: Date.parse('2025-06-01T00:00:00.000Z'), recordedAt: 0, how: 'imported' });
    const doc = expectInertHtml(toHtml(buildReport(input), ENGLISH_REPORT_STRINGS));
    const charts = doc.querySelectorAll('figure.objection svg');
    expect(charts).toHaveLength(2);
    const counts = (svg: Element) =>
      [...svg.querySelectorAll('text:not([text-anchor])')].filter((_, i) => i % 2 === 1).map((t) => t.textContent);
    expect(counts(charts[0]!)).toEqual(['1', '0', '1']);
    // The reel was published on 20 June 2025, after the 1 June objection.
    expect(counts(charts[1]!)).toEqual(['0', '1', '0']);
  });

  it('says so when nothing was seen', () => {
    const input = sampleInput();
    const html = toHtml(buildReport({ ...input, posts: [], observations: [], accounts: [], objections: [] }), ENGLISH_REPORT_STRINGS);
    expectInertHtml(html);
    expect(html).toContain('<p>Glasshouse has not seen any of your posts yet.</p>');
    expect(html).toContain('<p>None of the posts Glasshouse saw is public.</p>');
    expect(html).not.toContain('<svg');
  });

  it('speaks the language of the strings it is given', () => {
    const french: ReportStrings = {
      ...ENGLISH_REPORT_STRINGS,
      lang: 'fr',
      reportTitle: 'Votre rapport d’exposition',
      reportGeneratedAt: 'Créé par Glasshouse le $1.',
    };
    const html = toHtml(buildReport(sampleInput()), french);
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<h1>Votre rapport d’exposition</h1>');
    expect(html).toContain('Créé par Glasshouse le 15 juil. 2025.');
  });

  it('escapes the labels too, and refuses a malformed language tag', () => {
    const hostile: ReportStrings = {
      ...ENGLISH_REPORT_STRINGS,
      lang: 'en"><script>alert(1)</script>',
      reportTitle: '<script>alert(1)</script>',
      audience_public: '<img src=x onerror=alert(1)>',
    };
    const html = toHtml(buildReport(sampleInput()), hostile);
    const doc = expectInertHtml(html);
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
    expect(doc.querySelector('h1')!.textContent).toBe('<script>alert(1)</script>');
  });

  it('shows dates in the time zone asked for', () => {
    const html = toHtml(buildReport(sampleInput()), ENGLISH_REPORT_STRINGS, { timeZone: 'Pacific/Kiritimati' });
    // 2025-07-15T08:00Z is 22:00 the same day at UTC+14.
    expect(html).toContain('Made by Glasshouse on Jul 15, 2025.');
    expect(toHtml(buildReport(sampleInput()), ENGLISH_REPORT_STRINGS, { timeZone: 'Not/AZone' })).toContain('Jul 15, 2025');
  });

  it('caps the table and says how many more there are', () => {
    const html = toHtml(buildReport(sampleInput()), ENGLISH_REPORT_STRINGS, { maxRows: 1 });
    const doc = expectInertHtml(html);
    expect(doc.querySelectorAll('table.exposed tbody tr')).toHaveLength(1);
    expect(html).toContain('… and 2 more: see the CSV export.');
  });

  it('links a post only at an http(s) facebook.com or instagram.com address', () => {
    const url = (u: string) => {
      const input = sampleInput();
      return toHtml(buildReport({ ...input, posts: [{ ...hostilePost('x'), url: u }], observations: [] }), ENGLISH_REPORT_STRINGS);
    };
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)//https://www.facebook.com/',
      'data:text/html,<script>alert(1)</script>',
      'https://evil.example/www.facebook.com/',
      'https://www.facebook.com.evil.example/',
      'https://user:pass@www.facebook.com/',
      'ftp://www.facebook.com/x',
      '//www.facebook.com/x',
      'not a url',
    ]) {
      const doc = expectInertHtml(url(bad));
      expect(doc.querySelectorAll('table.exposed a')).toHaveLength(0);
      expect(doc.querySelector('table.exposed .url')!.textContent).toBe(bad);
    }
    const doc = expectInertHtml(url('https://m.facebook.com/story.php?story_fbid=1&id=2&"><b>'));
    expect(doc.querySelector('table.exposed a')!.getAttribute('href')).toBe(
      'https://m.facebook.com/story.php?story_fbid=1&id=2&%22%3E%3Cb%3E',
    );
  });

  it('decides what is linkable in one function', () => {
    expect(linkablePostUrl('https://www.instagram.com/p/abc/')).toBe('https://www.instagram.com/p/abc/');
    expect(linkablePostUrl('http://facebook.com/x')).toBe('http://facebook.com/x');
    expect(linkablePostUrl('https://notfacebook.com/x')).toBeNull();
    expect(linkablePostUrl(`https://www.facebook.com/${'a'.repeat(3000)}`)).toBeNull();
  });

  it('keeps the print rules: margins, repeated table headers, unsplit rows and charts', () => {
    const style = expectInertHtml(sampleHtml()).querySelector('style')!.textContent!;
    expect(style).toMatch(/@page\s*\{\s*margin:/);
    expect(style).toMatch(/@media print[\s\S]*thead \{ display: table-header-group; \}/);
    expect(style).toMatch(/@media print[\s\S]*tr \{ break-inside: avoid;/);
    expect(style).toMatch(/figure, svg \{ break-inside: avoid;/);
  });
});
