import { z } from '../core/zod-setup';
import type { Platform } from '../core';
import { ArchiveError } from './errors';
import { repairStrings } from './mojibake';

/**
 * The posts files of Meta's "Download Your Information" export, JSON format
 * (docs/FACTS.md#meta-data-export):
 * - Facebook: `your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json`
 *   (older exports: `posts/your_posts_1.json`), each post `{timestamp, title, data[{post}], attachments[…]}`;
 * - Instagram: `…/media/posts_1.json`, each post `{media[{uri, creation_timestamp, title}], title?, creation_timestamp?}`.
 * Large exports split a list into `_2.json`, `_3.json` …. The export carries no audience and no post id.
 */
const FACEBOOK_POSTS = /^(your_posts__check_ins__photos_and_videos|your_posts)_\d+\.json$/;
const INSTAGRAM_POSTS = /^posts_\d+\.json$/;

/** Which platform's posts file a path inside the export is, if any. */
export function postsFileKind(path: string): Platform | null {
  const parts = path.replace(/\\/g, '/').split('/').filter(Boolean);
  const name = parts.at(-1) ?? '';
  const folder = parts.at(-2);
  if (FACEBOOK_POSTS.test(name) && (folder === undefined || folder === 'posts')) return 'facebook';
  if (INSTAGRAM_POSTS.test(name) && (folder === undefined || folder === 'media')) return 'instagram';
  return null;
}

/** One post of the export. */
export interface ArchivedPost {
  platform: Platform;
  /** When it was published, ms since 1970. */
  publishedAt: number;
  /** Its text (repaired), or '' for a photo without a caption. */
  text: string;
  /** Photos and videos attached. */
  mediaCount: number;
  /** The export file it came from. */
  file: string;
}

/** The longest text kept per post: enough to show and to match. */
const TEXT_LIMIT = 2000;

const Seconds = z.int().check(z.positive(), z.lte(4_102_444_800)); // before 2100
const Media = z.looseObject({
  uri: z.optional(z.string()),
  creation_timestamp: z.optional(Seconds),
  title: z.optional(z.string()),
  description: z.optional(z.string()),
});
const FacebookPost = z.looseObject({
  timestamp: Seconds,
  title: z.optional(z.string()),
  data: z.optional(z.array(z.looseObject({ post: z.optional(z.string()) }))),
  attachments: z.optional(z.array(z.looseObject({ data: z.optional(z.array(z.looseObject({ media: z.optional(Media) }))) }))),
});
const InstagramPost = z
  .looseObject({
    media: z.array(Media).check(z.minLength(1)),
    title: z.optional(z.string()),
    creation_timestamp: z.optional(Seconds),
  })
  .check(
    z.refine((post) => post.creation_timestamp !== undefined || post.media[0]?.creation_timestamp !== undefined, {
      message: 'no creation_timestamp',
    }),
  );

/** The list of posts: the file is an array, or (some older exports) an object holding one array. */
function listOf(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (value !== null && typeof value === 'object') {
    const arrays = Object.values(value).filter(Array.isArray);
    if (arrays.length === 1) return arrays[0]!;
  }
  return null;
}

const clip = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, TEXT_LIMIT);

function describe(error: z.core.$ZodError, index: number): string {
  const issue = error.issues[0];
  const where = issue?.path.length ? issue.path.map(String).join('.') : 'post';
  return `post ${index + 1}: ${where}: ${issue?.message ?? 'unexpected shape'}`;
}

/** Reads one posts file. Throws an ArchiveError naming the file and the first fault: one bad file spoils the import. */
export function parsePostsFile(path: string, bytes: Uint8Array): ArchivedPost[] {
  const platform = postsFileKind(path);
  if (!platform) throw new ArchiveError('unexpected-shape', path, 'not a posts file');
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8').decode(bytes));
  } catch (error) {
    throw new ArchiveError('malformed-json', path, String(error instanceof Error ? error.message : error).slice(0, 200));
  }
  const list = listOf(repairStrings(parsed));
  if (!list) throw new ArchiveError('unexpected-shape', path, 'expected a list of posts');
  return list.map((entry, index) => {
    if (platform === 'facebook') {
      const read = FacebookPost.safeParse(entry);
      if (!read.success) throw new ArchiveError('unexpected-shape', path, describe(read.error, index));
      const post = read.data;
      const media = (post.attachments ?? []).flatMap((a) => a.data ?? []).flatMap((d) => (d.media ? [d.media] : []));
      const text =
        (post.data ?? []).map((d) => d.post ?? '').find((t) => t.trim()) ?? media.find((m) => m.description?.trim())?.description ?? '';
      return { platform, publishedAt: post.timestamp * 1000, text: clip(text), mediaCount: media.length, file: path };
    }
    const read = InstagramPost.safeParse(entry);
    if (!read.success) throw new ArchiveError('unexpected-shape', path, describe(read.error, index));
    const post = read.data;
    const seconds = post.creation_timestamp ?? post.media[0]!.creation_timestamp!;
    const text = post.title ?? post.media[0]?.title ?? '';
    return { platform, publishedAt: seconds * 1000, text: clip(text), mediaCount: post.media.length, file: path };
  });
}
