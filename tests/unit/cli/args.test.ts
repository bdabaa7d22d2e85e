import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../src/cli/args';

describe('parseCliArgs', () => {
  it('reads an audit with every option', () => {
    expect(
      parseCliArgs([
        'audit',
        'a.html',
        'b.html',
        '--format',
        'csv',
        '--out',
        'r.csv',
        '--url',
        'https://www.facebook.com',
        '--all-authors',
      ]),
    ).toEqual({
      ok: true,
      command: {
        kind: 'audit',
        files: ['a.html', 'b.html'],
        format: 'csv',
        out: 'r.csv',
        url: 'https://www.facebook.com/',
        allAuthors: true,
      },
    });
  });

  it('defaults to JSON on standard output, own posts only', () => {
    expect(parseCliArgs(['audit', 'a.html'])).toEqual({
      ok: true,
      command: { kind: 'audit', files: ['a.html'], format: 'json', allAuthors: false },
    });
    expect(parseCliArgs(['audit', '--format=html', 'a.html'])).toMatchObject({ ok: true, command: { format: 'html' } });
  });

  it('answers help', () => {
    expect(parseCliArgs(['--help'])).toEqual({ ok: true, command: { kind: 'help' } });
    expect(parseCliArgs(['audit', '-h'])).toEqual({ ok: true, command: { kind: 'help' } });
  });

  it.each([
    [[], 'missing command: glasshouse audit <saved-page.html>...'],
    [['scan', 'a.html'], 'unknown command "scan": the command is "audit"'],
    [['audit'], 'audit needs at least one saved page, answer or HAR file'],
    [['audit', 'a.html', '--format', 'pdf'], '--format must be json, csv or html, not "pdf"'],
    [['audit', 'a.html', '--url', 'facebook.com'], '--url must be an http(s) address, not "facebook.com"'],
    [['audit', 'a.html', '--url', 'file:///etc/passwd'], '--url must be an http(s) address, not "file:///etc/passwd"'],
    [['audit', 'a.html', '--out', ''], '--out needs a file name'],
    [['audit', 'a.html', '--bogus'], "unknown option '--bogus'"],
    [['audit', 'a.html', '--format'], "option '-f, --format <value>' argument missing"],
  ])('refuses %j in one line', (argv, error) => {
    expect(parseCliArgs(argv)).toEqual({ ok: false, error });
  });
});
