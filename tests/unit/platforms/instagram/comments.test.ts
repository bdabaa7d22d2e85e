// @vitest-environment node
import { describe, expect, it } from 'vitest';
import commentPublicIt from '../../../fixtures/instagram/comment-public-it.html?raw';
import commentPrivateDe from '../../../fixtures/instagram/comment-private-de.html?raw';
import { isTrainingEligible } from '../../../../src/core';
import { openPage, VIEWER_ID } from './open-page';

describe("Instagram comments by the viewer on other people's posts", () => {
  it("takes a public account's audience, even when the viewer's own account is private", () => {
    const { byId } = openPage(commentPublicIt, 'https://www.instagram.com/p/DBmarcoPu03/');
    const comment = byId.get('comment-own')!;
    expect(comment).toMatchObject({
      kind: 'comment',
      isOwn: true,
      ownerId: VIEWER_ID,
      postId: 'DBmarcoPu03_17930000000000022',
      parentPostId: 'DBmarcoPu03',
      url: 'https://www.instagram.com/p/DBmarcoPu03/c/17930000000000022/',
      audience: 'public_account',
      evidence: 'embedded-json',
      excerpt: 'Complimenti, è bellissima!',
    });
    expect(isTrainingEligible(comment.audience).eligible).toBe('yes');
    expect(byId.get('marco-post')).toMatchObject({ isOwn: false, ownerName: 'marco.bianchi', audience: 'public_account' });
  });

  it("tells the viewer's comment from others' and from replies in the same list", () => {
    const { byId, items } = openPage(commentPublicIt, 'https://www.instagram.com/p/DBmarcoPu03/');
    expect(byId.get('comment-luca')).toMatchObject({ isOwn: false, ownerName: 'luca.verdi' });
    expect(byId.get('reply-marco')).toMatchObject({ isOwn: false, ownerId: '1357924680', postId: 'DBmarcoPu03_17930000000000023' });
    expect(items.filter((item) => item.post.kind === 'comment' && item.post.isOwn)).toHaveLength(1);
  });

  it("takes a private account's audience", () => {
    const { byId } = openPage(commentPrivateDe, 'https://www.instagram.com/p/DCannaPr04/');
    const comment = byId.get('comment-own')!;
    expect(comment).toMatchObject({ isOwn: true, audience: 'private_account', evidence: 'embedded-json', parentPostId: 'DCannaPr04' });
    expect(isTrainingEligible(comment.audience).eligible).toBe('no');
    expect(byId.get('post-main')).toMatchObject({ isOwn: false, ownerName: 'anna.schmidt', audience: 'private_account' });
  });

  it("is unknown when nothing says the post's account's privacy, never private", () => {
    const noData = commentPrivateDe.replace(/<script type="application\/json" data-content-len="700"[\s\S]*?<\/script>/, '');
    expect(noData).not.toBe(commentPrivateDe);
    const { byId, session } = openPage(noData, 'https://www.instagram.com/p/DCannaPr04/');
    // The owner still comes from the header link.
    expect(byId.get('post-main')).toMatchObject({ ownerName: 'anna.schmidt', audience: 'unknown', evidence: 'none' });
    expect(byId.get('comment-own')).toMatchObject({ isOwn: true, audience: 'unknown', evidence: 'none' });
    expect(session.diagnostics.unknownAudiences).toBe(1);
  });

  it('badges a comment inside its own row', () => {
    const { items } = openPage(commentPrivateDe, 'https://www.instagram.com/p/DCannaPr04/');
    const own = items.find((item) => item.post.kind === 'comment' && item.post.isOwn)!;
    expect(own.element?.id).toBe('comment-own');
    expect(own.element!.contains(own.badgeAnchor)).toBe(true);
  });
});
