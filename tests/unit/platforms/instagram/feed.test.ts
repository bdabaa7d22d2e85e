// @vitest-environment node
import { describe, expect, it } from 'vitest';
import feedDe from '../../../fixtures/instagram/feed-de.html?raw';
import { NOW, openPage, VIEWER_ID } from './open-page';

const url = 'https://www.instagram.com/';
const stored = (privacy: 'public' | 'private', accountId = VIEWER_ID) => ({ accountId, privacy, seenAt: NOW - 86_400_000 });

describe('Instagram home feed', () => {
  it("reads other people's posts with their account's privacy from the feed data", () => {
    const { byId } = openPage(feedDe, url);
    expect(byId.get('other-public')).toMatchObject({
      isOwn: false,
      ownerId: '1357924680',
      audience: 'public_account',
      evidence: 'embedded-json',
    });
    expect(byId.get('other-private')).toMatchObject({
      isOwn: false,
      ownerId: '2468013579',
      audience: 'private_account',
      evidence: 'embedded-json',
    });
    expect(byId.get('other-unknown')).toMatchObject({ isOwn: false, ownerId: 'luca.verdi', audience: 'unknown', evidence: 'none' });
  });

  it("leaves the viewer's own posts unknown when nothing on the page or stored says", () => {
    const { byId, session } = openPage(feedDe, url);
    expect(byId.get('own-post')).toMatchObject({ isOwn: true, postId: 'DAfeedOwn01', audience: 'unknown', evidence: 'none' });
    expect(byId.get('own-reel')).toMatchObject({ isOwn: true, kind: 'reel', audience: 'unknown', evidence: 'none' });
    expect(session.diagnostics.unknownAudiences).toBe(2);
  });

  it("carries the stored state of the viewer's account over to the own posts on the feed", () => {
    const { byId, session } = openPage(feedDe, url, { knownAccount: stored('private') });
    expect(byId.get('own-post')).toMatchObject({
      isOwn: true,
      audience: 'private_account',
      evidence: 'account',
      audienceSource: { rule: 'instagram_stored_account' },
    });
    expect(byId.get('own-reel')).toMatchObject({ audience: 'private_account', evidence: 'account' });
    // Other people's posts are not the viewer's account.
    expect(byId.get('other-unknown')).toMatchObject({ audience: 'unknown' });
    expect(session.diagnostics.unknownAudiences).toBe(0);
    // The stored state is not something this page showed.
    expect(session.accounts().some((a) => a.isViewer)).toBe(false);
  });

  it("ignores a stored state of another account than the viewer's", () => {
    const { byId } = openPage(feedDe, url, { knownAccount: stored('public', '999') });
    expect(byId.get('own-post')).toMatchObject({ audience: 'unknown' });
  });

  it("lets this page's evidence beat the stored state", () => {
    const saysPublic = feedDe.replace(
      '"full_name":"Giulia Rossi","id":"48151623420","username":"giulia.rossi"}',
      '"full_name":"Giulia Rossi","id":"48151623420","is_private":false,"username":"giulia.rossi"}',
    );
    expect(saysPublic).not.toBe(feedDe);
    const { byId } = openPage(saysPublic, url, { knownAccount: stored('private') });
    expect(byId.get('own-post')).toMatchObject({ audience: 'public_account', evidence: 'embedded-json' });
  });

  it('tells which posts a network answer changed: all of an account whose privacy it told', () => {
    const { session } = openPage(feedDe, url);
    const viewerAnswer = JSON.stringify({ data: { user: { id: VIEWER_ID, username: 'giulia.rossi', is_private: true } } });
    expect(session.readNetworkPayload(viewerAnswer).sort()).toEqual(['DAfeedOwn01', 'DAfeedRee02']);
    expect(session.readNetworkPayload(viewerAnswer)).toEqual([]);
    const marcoWentPrivate = JSON.stringify({ data: { user: { id: '1357924680', username: 'marco.bianchi', is_private: true } } });
    expect(session.readNetworkPayload(marcoWentPrivate)).toEqual(['DBmarcoPu03']);
    const newPost = JSON.stringify({
      data: { media: { code: 'DFnewPost06', taken_at: 1722844800, user: { pk: VIEWER_ID, username: 'giulia.rossi' } } },
    });
    expect(session.readNetworkPayload(newPost)).toEqual(['DFnewPost06']);
    expect(session.dataOnlyPosts()).toEqual([
      expect.objectContaining({ postId: 'DFnewPost06', isOwn: true, audience: 'private_account', evidence: 'graphql' }),
    ]);
  });

  it('lets a network answer beat the stored state', () => {
    const { session, doc } = openPage(feedDe, url, { knownAccount: stored('private') });
    session.readNetworkPayload(JSON.stringify({ data: { user: { id: VIEWER_ID, username: 'giulia.rossi', is_private: false } } }));
    const own = session.scan(doc).find((item) => item.post.postId === 'DAfeedOwn01')!;
    expect(own.post).toMatchObject({ audience: 'public_account', evidence: 'graphql' });
  });

  it("takes the owner from the article's own row, not from its liked-by or location links", () => {
    const { items } = openPage(feedDe, url);
    const marco = items.find((item) => item.element?.id === 'other-public')!;
    expect(marco.post.ownerName).toBe('marco.bianchi');
    expect(marco.element!.contains(marco.badgeAnchor)).toBe(true);
    expect(marco.post.publishedAt).toBe(Date.parse('2024-08-03T08:00:00.000Z'));
  });

  it('rescans one article when something inside it changes', () => {
    const { session, doc } = openPage(feedDe, url);
    const time = doc.querySelector('#other-private time')!;
    expect(session.itemContaining(time)?.id).toBe('other-private');
    expect(session.scan(time).map((item) => item.post.postId)).toEqual(['DCannaPr04']);
  });

  it('keeps no excerpt when told not to', () => {
    const { items } = openPage(feedDe, url, { keepExcerpts: false });
    expect(items.some((item) => item.post.excerpt !== undefined)).toBe(false);
  });
});
