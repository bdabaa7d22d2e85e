import { PLATFORMS } from '../../core';
import {
  ArchiveError,
  compareWithObserved,
  MAX_ZIP_BYTES,
  postsFileKind,
  readExport,
  type ArchiveComparison,
  type ExportContents,
  type ExportFile,
} from '../../archive';
import { latestScan, observedPosts, type GlasshouseDatabase } from '../../db';

/** The message key of an import error. */
export const archiveErrorKey = (error: ArchiveError) => `archiveError_${error.code.replace(/-/g, '_')}`;

/** Reads the picked files in this page: ZIPs whole, a folder's posts files only (its photos are never read). */
export async function readPickedFiles(files: readonly File[]): Promise<ExportContents> {
  const picked: ExportFile[] = [];
  for (const file of files) {
    const path = file.webkitRelativePath || file.name;
    const zip = /\.zip$/i.test(file.name);
    if (!zip && !postsFileKind(path)) continue;
    if (zip && file.size > MAX_ZIP_BYTES) throw new ArchiveError('too-large', file.name, `${file.size} bytes`);
    picked.push({ path, bytes: new Uint8Array(await file.arrayBuffer()) });
  }
  return readExport(picked);
}

/**
 * Compares the export with the posts the extension stored. Read only: archived posts never seen on a
 * page are not stored (they have no audience and no post id); they are shown, with the coverage figure.
 */
export async function compareExport(db: GlasshouseDatabase, contents: ExportContents): Promise<ArchiveComparison[]> {
  const comparisons: ArchiveComparison[] = [];
  for (const platform of PLATFORMS) {
    if (!contents.posts.some((post) => post.platform === platform)) continue;
    const [observed, scan] = await Promise.all([observedPosts(db, platform), latestScan(db, platform)]);
    comparisons.push(compareWithObserved(platform, contents.posts, observed, scan?.oldestReached));
  }
  return comparisons;
}
