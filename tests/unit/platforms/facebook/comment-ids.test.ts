import { describe, expect, it } from 'vitest';
import commentsFr from '../../../fixtures/facebook/comment-author-link-fr.html?raw';
import { facebookAdapter } from '../../../../src/platforms/facebook';
import { loadPage } from './load-fixture';

function scan() {
  const doc = loadPage(commentsFr, 'https://www.facebook.com/claire.dubois/posts/8001', ['c_user=100001']);
  const session = facebookAdapter.openSession(doc);
  const items = session.scan(doc);
  return { session, items, byId: new Map(items.filter((i) => i.element?.id).map((i) => [i.element!.id, i])) };
}

describe("comments whose id is only on the author's name link (French, 2024–25)", () => {
  it('an own comment is found and badged though no timestamp link says its id (profile.php?id=…&comment_id=<base64>)', () => {
    const item = scan().byId.get('fr-own-comment-profile-php');
    expect(item?.post).toMatchObject({
      postId: '8001_6001',
      kind: 'comment',
      isOwn: true,
      ownerId: '100001',
      audience: 'public',
      parentPostId: '8001',
      url: 'https://www.facebook.com/claire.dubois/posts/8001?comment_id=6001',
    });
    expect(item?.element?.contains(item.badgeAnchor)).toBe(true);
  });

  it('reads /<user>?comment_id=<base64> for others and for a reply, each with its own id', () => {
    const { byId } = scan();
    expect(byId.get('fr-other-comment-username')?.post).toMatchObject({ postId: '8001_6002', isOwn: false, ownerId: 'jean.dupont' });
    expect(byId.get('fr-own-reply-username')?.post).toMatchObject({ postId: '8001_6003', isOwn: true, ownerId: 'alice.martin' });
  });

  it("never takes a comment's author name for its words", () => {
    const { byId } = scan();
    expect(byId.get('fr-own-comment-profile-php')?.post.excerpt).toBe("J'y serai !");
    expect(byId.get('fr-own-reply-username')?.post.excerpt).toBe("D'accord");
    // A mention of someone else is the comment's own words.
    expect(byId.get('fr-other-comment-username')?.post.excerpt).toBe("Alice Martin on se retrouve à l'entrée");
  });
});
