import { unzipSync } from 'fflate';
import { ArchiveError } from './errors';
import { parsePostsFile, postsFileKind, type ArchivedPost } from './posts-files';

/** A file of the export as the user gave it: the ZIP itself, or one file of the unpacked folder. */
export interface ExportFile {
  /** Its path in the export (a folder's files: `webkitRelativePath`), or just its name. */
  path: string;
  bytes: Uint8Array;
}

/** The posts an export lists, per platform, and which of its files they came from. */
export interface ExportContents {
  posts: ArchivedPost[];
  files: string[];
}

/** Past this, a ZIP is not read into memory: the user unpacks it and picks the folder (only the posts files are read then). */
export const MAX_ZIP_BYTES = 1024 * 1024 * 1024;
/** A posts file larger than this inside a ZIP is refused before it is inflated (a ZIP bomb, or not Meta's). */
export const MAX_POSTS_FILE_BYTES = 256 * 1024 * 1024;

const isZip = (bytes: Uint8Array) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;

/** The posts files of a ZIP, inflated with fflate; every other entry (photos, videos) is skipped unread. */
export function postsFilesOfZip(name: string, bytes: Uint8Array): ExportFile[] {
  if (bytes.length > MAX_ZIP_BYTES) throw new ArchiveError('too-large', name, `${bytes.length} bytes`);
  let entries: Record<string, Uint8Array>;
  let oversized: string | undefined;
  try {
    entries = unzipSync(bytes, {
      filter: (file) => {
        if (!postsFileKind(file.name)) return false;
        if (file.originalSize > MAX_POSTS_FILE_BYTES) {
          oversized = file.name;
          return false;
        }
        return true;
      },
    });
  } catch (error) {
    throw new ArchiveError('not-a-zip', name, String(error instanceof Error ? error.message : error).slice(0, 200));
  }
  if (oversized) throw new ArchiveError('too-large', oversized, 'posts file too large');
  return Object.entries(entries).map(([path, data]) => ({ path, bytes: data }));
}

/**
 * Reads what the user picked: ZIPs (one or several parts of one export) and loose JSON files of an
 * unpacked export. Nothing is kept or sent anywhere: the caller gets the posts and shows them.
 * Throws an ArchiveError when no posts file is found or any posts file is malformed.
 */
export function readExport(picked: readonly ExportFile[]): ExportContents {
  const files: ExportFile[] = [];
  for (const file of picked) {
    if (/\.zip$/i.test(file.path) || isZip(file.bytes)) files.push(...postsFilesOfZip(file.path, file.bytes));
    else if (postsFileKind(file.path)) files.push(file);
  }
  if (files.length === 0) throw new ArchiveError('no-posts-file', undefined, 'no posts file in what was picked');
  files.sort((a, b) => a.path.localeCompare(b.path));
  const posts = files.flatMap((file) => parsePostsFile(file.path, file.bytes));
  return { posts: posts.sort((a, b) => b.publishedAt - a.publishedAt), files: files.map((f) => f.path) };
}
