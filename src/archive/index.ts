/**
 * The reader of Meta's "Download Your Information" export (docs/FACTS.md#meta-data-export): a pure
 * module, importing src/core only (and fflate for the ZIP). The extension page that mounts src/ui/shared/ArchiveImport.tsx
 * gives it the picked files and the stored posts; it stores nothing itself.
 */
export { ArchiveError, type ArchiveErrorCode } from './errors';
export { repairMojibake, repairStrings } from './mojibake';
export { parsePostsFile, postsFileKind, type ArchivedPost } from './posts-files';
export { readExport, postsFilesOfZip, MAX_ZIP_BYTES, type ExportContents, type ExportFile } from './read-export';
export { compareWithObserved, normalizeText, type ArchiveComparison, type MatchedPost } from './match';
