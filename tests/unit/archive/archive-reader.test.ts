import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { ArchiveError, compareWithObserved, parsePostsFile, postsFileKind, readExport, repairMojibake } from '../../../src/archive';
import type { ObservedPost } from '../../../src/core';
import { compareExport } from '../../../src/ui/shared/archive-import';
import { openDatabase, recordFindings, type GlasshouseDatabase } from '../../../src/db';
import { finding, freshName } from '../db/findings-factory';
import { snapshot } from '../db/database-snapshot';

const DAY = 24 * 3600 * 1000;
const FB_PATH = 'your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json';
const IG_PATH = 'your_instagram_activity/media/posts_1.json';

/** What Meta writes: UTF-8 bytes escaped one by one as \u00XX (docs/FACTS.md#meta-data-export). */
function metaJson(value: unknown): string {
  const utf8AsLatin1 = (text: string) => String.fromCharCode(...new TextEncoder().encode(text));
  const mangle = (v: unknown): unknown =>
    typeof v === 'string'
      ? utf8AsLatin1(v)
      : Array.isArray(v)
        ? v.map(mangle)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mangle(x)]))
          : v;
  return JSON.stringify(mangle(value), null, 2).replace(/[\u0080-\u00ff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const seconds = (iso: string) => Date.parse(iso) / 1000;

const facebookPosts = [
  {
    timestamp: seconds('2025-05-01T10:00:00Z'),
    title: 'Alice Martin updated her status.',
    data: [{ post: 'Café au lait à Zürich ☕ — très bon' }],
  },
  {
    timestamp: seconds('2019-03-03T08:00:00Z'),
    title: 'Alice Martin added a new photo.',
    data: [{ update_timestamp: seconds('2019-03-03T08:00:00Z') }],
    attachments: [{ data: [{ media: { uri: 'photos/1.jpg', creation_timestamp: seconds('2019-03-03T08:00:00Z'), title: '' } }] }],
  },
  { timestamp: seconds('2012-07-14T20:00:00Z'), data: [{ post: 'Feu d’artifice ce soir !' }] },
];
const instagramPosts = [
  { media: [{ uri: 'media/posts/1.jpg', creation_timestamp: seconds('2024-08-01T12:00:00Z'), title: 'Łódź o zachodzie słońca' }] },
  {
    title: 'Two pictures',
    creation_timestamp: seconds('2023-01-01T12:00:00Z'),
    media: [
      { uri: 'a.jpg', creation_timestamp: seconds('2023-01-01T12:00:00Z') },
      { uri: 'b.jpg', creation_timestamp: seconds('2023-01-01T12:00:00Z') },
    ],
  },
];

function exportZip(files: Record<string, string | Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([path, body]) => [path, typeof body === 'string' ? strToU8(body) : body])));
}

describe('the mojibake repair', () => {
  it('re-encodes UTF-8 read as Latin-1, and leaves real text alone', () => {
    expect(repairMojibake('Caf\u00c3\u00a9')).toBe('Café');
    expect(repairMojibake('\u00e2\u0098\u0095')).toBe('☕');
    expect(repairMojibake('\u00c5\u0081\u00c3\u00b3d\u00c5\u00ba')).toBe('Łódź');
    // Already right: characters above U+00FF, or Latin-1 that is not a UTF-8 sequence.
    expect(repairMojibake('Łódź')).toBe('Łódź');
    expect(repairMojibake('naïve café')).toBe('naïve café');
    expect(repairMojibake('plain')).toBe('plain');
  });
});

describe("the reader of Meta's export", () => {
  it('finds the posts files by path, old and new names', () => {
    expect(postsFileKind(FB_PATH)).toBe('facebook');
    expect(postsFileKind('facebook-alice-2025/your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_2.json')).toBe(
      'facebook',
    );
    expect(postsFileKind('posts/your_posts_1.json')).toBe('facebook');
    expect(postsFileKind(IG_PATH)).toBe('instagram');
    expect(postsFileKind('instagram-alice/content/media/posts_1.json')).toBe('instagram');
    expect(postsFileKind('your_facebook_activity/posts/album/0.json')).toBeNull();
    expect(postsFileKind('your_facebook_activity/comments_and_reactions/comments.json')).toBeNull();
  });

  it('reads a ZIP with both platforms, repairing the text, and skips photos unread', () => {
    const zip = exportZip({
      [FB_PATH]: metaJson(facebookPosts),
      [IG_PATH]: metaJson(instagramPosts),
      'your_facebook_activity/posts/media/photo.jpg': new Uint8Array([0xff, 0xd8, 0xff]),
      'your_facebook_activity/messages/inbox/x/message_1.json': '{"not":"read"}',
    });
    const contents = readExport([{ path: 'facebook-alice.zip', bytes: zip }]);
    expect(contents.files).toEqual([FB_PATH, IG_PATH]);
    const fb = contents.posts.filter((p) => p.platform === 'facebook');
    expect(fb.map((p) => p.text)).toEqual(['Café au lait à Zürich ☕ — très bon', '', 'Feu d’artifice ce soir !']);
    expect(fb[0]!.publishedAt).toBe(Date.parse('2025-05-01T10:00:00Z'));
    expect(fb[1]!.mediaCount).toBe(1);
    const ig = contents.posts.filter((p) => p.platform === 'instagram');
    expect(ig.map((p) => [p.text, p.mediaCount])).toEqual([
      ['Łódź o zachodzie słońca', 1],
      ['Two pictures', 2],
    ]);
  });

  it('reads the files of an unpacked folder, and an older export shape', () => {
    const older = JSON.stringify({ status_updates: [{ timestamp: seconds('2015-01-01T00:00:00Z'), data: [{ post: 'Old times' }] }] });
    const contents = readExport([
      { path: 'facebook-alice/posts/your_posts_1.json', bytes: strToU8(older) },
      { path: 'facebook-alice/posts/media/a.jpg', bytes: new Uint8Array([1]) },
    ]);
    expect(contents.posts).toMatchObject([{ platform: 'facebook', text: 'Old times', publishedAt: Date.parse('2015-01-01T00:00:00Z') }]);
  });

  it('refuses a malformed posts file with an error naming the file, and returns nothing', () => {
    const broken = exportZip({
      [FB_PATH]: '[{"timestamp": 1556704800, "data": [{"post": "unterminated',
      [IG_PATH]: metaJson(instagramPosts),
    });
    let error: unknown;
    try {
      readExport([{ path: 'x.zip', bytes: broken }]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ArchiveError);
    expect(error).toMatchObject({ code: 'malformed-json', file: FB_PATH });
    expect((error as Error).message).toContain(FB_PATH);

    const wrongShape = strToU8(JSON.stringify([{ timestamp: 'yesterday', data: [] }]));
    expect(() => parsePostsFile(FB_PATH, wrongShape)).toThrow(/post 1: timestamp/);
    expect(() => readExport([{ path: 'a.zip', bytes: strToU8('PK not really a zip') }])).toThrow(ArchiveError);
    expect(() => readExport([{ path: 'notes.txt', bytes: strToU8('hello') }])).toThrow(/no posts file/);
  });
});

describe('the comparison with what was seen', () => {
  const archived = readExport([{ path: 'x.zip', bytes: exportZip({ [FB_PATH]: metaJson(facebookPosts) }) }]).posts;
  const seen = (over: Partial<ObservedPost>): ObservedPost => ({
    platform: 'facebook',
    postId: 'x',
    url: 'https://www.facebook.com/alice.martin/posts/x',
    kind: 'post',
    ownerId: '100001',
    audience: 'public',
    eligible: 'yes',
    evidence: 'embedded-json',
    publishedYear: 0,
    firstSeen: Date.UTC(2026, 0, 1),
    lastSeen: Date.UTC(2026, 0, 1),
    ...over,
  });

  it('matches by normalized text prefix within a day, and lists the rest as unseen (never as not public)', () => {
    const observed = [
      // The page cut the text ("… See more") and the date is 20 hours off (time zone): still the same post.
      seen({ postId: 'a', excerpt: 'Café au lait à Zürich ☕ — très… See more', publishedAt: Date.parse('2025-05-02T06:00:00Z') }),
      // Same words, but three days off: not the same post.
      seen({ postId: 'b', excerpt: 'Feu d’artifice ce soir !', publishedAt: Date.parse('2012-07-18T20:00:00Z'), eligible: 'no' }),
    ];
    const result = compareWithObserved('facebook', archived, observed, Date.parse('2018-01-01T00:00:00Z'));
    expect(result.total).toBe(3);
    expect(result.matched.map((m) => m.observed.postId)).toEqual(['a']);
    expect(result.unseen.map((p) => p.text)).toEqual(['', 'Feu d’artifice ce soir !']);
    // Only the 2012 post is older than what the scan reached (2018).
    expect(result.notCoveredByScan).toBe(1);
  });

  it('matches on text alone when the page did not tell the date, and a photo on the date alone', () => {
    const observed = [
      seen({ postId: 'c', excerpt: 'feu d artifice ce soir' }),
      seen({ postId: 'photo', publishedAt: Date.parse('2019-03-03T09:00:00Z') }),
      seen({ postId: 'other', excerpt: 'Something else', publishedAt: Date.parse('2025-05-01T10:00:00Z') }),
    ];
    const result = compareWithObserved('facebook', archived, observed);
    expect(result.matched.map((m) => [m.archived.text, m.observed.postId])).toEqual([
      ['', 'photo'],
      ['Feu d’artifice ce soir !', 'c'],
    ]);
    expect(result.unseen).toHaveLength(1);
    expect(result.notCoveredByScan).toBe(1);
    expect(result.scanReachedBack).toBeUndefined();
  });
});

describe('the import against the store', () => {
  let db: GlasshouseDatabase;
  afterEach(async () => {
    await db?.delete();
  });

  it('compares with the stored posts and the latest scan, and stores nothing — nor when a file is malformed', async () => {
    db = (await openDatabase(freshName()).open()) as GlasshouseDatabase;
    await recordFindings(
      db,
      [
        finding({ postId: 'a', excerpt: 'Café au lait à Zürich', publishedAt: Date.parse('2025-05-01T11:00:00Z'), audience: 'public' }),
        finding({ postId: 'a_c1', kind: 'comment', excerpt: 'Feu d’artifice ce soir !' }),
      ],
      true,
    );
    await db.scans.add({
      platform: 'facebook',
      status: 'done',
      startedAt: 1,
      updatedAt: 2,
      postsFound: 1,
      publicFound: 1,
      oldestReached: Date.parse('2016-01-01'),
    });
    const before = await snapshot(db);
    const contents = readExport([{ path: 'x.zip', bytes: exportZip({ [FB_PATH]: metaJson(facebookPosts) }) }]);
    const [facebook] = await compareExport(db, contents);
    expect(facebook).toMatchObject({ platform: 'facebook', total: 3, notCoveredByScan: 1, scanReachedBack: Date.parse('2016-01-01') });
    expect(facebook!.matched.map((m) => [m.observed.postId, m.observed.eligible])).toEqual([['a', 'yes']]);
    // A comment is never taken for a post.
    expect(facebook!.unseen.map((p) => p.text)).toContain('Feu d’artifice ce soir !');
    expect(await snapshot(db)).toBe(before);

    expect(() => readExport([{ path: 'x.zip', bytes: exportZip({ [FB_PATH]: '{oops' }) }])).toThrow(ArchiveError);
    expect(await snapshot(db)).toBe(before);
    expect(facebook!.unseen[0]!.publishedAt).toBeGreaterThan(Date.parse('2016-01-01') - DAY);
  });
});
