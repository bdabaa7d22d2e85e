// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { pageOf, postOf, profileOf } from '../../../../src/platforms/instagram/links';

const base = 'https://www.instagram.com/';

describe('Instagram links', () => {
  it('reads post, reel and tv links, with or without the 2024 username prefix', () => {
    expect(postOf('/p/C7aLago0001/', base)).toEqual({ code: 'C7aLago0001', kind: 'post', url: 'https://www.instagram.com/p/C7aLago0001/' });
    expect(postOf('/giulia.rossi/reel/C8bReel0002/', base)).toMatchObject({
      code: 'C8bReel0002',
      kind: 'reel',
      url: 'https://www.instagram.com/reel/C8bReel0002/',
      username: 'giulia.rossi',
    });
    expect(postOf('https://www.instagram.com/tv/B1tvCode99/?igsh=abc', base)).toMatchObject({ code: 'B1tvCode99', kind: 'post' });
    expect(postOf('/p/DBmarcoPu03/liked_by/', base)).toMatchObject({ code: 'DBmarcoPu03' });
  });

  it('reads comment and reply permalinks', () => {
    expect(postOf('/p/DBmarcoPu03/c/17930000000000022/', base)).toMatchObject({
      commentId: '17930000000000022',
      commentPath: 'c/17930000000000022/',
    });
    expect(postOf('/p/DBmarcoPu03/c/17930000000000022/r/17930000000000023/', base)).toMatchObject({
      commentId: '17930000000000023',
      commentPath: 'c/17930000000000022/r/17930000000000023/',
    });
  });

  it('refuses other sites, site sections and tab links', () => {
    expect(postOf('https://example.com/p/C7aLago0001/', base)).toBeNull();
    expect(postOf('/explore/p/C7aLago0001/', base)).toBeNull();
    expect(postOf('/giulia.rossi/reels/', base)).toBeNull();
    expect(profileOf('/giulia.rossi/', base)).toBe('giulia.rossi');
    expect(profileOf('/explore/', base)).toBeNull();
    expect(profileOf('/giulia.rossi/tagged/', base)).toBeNull();
  });

  it('tells post pages, profile tabs and the privacy settings apart', () => {
    expect(pageOf('https://www.instagram.com/p/C7aLago0001/c/17920000000000011/')).toMatchObject({
      kind: 'post',
      post: { code: 'C7aLago0001' },
    });
    expect(pageOf('https://www.instagram.com/giulia.rossi/')).toEqual({ kind: 'profile', username: 'giulia.rossi', ownPostsTab: true });
    expect(pageOf('https://www.instagram.com/giulia.rossi/tagged/')).toEqual({
      kind: 'profile',
      username: 'giulia.rossi',
      ownPostsTab: false,
    });
    expect(pageOf('https://www.instagram.com/accounts/privacy_setting/')).toEqual({ kind: 'privacy-settings' });
    expect(pageOf('https://www.instagram.com/')).toEqual({ kind: 'other' });
  });
});
