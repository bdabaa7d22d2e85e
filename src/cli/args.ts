import { parseArgs } from 'node:util';

export const REPORT_FORMATS = ['json', 'csv', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const USAGE = `Usage: glasshouse audit <file>... [--format json|csv|html] [--out FILE] [--url URL] [--viewer ID] [--all-authors]

Prints the exposure report of saved Facebook or Instagram pages, data answers or HAR files: which
of your posts are public, and so eligible for Meta's AI training. A file is a page saved from the
browser (.html), a data answer the site sent (.json, e.g. saved from the developer tools' network
panel), or a whole recording of the network panel (.har).

  --format json|csv|html  report format (default json)
  --out FILE              write the report to FILE instead of standard output
  --url URL               the address the files were saved from, when they do not say it
  --viewer ID             your account's numeric id, when the files do not say who is logged in
  --all-authors           report everyone's posts on the pages, not only your own
  -h, --help              show this help

Exit status: 0 done, 1 no page recognised, 2 usage or file error.`;

export interface AuditCommand {
  kind: 'audit';
  files: string[];
  format: ReportFormat;
  out?: string;
  url?: string;
  viewer?: string;
  allAuthors: boolean;
}

export type CliCommand = { kind: 'help' } | AuditCommand;

export type ParsedArgs = { ok: true; command: CliCommand } | { ok: false; error: string };

/** The first sentence of node's parseArgs error ("Unknown option '--x'"), lower-cased to read as a reason. */
function parseArgsReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split(/\.\s/)[0]!.replace(/\.$/, '');
  return first.charAt(0).toLowerCase() + first.slice(1);
}

/** Reads the command line (without `node` and the script); says in one line what is wrong with it. */
export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        format: { type: 'string', short: 'f' },
        out: { type: 'string', short: 'o' },
        url: { type: 'string' },
        viewer: { type: 'string' },
        'all-authors': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return { ok: false, error: parseArgsReason(error) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { ok: true, command: { kind: 'help' } };
  const [command, ...files] = positionals;
  if (command === undefined) return { ok: false, error: 'missing command: glasshouse audit <saved-page.html>...' };
  if (command !== 'audit') return { ok: false, error: `unknown command "${command}": the command is "audit"` };
  if (files.length === 0) return { ok: false, error: 'audit needs at least one saved page, answer or HAR file' };
  const format = values.format ?? 'json';
  if (!(REPORT_FORMATS as readonly string[]).includes(format))
    return { ok: false, error: `--format must be json, csv or html, not "${format}"` };
  const audit: AuditCommand = { kind: 'audit', files, format: format as ReportFormat, allAuthors: values['all-authors'] === true };
  if (values.out !== undefined) {
    if (values.out === '') return { ok: false, error: '--out needs a file name' };
    audit.out = values.out;
  }
  if (values.url !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(values.url);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
      return { ok: false, error: `--url must be an http(s) address, not "${values.url}"` };
    audit.url = url.href;
  }
  if (values.viewer !== undefined) {
    if (!/^\d{1,30}$/.test(values.viewer)) return { ok: false, error: `--viewer must be a numeric account id, not "${values.viewer}"` };
    audit.viewer = values.viewer;
  }
  return { ok: true, command: audit };
}
