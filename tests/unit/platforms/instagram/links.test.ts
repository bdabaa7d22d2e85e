// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { linkPath, pageOf, postOf, profileOf } from '../../../../src/platforms/instagram/links';

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

  // The site's own plain paths are read as text, without a URL parser (issue #20): the path must be the
  // one the parser gives, for every href, and a link off the site is none.
  it("reads a link's path as a URL parser does, plain paths without one", () => {
    const hrefs = [
      '/giulia.rossi/',
      '/giulia.rossi',
      '/p/C7aLago0001/',
      '/p/C7aLago0001/?img_index=2#x',
      '/giulia.rossi/reel/C8bReel0002/',
      '/p/DBmarcoPu03/c/17930000000000022/r/17930000000000023/',
      '/',
      'https://www.instagram.com/tv/B1tvCode99/?igsh=abc',
      'https://www.instagram.com/giulia.rossi/',
      '/p/../giulia.rossi/',
      '/./giulia.rossi/',
      '/giulia.rossi/..',
      '/p/C7aLago%30001/',
      '/ünïcode/',
      '/giulia rossi/',
      '/a//b/',
      '/GIULIA.ROSSI/',
      'p/C7aLago0001/',
      '?next=/giulia.rossi/',
      '#top',
      'https://www.instagram.com',
      'HTTPS://WWW.INSTAGRAM.COM/giulia.rossi/',
      'https://help.instagram.com/giulia.rossi/',
    ];
    for (const href of hrefs) {
      const url = new URL(href, 'https://www.instagram.com/marco.bianchi/');
      const expected = url.hostname === 'www.instagram.com' || url.hostname === 'help.instagram.com' ? url.pathname : null;
      expect(linkPath(href, 'https://www.instagram.com/marco.bianchi/'), href).toBe(expected);
    }
    // Off the site: another host, a protocol-relative address, a script.
    expect(linkPath('https://example.com/giulia.rossi/', base)).toBeNull();
    expect(linkPath('//example.com/giulia.rossi/', base)).toBeNull();
    expect(linkPath('javascript:alert(1)', base)).toBeNull();
    // A relative path read against a page off the site is not the site's.
    expect(linkPath('/giulia.rossi/', 'https://example.com/')).toBeNull();
  });
});
