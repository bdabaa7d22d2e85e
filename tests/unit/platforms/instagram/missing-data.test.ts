// @vitest-environment node
import { describe, expect, it } from 'vitest';
import missingData from '../../../fixtures/instagram/missing-data-en.html?raw';
import feedDe from '../../../fixtures/instagram/feed-de.html?raw';
import postOwnEn from '../../../fixtures/instagram/post-own-en.html?raw';
import { openPage } from './open-page';

describe('Instagram page whose data is missing', () => {
  it('finds the own posts but says unknown for every one, never private_account', () => {
    const { items, session } = openPage(missingData, 'https://www.instagram.com/giulia.rossi/');
    expect(items.map((item) => item.post.postId)).toEqual(['C7aLago0001', 'C8bReel0002', 'C6cOld00003']);
    for (const { post } of items) expect(post).toMatchObject({ isOwn: true, audience: 'unknown', evidence: 'none' });
    expect(session.accounts()).toEqual([]);
    expect(session.diagnostics.unknownAudiences).toBe(3);
    expect(session.diagnostics.errors).toBe(0);
  });

  it('counts each unknown post once however often it is rescanned', () => {
    const { session, doc } = openPage(missingData, 'https://www.instagram.com/giulia.rossi/');
    session.scan(doc);
    session.scan(doc);
    expect(session.diagnostics.unknownAudiences).toBe(3);
  });

  it('never reports private_account from a page that only looks private', () => {
    // A lock icon and the words "Private account" in the page are not data: only is_private or the settings toggle count.
    const looksPrivate = missingData.replace(
      '<h2 dir="auto">giulia.rossi</h2>',
      '<h2 dir="auto">giulia.rossi</h2><svg aria-label="Private account" role="img"><title>Private account</title></svg><span>Private account</span>',
    );
    const { items } = openPage(looksPrivate, 'https://www.instagram.com/giulia.rossi/');
    expect(items.some((item) => item.post.audience === 'private_account')).toBe(false);
  });

  it('treats is_private null or missing as unknown', () => {
    const nulled = feedDe.replace('"is_private":true', '"is_private":null');
    const { byId } = openPage(nulled, 'https://www.instagram.com/');
    expect(byId.get('other-private')).toMatchObject({ audience: 'unknown', evidence: 'none' });
  });

  it('survives hostile scripts and empty pages without throwing', () => {
    const hostile = postOwnEn.replace(
      '</head>',
      '<script type="application/json">{"is_private": tru</script><script>{"code":"AAAAAAA","user":{"pk":"NaN"}}</script></head>',
    );
    expect(() => openPage(hostile, 'https://www.instagram.com/p/C7aLago0001/')).not.toThrow();
    const { items, session } = openPage('<!DOCTYPE html><html><body></body></html>', 'https://www.instagram.com/p/C7aLago0001/');
    expect(items).toHaveLength(0);
    expect(session.dataOnlyPosts()).toEqual([]);
    expect(session.diagnostics.errors).toBe(0);
  });
});
