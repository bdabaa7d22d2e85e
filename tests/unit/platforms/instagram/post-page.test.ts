// @vitest-environment node
import { describe, expect, it } from 'vitest';
import postOwnEn from '../../../fixtures/instagram/post-own-en.html?raw';
import { openPage, VIEWER_ID } from './open-page';

const url = 'https://www.instagram.com/p/C7aLago0001/';

describe("Instagram post page of the viewer's own post", () => {
  it('reads the post as own and public_account, owner from the embedded data', () => {
    const { byPostId } = openPage(postOwnEn, url);
    const item = byPostId.get('C7aLago0001')!;
    expect(item.element?.id).toBe('post-main');
    expect(item.post).toMatchObject({
      kind: 'post',
      isOwn: true,
      ownerId: VIEWER_ID,
      audience: 'public_account',
      evidence: 'embedded-json',
      publishedAt: 1714550400_000,
      excerpt: 'Sunset on Lago di Como',
    });
  });

  it("finds the owner from the caption's link when the data is gone, never from a photo tag", () => {
    const withoutMedia = postOwnEn.replace(/<script type="application\/json" data-content-len="980"[\s\S]*?<\/script>/, '');
    expect(withoutMedia).not.toBe(postOwnEn);
    const { byPostId } = openPage(withoutMedia, url);
    expect(byPostId.get('C7aLago0001')?.post).toMatchObject({
      isOwn: true,
      ownerId: VIEWER_ID,
      ownerName: 'giulia.rossi',
      audience: 'public_account',
    });
  });

  it('reads the owner from a header link when there is one', () => {
    const withHeader = postOwnEn
      .replace(/<script type="application\/json" data-content-len="980"[\s\S]*?<\/script>/, '')
      .replace('<div id="owner-row">', '<header id="owner-row">')
      .replace('<div role="button">More options</div></div></div>', '<div role="button">More options</div></div></header>')
      .replace(/<div id="caption-row">[\s\S]*?<\/h1>/, '<div id="caption-row"><div><h1 dir="auto">Sunset on Lago di Como</h1>');
    const { byPostId } = openPage(withHeader, url);
    const item = byPostId.get('C7aLago0001')!;
    expect(item.post).toMatchObject({ isOwn: true, ownerName: 'giulia.rossi' });
    expect(item.badgeAnchor?.id).toBe('owner-row');
  });

  it("gives comments on the own post the own account's audience, and knows whose each is", () => {
    const { items } = openPage(postOwnEn, url);
    const comments = items.filter((item) => item.post.kind === 'comment');
    expect(comments.map((c) => c.post.postId)).toEqual(['C7aLago0001_17920000000000011', 'C7aLago0001_17920000000000012']);
    const [marco, reply] = comments;
    expect(marco!.post).toMatchObject({
      isOwn: false,
      ownerId: '1357924680',
      ownerName: 'marco.bianchi',
      audience: 'public_account',
      parentPostId: 'C7aLago0001',
    });
    expect(marco!.element?.closest('#comment-marco')).not.toBeNull();
    expect(marco!.element?.closest('#reply-own')).toBeNull();
    expect(reply!.post).toMatchObject({
      isOwn: true,
      ownerId: VIEWER_ID,
      audience: 'public_account',
      evidence: 'embedded-json',
      url: 'https://www.instagram.com/p/C7aLago0001/c/17920000000000011/r/17920000000000012/',
      publishedAt: Date.parse('2024-05-02T07:30:00.000Z'),
      excerpt: '@marco.bianchi thank you!',
    });
    expect(reply!.element?.closest('#reply-own')).not.toBeNull();
    expect(reply!.element!.contains(reply!.badgeAnchor)).toBe(true);
  });

  it('lists the "more posts" under the post as grid items, not as the post', () => {
    const { byId, items } = openPage(postOwnEn, url);
    expect(byId.get('more-reel')).toMatchObject({ postId: 'C8bReel0002', kind: 'reel', isOwn: true, audience: 'public_account' });
    expect(items.filter((item) => item.post.postId === 'C7aLago0001')).toHaveLength(1);
  });

  it('reads a reel page as a reel', () => {
    const reel = postOwnEn.replaceAll('/p/C7aLago0001/', '/reel/C7aLago0001/').replace('"product_type":"feed"', '"product_type":"clips"');
    const { byPostId } = openPage(reel, 'https://www.instagram.com/reel/C7aLago0001/');
    expect(byPostId.get('C7aLago0001')?.post).toMatchObject({
      kind: 'reel',
      url: 'https://www.instagram.com/reel/C7aLago0001/',
      isOwn: true,
    });
  });

  it('reads a post opened in a dialog over a profile, not the profile under it', () => {
    const dialog = postOwnEn
      .replace(
        '<main id="post-main" role="main">',
        '<main role="main"><header><h2>giulia.rossi</h2></header></main><div id="post-dialog" role="dialog">',
      )
      .replace('</main>\n</div>\n</div>\n</body>', '</div>\n</div>\n</div>\n</body>');
    const { byPostId } = openPage(dialog, url);
    expect(byPostId.get('C7aLago0001')?.post).toMatchObject({ isOwn: true, audience: 'public_account' });
    expect(byPostId.get('C7aLago0001')?.element?.id).toBe('post-dialog');
  });
});
