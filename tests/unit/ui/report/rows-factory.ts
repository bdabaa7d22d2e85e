import { isTrainingEligible, yearOf, type Audience, type ObservedPost } from '../../../../src/core';

const AUDIENCE_CYCLE: Audience[] = ['public', 'friends', 'only_me', 'unknown', 'public_group', 'friends_of_friends'];
const START = Date.UTC(2012, 0, 1);
const HOUR = 3_600_000;

/** `count` stored posts of the user's, varied in platform, kind, audience, dates and text; the same on every run. */
export function generatedPosts(count: number): ObservedPost[] {
  const posts: ObservedPost[] = [];
  for (let i = 0; i < count; i += 1) {
    const instagram = i % 7 === 0;
    const audience: Audience = instagram ? (i % 2 ? 'public_account' : 'private_account') : AUDIENCE_CYCLE[i % AUDIENCE_CYCLE.length]!;
    // Every 11th post has no known publication date.
    const publishedAt = i % 11 === 0 ? undefined : START + ((i * 7919) % count) * 3 * HOUR;
    const post: ObservedPost = {
      platform: instagram ? 'instagram' : 'facebook',
      postId: `post${i}`,
      url: instagram ? `https://www.instagram.com/p/C${i}/` : `https://www.facebook.com/alice/posts/pfbid${i}`,
      kind: i % 5 === 0 ? 'comment' : i % 13 === 0 ? 'photo' : 'post',
      ownerId: '100001',
      audience,
      eligible: isTrainingEligible(audience).eligible,
      evidence: 'label',
      publishedYear: yearOf(publishedAt),
      firstSeen: Date.UTC(2025, 5, 1) + i * 1000,
      lastSeen: Date.UTC(2025, 6, 1) + ((i * 104_729) % count) * 1000,
    };
    if (publishedAt !== undefined) post.publishedAt = publishedAt;
    if (i % 3 !== 0) post.excerpt = `Day ${i % 365} at the ${i % 2 ? 'lake' : 'mountains'} with friends #${i}`;
    posts.push(post);
  }
  return posts;
}
