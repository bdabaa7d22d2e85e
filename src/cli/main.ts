import '../core/zod-setup';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { pickAdapter } from '../platforms';
import { reportFromDetected } from '../report/build-report';
import { toCsv } from '../report/csv';
import { toHtml } from '../report/html';
import { toJson } from '../report/json';
import { ENGLISH_REPORT_STRINGS } from '../report/english-report-strings';
import type { ExposureReport } from '../report/report-schema';
import type { AccountObservation, DetectedPost } from '../core';
import { parseCliArgs, USAGE, type ReportFormat } from './args';
import { auditFile, parseSavedPage, readSavedPage, savedPageHead } from './audit';

/** The outside world of the command line, replaceable in tests. */
export interface CliIo {
  readFile(path: string): Promise<Buffer>;
  writeFile(path: string, text: string): Promise<void>;
  stdout(text: string): void;
  stderr(text: string): void;
  now(): number;
}

/** Saved pages and HAR files are a few to a few hundred MB; anything far larger is not one. */
const MAX_PAGE_BYTES = 256 * 1024 * 1024;

export const nodeIo: CliIo = {
  async readFile(path) {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (info.size > MAX_PAGE_BYTES) throw new Error(`larger than ${MAX_PAGE_BYTES / 1024 / 1024} MB`);
    return readFile(path);
  },
  writeFile: (path, text) => writeFile(path, text, 'utf8'),
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  now: () => Date.now(),
};

export const EXIT = { done: 0, noPageRecognised: 1, usage: 2 } as const;

/** "no such file" rather than "ENOENT: no such file or directory, stat 'x.html'". */
function fileReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const reasons: Record<string, string> = {
    ENOENT: 'no such file',
    EISDIR: 'is a directory',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ENOTDIR: 'a part of the path is not a directory',
  };
  if (typeof code === 'string' && reasons[code]) return reasons[code];
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

function render(report: ExposureReport, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return toJson(report);
    case 'csv':
      return toCsv(report);
    case 'html':
      return toHtml(report, ENGLISH_REPORT_STRINGS);
  }
}

/** `glasshouse …`: returns the exit status; every failure is one line on stderr. */
export async function runCli(argv: readonly string[], io: CliIo = nodeIo): Promise<number> {
  const fail = (status: number, reason: string) => {
    io.stderr(`glasshouse: ${reason}\n`);
    return status;
  };
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) return fail(EXIT.usage, `${parsed.error} (see glasshouse --help)`);
  const command = parsed.command;
  if (command.kind === 'help') {
    io.stdout(`${USAGE}\n`);
    return EXIT.done;
  }
  if (command.url && !pickAdapter(new URL(command.url)))
    return fail(EXIT.usage, `--url must be a facebook.com or instagram.com address, not "${command.url}"`);

  const posts: DetectedPost[] = [];
  const accounts: AccountObservation[] = [];
  const skipped: string[] = [];
  for (const file of command.files) {
    let bytes: Buffer;
    try {
      bytes = await io.readFile(file);
    } catch (error) {
      return fail(EXIT.usage, `cannot read ${file}: ${fileReason(error)}`);
    }
    const options = { ...(command.url ? { url: command.url } : {}), ...(command.viewer ? { viewer: command.viewer } : {}) };
    const audits = (await auditFile(bytes, options)).filter((audit) => audit.recognised);
    if (audits.length === 0) {
      skipped.push(file);
      continue;
    }
    for (const audit of audits) {
      posts.push(...(command.allAuthors ? audit.posts : audit.posts.filter((post) => post.isOwn)));
      accounts.push(...(command.allAuthors ? audit.accounts : audit.accounts.filter((account) => account.isViewer)));
    }
  }
  if (skipped.length === command.files.length) {
    const which = command.files.length === 1 ? `${command.files[0]} is not` : `none of the ${command.files.length} files is`;
    return fail(
      EXIT.noPageRecognised,
      `nothing recognised: ${which} a saved facebook.com or instagram.com page, answer or HAR file (give its address with --url)`,
    );
  }
  for (const file of skipped)
    io.stderr(`glasshouse: skipped ${file}: not a saved facebook.com or instagram.com page, answer or HAR file\n`);

  const text = render(reportFromDetected(posts, accounts, io.now()), command.format);
  if (command.out) {
    try {
      await io.writeFile(command.out, text);
    } catch (error) {
      return fail(EXIT.usage, `cannot write ${command.out}: ${fileReason(error)}`);
    }
  } else io.stdout(text);
  return EXIT.done;
}

/**
 * An audit's stages one by one, for the bench's split of figure 5 (bench/lib/cli-split.js): parsing
 * the page, reading its posts, building and writing the report. `runCli` runs the same functions.
 */
export const auditStages = {
  parseSavedPage,
  readSavedPage,
  savedPageHead,
  report: (posts: DetectedPost[], accounts: AccountObservation[], now: number, format: ReportFormat) =>
    render(reportFromDetected(posts, accounts, now), format),
};
