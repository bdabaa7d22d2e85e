import { afterEach, describe, expect, it, vi } from 'vitest';
import { commentIdOf, commentUrl, hovercardIdOf, LinkReader, parseHref, permalinkOf, profileOf } from './links';

const FEED = 'https://www.facebook.com/';

/** Counts URL parses from here on. */
function countParses() {
  const parses = { count: 0 };
  vi.stubGlobal(
    'URL',
    class extends URL {
      constructor(url: string | URL, base?: string | URL) {
        super(url, base);
        parses.count += 1;
      }
    },
  );
  return parses;
}
afterEach(() => vi.unstubAllGlobals());

describe('permalinkOf', () => {
  it('reads each permalink shape', () => {
    expect(permalinkOf('https://www.facebook.com/alice/posts/pfbid02x?__cft__[0]=AZ1', FEED)).toMatchObject({
      postId: 'pfbid02x',
      kind: 'post',
      url: 'https://www.facebook.com/alice/posts/pfbid02x',
    });
    expect(permalinkOf('/groups/g1/permalink/77/', FEED)).toMatchObject({ postId: '77', groupId: 'g1' });
    expect(permalinkOf('/permalink.php?story_fbid=5&id=9&x=1', FEED)?.url).toBe('https://www.facebook.com/permalink.php?story_fbid=5&id=9');
    expect(permalinkOf('/photo/?fbid=12', FEED)).toMatchObject({ postId: '12', kind: 'photo' });
    expect(permalinkOf('/watch/?v=34', FEED)).toMatchObject({ postId: '34', kind: 'video' });
    expect(permalinkOf('/alice/posts/1?comment_id=8', FEED)).toMatchObject({ postId: '1', commentId: '8' });
  });

  it('keeps the canonical address a URL parse would give, odd characters and dot segments included', () => {
    for (const href of [
      '/a/%2e%2e/bob/posts/1',
      '/a b/posts/2',
      '/%C3%A4%zz/posts/3',
      '/ä|{}/posts/4',
      '/groups/g h/posts/5/',
      '/alice/posts/6?x=1#y',
    ]) {
      const ref = permalinkOf(href, FEED);
      expect(ref, href).not.toBeNull();
      expect(ref!.url).toBe(new URL(new URL(ref!.url).pathname, 'https://www.facebook.com').toString());
    }
    expect(permalinkOf('/a/%2e%2e/bob/posts/1', FEED)?.url).toBe('https://www.facebook.com/bob/posts/1');
    expect(permalinkOf('/a b/posts/2', FEED)?.url).toBe('https://www.facebook.com/a%20b/posts/2');
  });

  it('skips links that cannot be a permalink (names, hashtags) without mistaking one that is', () => {
    const parses = countParses();
    expect(permalinkOf('https://www.facebook.com/alice.martin?comment_id=9', FEED)).toBeNull();
    expect(permalinkOf('/hashtag/sun', FEED)).toBeNull();
    expect(parses.count).toBe(0);
    // What the URL parser would still read as a permalink is read as one.
    expect(permalinkOf('https://www.facebook.com/alice/po\nsts/1', FEED)?.postId).toBe('1');
    expect(permalinkOf('https://www.facebook.com/alice/pos\tts/2', FEED)?.postId).toBe('2');
    expect(permalinkOf('\\alice\\posts\\3', FEED)?.postId).toBe('3');
    // A relative href takes its path from the page's address.
    expect(permalinkOf('4', 'https://www.facebook.com/alice/posts/')?.postId).toBe('4');
    expect(permalinkOf('?comment_id=5', 'https://www.facebook.com/alice/posts/6')).toMatchObject({ postId: '6', commentId: '5' });
    // Escaped letters are not decoded in a path: the parser does not read them as the word either.
    expect(permalinkOf('/alice/%70osts/7', FEED)).toBeNull();
  });
});

describe('comment ids', () => {
  const encoded = (text: string) => encodeURIComponent(btoa(text));

  it("gives a reply its own id, not its parent comment's (a reply took its parent comment's id)", () => {
    expect(permalinkOf('/alice/posts/1?comment_id=8&reply_comment_id=9', FEED)).toMatchObject({ postId: '1', commentId: '9' });
  });

  it('reads a comment id behind an escaped parameter name, and none from tracking parameters alone', () => {
    expect(permalinkOf('/alice/posts/1?comment%5Fid=8', FEED)?.commentId).toBe('8');
    expect(permalinkOf('http://www.facebook.com/alice/posts/1?reply%5Fcomment%5Fid=9', FEED)?.commentId).toBe('9');
    expect(permalinkOf('/alice/posts/1?__cft__[0]=AZ1&__tn__=R', FEED)).not.toHaveProperty('commentId');
  });

  it("reads the id on an author's name link, numeric or base64 of comment:<post>_<comment>", () => {
    expect(commentIdOf(`/profile.php?id=100001&comment_id=${encoded('comment:8001_6001')}`, FEED)).toBe('6001');
    expect(commentIdOf(`https://www.facebook.com/jean.dupont?comment_id=${encoded('comment:8001_6002')}&__cft__[0]=AZ`, FEED)).toBe('6002');
    expect(commentIdOf('/jean.dupont?comment_id=6004', FEED)).toBe('6004');
    // The same comment read from its timestamp link or its name link has one key.
    expect(permalinkOf(`/alice/posts/8001?comment_id=${encoded('comment:8001_6001')}`, FEED)?.commentId).toBe('6001');
  });

  it('reads no id from a link off the site, without one, or holding something else', () => {
    expect(commentIdOf(`https://evil.example/x?comment_id=6001`, FEED)).toBeUndefined();
    expect(commentIdOf('/jean.dupont', FEED)).toBeUndefined();
    expect(commentIdOf('/jean.dupont?comment_id=%3Cb%3E', FEED)).toBeUndefined();
    // An opaque token that decodes to no comment is kept as it is: it still names one comment.
    expect(commentIdOf(`/jean.dupont?comment_id=${encoded('token')}`, FEED)).toBe(btoa('token'));
  });
});

describe('commentUrl', () => {
  it('writes what URLSearchParams writes, for plain and other post addresses', () => {
    const posts = [
      'https://www.facebook.com/alice/posts/pfbid0abc',
      'https://www.facebook.com/groups/g1/posts/77/',
      'https://www.facebook.com/permalink.php?story_fbid=5&id=9',
      'https://www.facebook.com/photo/?fbid=12',
      'https://www.facebook.com/alice/posts/1?comment_id=3#x',
      'https://www.facebook.com/alice/./posts/1',
      'https://www.facebook.com//alice',
      'https://www.facebook.com',
    ];
    for (const post of posts) {
      for (const id of ['6001', 'Y29tbWVudDoxXzI=', 'a-b_c']) {
        const expected = new URL(post);
        expected.searchParams.set('comment_id', id);
        expect(commentUrl(post, id), `${post} ${id}`).toBe(expected.toString());
      }
    }
  });
});

describe('classic author links', () => {
  it("read a person's or Page's numeric id from the hover card address", () => {
    expect(hovercardIdOf('/ajax/hovercard/user.php?id=818251551&extragetparams=%7B%7D')).toBe('818251551');
    expect(hovercardIdOf('/ajax/hovercard/page.php?id=158503560864483')).toBe('158503560864483');
    expect(hovercardIdOf('/ajax/hovercard/hovercard.php?id=1487332278')).toBe('1487332278');
    expect(hovercardIdOf('/ajax/hovercard/group.php?id=1032445153451261')).toBeUndefined();
    expect(hovercardIdOf(null)).toBeUndefined();
  });

  it('read a Page\'s id from its classic "/Name-<id>/" address (usernames hold no hyphen)', () => {
    expect(profileOf('https://www.facebook.com/P%C3%B3%C5%82-%C5%BBartem-P%C3%B3%C5%82-Serio-1597565460485886/?hc_ref=AR', FEED)).toEqual({
      id: '1597565460485886',
    });
    expect(profileOf('/isis-the-band-158503560864483/', FEED)).toEqual({ id: '158503560864483' });
    expect(profileOf('/alice.martin', FEED)).toEqual({ username: 'alice.martin' });
  });
});

describe('LinkReader', () => {
  it('reads an href against the page address and remembers it', () => {
    const reader = new LinkReader('https://www.facebook.com/alice/posts/');
    expect(reader.permalinkOf('9')?.postId).toBe('9');
    expect(reader.profileOf('/alice.martin')).toEqual(profileOf('/alice.martin', FEED));
    const parses = countParses();
    expect(reader.permalinkOf('9')?.postId).toBe('9');
    expect(reader.profileOf('/alice.martin')).toEqual({ username: 'alice.martin' });
    expect(parses.count).toBe(0);
  });

  it('remembers an href that is no link of Facebook, as it remembers the others', () => {
    const reader = new LinkReader(FEED);
    expect(reader.profileOf('http://example.com/x')).toBeNull();
    for (let i = 0; i < 300; i += 1) reader.profileOf(`http://www.facebook.com/person${i}`);
    const parses = countParses();
    expect(reader.profileOf('http://example.com/x')).toBeNull();
    expect(parses.count).toBe(0);
  });

  it('forgets the oldest hrefs on a long feed, so its memory stays flat', () => {
    // http addresses: the URL parser reads them (https ones on a plain path are split without it).
    const reader = new LinkReader(FEED);
    reader.profileOf('http://www.facebook.com/first.person');
    for (let i = 0; i < 600; i += 1) reader.profileOf(`http://www.facebook.com/person${i}`);
    const parses = countParses();
    expect(reader.profileOf('http://www.facebook.com/person599')).toEqual({ username: 'person599' });
    expect(parses.count).toBe(0);
    expect(reader.profileOf('http://www.facebook.com/first.person')).toEqual({ username: 'first.person' });
    expect(parses.count).toBe(1);
  });

  it('splits plain hrefs without the URL parser, into exactly what the parser reads', () => {
    const hrefs = [
      'https://www.facebook.com/alice.martin?__cft__[0]=AZ1&__tn__=R]-R',
      'https://web.facebook.com/alice/posts/pfbid0abc?comment_id=Y29tbWVudDoxXzI%3D&a=1+2',
      'https://m.facebook.com/story.php?story_fbid=1&id=2#frag',
      '/profile.php?id=100001&sk=about',
      '/groups/g1/user/42/',
      '/photo/?fbid=9&set=a.1',
      '/alice/./posts/1',
      '/alice/../bob',
      '//evil.example/alice',
      'https://www.facebook.com//alice',
      'https://WWW.facebook.com/alice',
      'https://www.facebook.com:443/alice',
      'https://user@www.facebook.com/alice',
      'https://www.facebook.com/a%6cice?x=%41',
      'https://www.facebook.com/alice?q=a b',
      'https://www.facebook.com/alice?q=é',
      'https://www.facebook.com/alice\\posts\\1',
      ' https://www.facebook.com/alice',
      'https://www.facebook.com/al\tice',
      'https://example.com/alice',
      'https://www.facebook.com.example.com/alice',
      'https://facebook.com/alice',
      '/',
      '?comment_id=5',
    ];
    const base = 'https://www.facebook.com/alice/posts/6';
    for (const href of hrefs) {
      const parsed = parseHref(href, base);
      let url: URL | null = null;
      try {
        url = new URL(href, base);
      } catch {
        url = null;
      }
      const expected = url && /^(?:[\w-]+\.)*facebook\.com$/.test(url.hostname) ? url : null;
      expect(parsed === null, href).toBe(expected === null);
      if (!parsed || !expected) continue;
      expect(parsed.hostname, href).toBe(expected.hostname);
      expect(parsed.pathname, href).toBe(expected.pathname);
      expect([...parsed.searchParams], href).toEqual([...expected.searchParams]);
    }
    // The plain ones really skip the parser.
    const parses = countParses();
    for (const href of hrefs.slice(0, 6)) parseHref(href, base);
    expect(parses.count).toBe(0);
  });
});
