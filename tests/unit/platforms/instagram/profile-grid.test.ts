// @vitest-environment node
import { describe, expect, it } from 'vitest';
import profilePublicEn from '../../../fixtures/instagram/profile-public-en.html?raw';
import profilePrivateIt from '../../../fixtures/instagram/profile-private-it.html?raw';
import { DetectedPostSchema } from '../../../../src/core';
import { openPage, VIEWER_ID } from './open-page';

describe('Instagram own profile grid', () => {
  it('lists the posts and the reel of a public profile as public_account, from the embedded data', () => {
    const { byId, items } = openPage(profilePublicEn, 'https://www.instagram.com/giulia.rossi/');
    expect(items).toHaveLength(3);
    expect(byId.get('grid-post')).toEqual({
      platform: 'instagram',
      postId: 'C7aLago0001',
      url: 'https://www.instagram.com/p/C7aLago0001/',
      kind: 'post',
      ownerId: VIEWER_ID,
      ownerName: 'giulia.rossi',
      isOwn: true,
      audience: 'public_account',
      evidence: 'embedded-json',
      audienceSource: 'is_private=false',
      publishedAt: 1714550400_000,
      excerpt: 'Sunset on Lago di Como',
    });
    expect(byId.get('grid-reel')).toMatchObject({
      kind: 'reel',
      url: 'https://www.instagram.com/reel/C8bReel0002/',
      isOwn: true,
      audience: 'public_account',
    });
    // Not in the data, plain /p/ link: the profile's own posts tab says whose it is.
    expect(byId.get('grid-old')).toMatchObject({
      postId: 'C6cOld00003',
      isOwn: true,
      audience: 'public_account',
      evidence: 'embedded-json',
    });
    for (const item of items) expect(DetectedPostSchema.parse(item.post)).toEqual(item.post);
  });

  it('lists the posts of a private profile as private_account', () => {
    const { byId } = openPage(profilePrivateIt, 'https://www.instagram.com/giulia.rossi/');
    for (const id of ['grid-carousel', 'grid-post', 'grid-reel']) {
      expect(byId.get(id)).toMatchObject({
        isOwn: true,
        audience: 'private_account',
        evidence: 'embedded-json',
        audienceSource: 'is_private=true',
      });
    }
    expect(byId.get('grid-reel')?.kind).toBe('reel');
  });

  it('badges each grid tile inside its link', () => {
    const { items } = openPage(profilePublicEn, 'https://www.instagram.com/giulia.rossi/');
    for (const item of items) {
      expect(item.element?.localName).toBe('a');
      expect(item.element!.contains(item.badgeAnchor)).toBe(true);
    }
  });

  it("never takes the tagged tab's plain links for the profile's own posts", () => {
    const { byId } = openPage(profilePublicEn, 'https://www.instagram.com/giulia.rossi/tagged/');
    expect(byId.has('grid-old')).toBe(false);
    // Links that name their owner (data, username prefix) still say whose they are.
    expect(byId.get('grid-post')).toMatchObject({ isOwn: true });
  });

  it('finds the grid link a change happened in', () => {
    const { session, doc } = openPage(profilePublicEn, 'https://www.instagram.com/giulia.rossi/');
    const img = doc.querySelector('#grid-reel img')!;
    expect(session.itemContaining(img)?.id).toBe('grid-reel');
    expect(session.scan(img).map((item) => item.post.postId)).toEqual(['C8bReel0002']);
  });

  it('reports own timeline posts known only from data until they render', () => {
    const html = profilePublicEn.replace(/<div><a id="grid-reel"[\s\S]*?<\/a><\/div>/, '');
    const { session } = openPage(html, 'https://www.instagram.com/giulia.rossi/');
    expect(session.dataOnlyPosts()).toEqual([
      expect.objectContaining({ postId: 'C8bReel0002', kind: 'reel', isOwn: true, audience: 'public_account', evidence: 'embedded-json' }),
    ]);
  });
});
