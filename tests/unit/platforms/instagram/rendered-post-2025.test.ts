// @vitest-environment node
import { describe, expect, it } from 'vitest';
import postCommentsPl from '../../../fixtures/instagram/post-comments-pl.html?raw';
import { openPage, VIEWER_ID } from './open-page';

const url = 'https://www.instagram.com/p/DPolTatry05/';
const FBID = '17841448151623420';
const withoutPolarisViewer = (html: string) => html.replace(/\["PolarisViewer",\[\],\{"data":\{.*?\},"id":"\d+"\},7365\],/, '');

describe('Instagram post page as rendered in 2025 (Polish)', () => {
  it("a 2025 comment's excerpt is its text, not its author's username", () => {
    const { byId } = openPage(postCommentsPl, url);
    expect(byId.get('comment-tomasz')).toMatchObject({ ownerName: 'tomasz.wrona', excerpt: 'Piękne zdjęcie! Gdzie to jest?' });
    expect(byId.get('comment-own')).toMatchObject({ ownerName: 'giulia.rossi', excerpt: 'Cudowne miejsce, muszę tam pojechać' });
    // A mention inside the text is part of it; the author's own link is not.
    expect(byId.get('comment-ania')).toMatchObject({ ownerName: 'ania.nowak', excerpt: '@giulia.rossi koniecznie! Zapraszam' });
  });

  it("takes the viewer's comment as own with the post's public account, and a mention of the viewer as not own", () => {
    const { byId, items } = openPage(postCommentsPl, url);
    expect(byId.get('comment-own')).toMatchObject({
      kind: 'comment',
      isOwn: true,
      ownerId: VIEWER_ID,
      postId: 'DPolTatry05_18050000000000052',
      url: 'https://www.instagram.com/p/DPolTatry05/c/18050000000000052/',
      parentPostId: 'DPolTatry05',
      audience: 'public_account',
      evidence: 'embedded-json',
      publishedAt: Date.parse('2025-11-01T10:00:00.000Z'),
    });
    expect(byId.get('comment-ania')).toMatchObject({ isOwn: false, ownerId: '2244668800' });
    expect(items.filter((item) => item.post.isOwn).map((item) => item.post.postId)).toEqual(['DPolTatry05_18050000000000052']);
  });

  it('reads the post from its data (no header, no h1) and the "more posts" link by its username prefix', () => {
    const { byPostId } = openPage(postCommentsPl, url);
    expect(byPostId.get('DPolTatry05')?.post).toMatchObject({
      isOwn: false,
      ownerId: '2244668800',
      ownerName: 'ania.nowak',
      audience: 'public_account',
      excerpt: 'Tatry o świcie #góry',
    });
    expect(byPostId.get('DPolGrid006')?.post).toMatchObject({ ownerId: '2244668800', audience: 'public_account' });
  });

  it('knows the viewer from PolarisViewer, never from USER_ID "0", NON_FACEBOOK_USER_ID or the actor id (the fbid)', () => {
    const { session } = openPage(postCommentsPl, url, { cookies: [] });
    expect(session.viewer).toEqual({ id: VIEWER_ID, username: 'giulia.rossi', name: 'Giulia Rossi' });
    expect(session.accounts().find((account) => account.isViewer)).toMatchObject({ accountId: VIEWER_ID, privacy: 'public' });
  });

  it('has no viewer without PolarisViewer and the cookie: USER_ID and NON_FACEBOOK_USER_ID do not name the Instagram account', () => {
    const html = withoutPolarisViewer(postCommentsPl);
    expect(html).not.toBe(postCommentsPl);
    expect(html).toContain(`"NON_FACEBOOK_USER_ID":"${FBID}"`);
    const { session, items } = openPage(html, url, { cookies: [] });
    expect(session.viewer).toBeNull();
    expect(items.some((item) => item.post.isOwn)).toBe(false);
    expect(session.accounts().some((account) => account.isViewer || account.accountId === FBID || account.accountId === '0')).toBe(false);
  });
});
