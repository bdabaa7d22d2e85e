import { describe, expect, it, vi } from 'vitest';
import feedEn from '../../../fixtures/facebook/feed-en.html?raw';
import { facebookAdapter } from '../../../../src/platforms/facebook';
import { FB } from '../../../../src/platforms/facebook/selectors';
import { loadPage } from './load-fixture';

function scanFeed(cookies = ['c_user=100001']) {
  const doc = loadPage(feedEn, 'https://www.facebook.com/', cookies);
  const session = facebookAdapter.openSession(doc);
  const items = session.scan(doc);
  const byId = new Map(items.filter((i) => i.element?.id).map((i) => [i.element!.id, i.post]));
  return { session, items, byId };
}

describe('Facebook feed (English)', () => {
  it('knows the viewer from the cookie and the username from the navigation link', () => {
    const { session } = scanFeed();
    expect(session.viewer).toEqual({ id: '100001', name: 'Alice Martin', username: 'alice.martin' });
  });

  it('reads the own public post from its header label', () => {
    const post = scanFeed().byId.get('own-public');
    expect(post).toMatchObject({ isOwn: true, audience: 'public', evidence: 'label', kind: 'post', postId: 'pfbid02own1public' });
    expect(post?.url).toBe('https://www.facebook.com/alice.martin/posts/pfbid02own1public');
    expect(post?.audienceSource).toBe('Shared with Public');
  });

  it('reads a friends-only reshare from its own header, not from the public original', () => {
    const post = scanFeed().byId.get('own-reshare-friends');
    expect(post).toMatchObject({ isOwn: true, audience: 'friends', evidence: 'label', postId: 'pfbid02own4reshare' });
  });

  it("gives the user's comments the audience of the post they are on", () => {
    const { byId } = scanFeed();
    expect(byId.get('own-comment-on-public')).toMatchObject({
      kind: 'comment',
      isOwn: true,
      audience: 'public',
      parentPostId: 'pfbid02bob1public',
    });
    expect(byId.get('own-comment-on-friends')).toMatchObject({
      kind: 'comment',
      isOwn: true,
      audience: 'friends',
      parentPostId: 'pfbid0dan77',
    });
    expect(byId.get('bob-comment-on-own')).toMatchObject({ kind: 'comment', isOwn: false, audience: 'public' });
  });

  it("marks other people's posts as not own", () => {
    const { byId } = scanFeed();
    expect(byId.get('other-public')).toMatchObject({ isOwn: false, audience: 'public', ownerId: 'bob.dupont' });
    expect(byId.get('other-friends')).toMatchObject({ isOwn: false, audience: 'friends', ownerId: '100777' });
  });

  it('finds nothing own when logged out', () => {
    const doc = loadPage(feedEn.replace(/"USER_ID":"100001"/, '"USER_ID":"0"'), 'https://www.facebook.com/');
    const session = facebookAdapter.openSession(doc);
    expect(session.viewer).toBeNull();
    expect(session.scan(doc).some((i) => i.post.isOwn)).toBe(false);
  });

  it('badges each post next to its own header icon', () => {
    const { items } = scanFeed();
    const reshare = items.find((i) => i.element?.id === 'own-reshare-friends')!;
    expect(reshare.badgeAnchor?.getAttribute('title')).toBe('Shared with Friends');
    expect(reshare.element!.querySelector('.attached-story-box')!.contains(reshare.badgeAnchor)).toBe(false);
  });
});

describe('comment excerpts', () => {
  it("keep the comment's words, not its author's name", () => {
    const post = scanFeed().byId.get('own-comment-on-public');
    expect(post?.excerpt).toBe('Looks fast, congrats!');
  });
});

describe('the viewer account', () => {
  it('is reported so the popup can say who was seen', () => {
    const doc = loadPage(feedEn, 'https://www.facebook.com/', ['c_user=100001']);
    const session = facebookAdapter.openSession(doc, { now: () => 1_750_000_000_000 });
    expect(session.accounts()).toEqual([
      {
        platform: 'facebook',
        accountId: '100001',
        username: 'alice.martin',
        name: 'Alice Martin',
        isViewer: true,
        privacy: 'unknown',
        evidence: 'none',
        seenAt: 1_750_000_000_000,
      },
    ]);
  });
});

describe('excerpts turned off', () => {
  // Privacy: with excerpts turned off, a post's words are not kept, and not even read where its
  // permalink or data gives its key (only a post with neither needs them, for a key made from them).
  it('keeps no excerpt when told not to, and reads no post words it does not need', () => {
    const kept = scanFeed().items;
    const doc = loadPage(feedEn, 'https://www.facebook.com/', ['c_user=100001']);
    const ask = vi.spyOn(doc.defaultView!.Element.prototype, 'querySelector');
    try {
      const items = facebookAdapter.openSession(doc, { keepExcerpts: false }).scan(doc);
      expect(items.filter((i) => i.post.excerpt !== undefined)).toEqual([]);
      expect(items.map((i) => i.post.postId)).toEqual(kept.map((i) => i.post.postId));
      expect(kept.some((i) => i.post.excerpt !== undefined)).toBe(true);
      expect(ask.mock.calls.filter(([selector]) => selector === FB.message)).toEqual([]);
    } finally {
      ask.mockRestore();
    }
  });
});
