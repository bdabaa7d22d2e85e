import { describe, expect, it } from 'vitest';
import feedEn from '../../../fixtures/facebook/feed-en.html?raw';
import profileFr from '../../../fixtures/facebook/profile-fr.html?raw';
import { facebookAdapter } from '../../../../src/platforms/facebook';
import { permalinkOf } from '../../../../src/platforms/facebook/links';
import { loadPage } from './load-fixture';

/** The page as the site serves it on `host`: its own links on that host too. */
function readOn(host: string, html: string, path = '/') {
  const doc = loadPage(html.replaceAll('https://www.facebook.com/', `https://${host}/`), `https://${host}${path}`, ['c_user=100001']);
  const session = facebookAdapter.openSession(doc);
  return session.scan(doc).map((item) => item.post);
}

describe('Facebook read on web. and m.', () => {
  it('a post seen on web. and on www. is one post, with its www. address', () => {
    const onWww = readOn('www.facebook.com', feedEn);
    const onWeb = readOn('web.facebook.com', feedEn);
    expect(onWeb.length).toBeGreaterThan(0);
    expect(onWeb).toEqual(onWww);
    for (const post of onWeb) expect(post.url).toMatch(/^https:\/\/www\.facebook\.com\//);
  });

  it('gives the profile and cover photos read on web. the www. address of the profile', () => {
    const media = readOn('web.facebook.com', profileFr, '/alice.martin').filter((post) => post.kind === 'cover_photo');
    expect(media).toEqual([expect.objectContaining({ url: 'https://www.facebook.com/alice.martin' })]);
  });

  it('reads an m. permalink as the www. one', () => {
    expect(permalinkOf('https://m.facebook.com/story.php?story_fbid=111&id=100001&refid=8', 'https://m.facebook.com/')).toMatchObject({
      postId: '111',
      url: 'https://www.facebook.com/story.php?story_fbid=111&id=100001',
    });
    expect(permalinkOf('/alice.martin/posts/pfbid02x', 'https://m.facebook.com/')?.url).toBe(
      'https://www.facebook.com/alice.martin/posts/pfbid02x',
    );
  });
});
