import type { AudienceHistoryStep, Objection, ObservedAccount, ObservedPost } from '../../../src/core';

/** Like ReportInput, with arrays a test may push to. */
export interface SampleInput {
  posts: ObservedPost[];
  observations: AudienceHistoryStep[];
  accounts: ObservedAccount[];
  objections: Objection[];
  now: number;
}

export const at = (iso: string) => Date.parse(iso);

/** A small, fixed database: what the golden files are made from. */
export function sampleInput(): SampleInput {
  const posts: ObservedPost[] = [
    {
      platform: 'facebook',
      postId: 'pfbid0lake',
      url: 'https://www.facebook.com/alice.martin/posts/pfbid0lake',
      kind: 'post',
      ownerId: '100001',
      ownerName: 'Alice Martin',
      audience: 'public',
      eligible: 'yes',
      evidence: 'label',
      audienceSource: 'Shared with Public',
      publishedAt: at('2024-03-10T12:00:00.000Z'),
      publishedYear: 2024,
      excerpt: 'Sunset at the lake 🌅',
      firstSeen: at('2025-05-01T09:00:00.000Z'),
      lastSeen: at('2025-07-01T09:00:00.000Z'),
    },
    {
      platform: 'facebook',
      postId: 'pfbid0dinner',
      url: 'https://www.facebook.com/alice.martin/posts/pfbid0dinner',
      kind: 'post',
      ownerId: '100001',
      ownerName: 'Alice Martin',
      audience: 'friends',
      eligible: 'no',
      evidence: 'embedded-json',
      publishedAt: at('2025-04-02T18:02:00.000Z'),
      publishedYear: 2025,
      excerpt: 'Family dinner',
      firstSeen: at('2025-05-01T09:00:00.000Z'),
      lastSeen: at('2025-06-15T10:00:00.000Z'),
    },
    {
      platform: 'facebook',
      postId: 'pfbid0bob_4401',
      url: 'https://www.facebook.com/bob.dupont/posts/pfbid0bob?comment_id=4401',
      kind: 'comment',
      ownerId: 'alice.martin',
      ownerName: 'Alice Martin',
      audience: 'public',
      eligible: 'yes',
      evidence: 'label',
      parentPostId: 'pfbid0bob',
      publishedYear: 0,
      excerpt: 'Nice, "really"',
      firstSeen: at('2025-05-02T08:00:00.000Z'),
      lastSeen: at('2025-05-02T08:00:00.000Z'),
    },
    {
      platform: 'facebook',
      postId: 'pfbid0mystery',
      url: 'https://www.facebook.com/alice.martin/posts/pfbid0mystery',
      kind: 'photo',
      ownerId: '100001',
      audience: 'unknown',
      eligible: 'unknown',
      evidence: 'none',
      publishedAt: at('2023-08-20T07:30:00.000Z'),
      publishedYear: 2023,
      firstSeen: at('2025-05-03T08:00:00.000Z'),
      lastSeen: at('2025-05-03T08:00:00.000Z'),
    },
    {
      platform: 'instagram',
      postId: 'C8reel',
      url: 'https://www.instagram.com/reel/C8reel/',
      kind: 'reel',
      ownerId: '5550001',
      ownerName: 'alice.m',
      audience: 'public_account',
      eligible: 'yes',
      evidence: 'account',
      publishedAt: at('2025-06-20T15:00:00.000Z'),
      publishedYear: 2025,
      firstSeen: at('2025-06-21T08:00:00.000Z'),
      lastSeen: at('2025-06-21T08:00:00.000Z'),
    },
  ];
  // Out of order on purpose: the report sorts each post's history.
  const observations: AudienceHistoryStep[] = [
    {
      id: 4,
      platform: 'facebook',
      postId: 'pfbid0dinner',
      audience: 'friends',
      eligible: 'no',
      evidence: 'embedded-json',
      observedAt: at('2025-06-15T10:00:00.000Z'),
    },
    {
      id: 1,
      platform: 'facebook',
      postId: 'pfbid0lake',
      audience: 'public',
      eligible: 'yes',
      evidence: 'label',
      observedAt: at('2025-05-01T09:00:00.000Z'),
    },
    {
      id: 2,
      platform: 'facebook',
      postId: 'pfbid0dinner',
      audience: 'public',
      eligible: 'yes',
      evidence: 'label',
      observedAt: at('2025-05-01T09:00:00.000Z'),
    },
    {
      id: 3,
      platform: 'facebook',
      postId: 'pfbid0bob_4401',
      audience: 'public',
      eligible: 'yes',
      evidence: 'label',
      observedAt: at('2025-05-02T08:00:00.000Z'),
    },
    {
      id: 5,
      platform: 'facebook',
      postId: 'pfbid0mystery',
      audience: 'unknown',
      eligible: 'unknown',
      evidence: 'none',
      observedAt: at('2025-05-03T08:00:00.000Z'),
    },
    {
      id: 6,
      platform: 'instagram',
      postId: 'C8reel',
      audience: 'public_account',
      eligible: 'yes',
      evidence: 'account',
      observedAt: at('2025-06-21T08:00:00.000Z'),
    },
  ];
  const accounts: ObservedAccount[] = [
    {
      platform: 'instagram',
      accountId: '5550001',
      username: 'alice.m',
      isViewer: 1,
      privacy: 'public',
      evidence: 'account',
      firstSeen: at('2025-06-21T08:00:00.000Z'),
      lastSeen: at('2025-06-21T08:00:00.000Z'),
      history: [{ privacy: 'public', evidence: 'account', seenAt: at('2025-06-21T08:00:00.000Z') }],
    },
    {
      platform: 'instagram',
      accountId: '5550002',
      username: 'someone.else',
      isViewer: 0,
      privacy: 'private',
      evidence: 'account',
      firstSeen: at('2025-06-21T08:00:00.000Z'),
      lastSeen: at('2025-06-21T08:00:00.000Z'),
      history: [{ privacy: 'private', evidence: 'account', seenAt: at('2025-06-21T08:00:00.000Z') }],
    },
  ];
  const objections: Objection[] = [
    {
      id: 1,
      platform: 'facebook',
      objectedAt: at('2025-05-20T00:00:00.000Z'),
      recordedAt: at('2025-05-20T10:00:00.000Z'),
      how: 'user-confirmed',
    },
  ];
  return { posts, observations, accounts, objections, now: at('2025-07-15T08:00:00.000Z') };
}

/** A stored post with the given text everywhere a page or a file could put hostile text. */
export function hostilePost(text: string, postId = 'pfbid0hostile'): ObservedPost {
  return {
    platform: 'facebook',
    postId,
    url: 'https://www.facebook.com/alice.martin/posts/pfbid0hostile',
    kind: 'post',
    ownerId: text,
    ownerName: text,
    audience: 'public',
    eligible: 'yes',
    evidence: 'label',
    audienceSource: text,
    publishedAt: at('2024-01-01T00:00:00.000Z'),
    publishedYear: 2024,
    excerpt: text,
    firstSeen: at('2025-05-01T00:00:00.000Z'),
    lastSeen: at('2025-05-01T00:00:00.000Z'),
  };
}

/** The payloads every format is tried with. */
export const HOSTILE_TEXTS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '=HYPERLINK("http://evil")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  '@SUM(1)',
  '\t=1+1',
  '\r=1+1',
  'abc\u202Etxt.exe',
  'zero\u200Bwidth',
  'javascript:alert(1)',
] as const;
