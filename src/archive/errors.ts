/** Why an export could not be read; each code is a message of _locales (`archiveError_<code>`). */
export type ArchiveErrorCode = 'not-a-zip' | 'no-posts-file' | 'malformed-json' | 'unexpected-shape' | 'too-large';

export class ArchiveError extends Error {
  constructor(
    readonly code: ArchiveErrorCode,
    /** The file inside the export it is about, when there is one. */
    readonly file: string | undefined,
    /** What exactly is wrong, in one line (not translated: a JSON parser's or a schema's words). */
    readonly detail: string,
  ) {
    super(`${file ? `${file}: ` : ''}${detail}`.slice(0, 300));
    this.name = 'ArchiveError';
  }
}
