import { ExposureReportSchema, REPORT_LIMITS, REPORT_SCHEMA_VERSION, type ExposureReport } from './report-schema';
import { escapeInvisibleInJson } from './text';

/**
 * The JSON export: keys in the schema's order (parsing through the schema writes them so, and drops
 * anything it does not know), two-space indents, a final newline. Invisible and reordering
 * characters are written as \u escapes: the same data, but safe to open in an editor.
 * Throws if `report` does not satisfy the schema: a file that could not be imported again is never written.
 */
export function toJson(report: ExposureReport): string {
  return writeParsedReport(ExposureReportSchema.parse(report));
}

/** The file's text of a report the schema has already parsed (so its keys are in order): `toJson` without the parse. */
export function writeParsedReport(ordered: ExposureReport): string {
  return `${escapeInvisibleInJson(JSON.stringify(ordered, null, 2))}\n`;
}

/** Why a file was refused, for a caller that shows its own localized message. */
export type ReportParseErrorCode =
  | 'empty'
  | 'too-large'
  | 'not-json'
  | 'truncated'
  | 'not-a-report'
  | 'newer-version'
  | 'unsupported-version'
  | 'invalid';

export type ReportParseResult = { ok: true; report: ExposureReport } | { ok: false; error: string; code: ReportParseErrorCode };

const fail = (code: ReportParseErrorCode, error: string): ReportParseResult => ({ ok: false, code, error });

/** UTF-8 size of a string without encoding it (a UTF-16 unit is 1–3 bytes; a surrogate pair is 4). */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 2 : 3;
  }
  return bytes;
}

/** Did the text stop inside a string or before its outermost bracket closed? */
function looksTruncated(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i += 1;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) depth += 1;
    else if (c === 125 /* } */ || c === 93 /* ] */) {
      depth -= 1;
      if (depth === 0) return false;
    }
  }
  return inString || depth > 0;
}

/** "findings[3].owner.id" from a zod issue path. */
function fieldName(path: readonly PropertyKey[]): string {
  let name = '';
  for (const part of path) {
    if (typeof part === 'number') name += `[${part}]`;
    else name += name ? `.${String(part)}` : String(part);
  }
  return name || 'the report';
}

const describe = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;

/**
 * Reads a report file's text. Never throws: a file someone hands the user is hostile input, and
 * each refusal says in one line what is wrong (and, for the wrong shape, which field).
 */
export function parseReportJson(text: string): ReportParseResult {
  try {
    if (typeof text !== 'string') return fail('not-json', 'Not a report file: nothing readable was given.');
    if (text.length > REPORT_LIMITS.fileBytes || (text.length > REPORT_LIMITS.fileBytes / 4 && utf8Bytes(text) > REPORT_LIMITS.fileBytes)) {
      return fail('too-large', `The file is larger than ${REPORT_LIMITS.fileBytes / 1024 / 1024} MB, too large for a Glasshouse report.`);
    }
    const body = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).trim();
    if (body.length === 0) return fail('empty', 'The file is empty.');
    if (body[0] !== '{' && body[0] !== '[')
      return fail('not-json', 'The file is not JSON: a Glasshouse report is a .json file starting with "{".');
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch (error) {
      if (looksTruncated(body)) return fail('truncated', 'The file is cut short (truncated): export the report again.');
      const reason = error instanceof Error ? error.message.split('\n')[0]!.slice(0, 120) : 'syntax error';
      return fail('not-json', `The file is not valid JSON (${reason}).`);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return fail('not-a-report', `Not a Glasshouse report: the file holds ${describe(value)}, not a report object.`);
    }
    const version = (value as Record<string, unknown>).schemaVersion;
    if (version === undefined) return fail('not-a-report', 'Not a Glasshouse report: it has no schemaVersion.');
    if (typeof version === 'number' && Number.isInteger(version) && version > REPORT_SCHEMA_VERSION) {
      return fail('newer-version', `This report was made by a newer Glasshouse (schema version ${version}); update Glasshouse to open it.`);
    }
    if (version !== REPORT_SCHEMA_VERSION) {
      const shown = typeof version === 'number' ? String(version) : describe(version);
      return fail(
        'unsupported-version',
        `Unsupported report schema version ${shown}: this Glasshouse reads version ${REPORT_SCHEMA_VERSION}.`,
      );
    }
    const parsed = ExposureReportSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = fieldName(issue?.path ?? []);
      return fail('invalid', `Invalid report: field ${field}: ${(issue?.message ?? 'wrong shape').slice(0, 200)}.`);
    }
    return { ok: true, report: parsed.data };
  } catch (error) {
    // Deeply nested input can exhaust the stack; anything unexpected is still a refusal, never a throw.
    const reason = error instanceof Error ? error.message.slice(0, 120) : 'unknown error';
    return fail('invalid', `The file could not be read as a report (${reason}).`);
  }
}
