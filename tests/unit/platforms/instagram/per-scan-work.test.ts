// @vitest-environment node
import { describe, expect, it } from 'vitest';
import feedDe from '../../../fixtures/instagram/feed-de.html?raw';
import { instagramAdapter } from '../../../../src/platforms/instagram';
import { loadPage } from '../facebook/load-fixture';
import { NOW, VIEWER_COOKIE, VIEWER_ID } from './open-page';

/** Counts the reads of `doc.cookie` (in Chromium each one asks the browser process). */
function countCookieReads(doc: Document): { reads: number } {
  const counter = { reads: 0 };
  const own = Object.getPrototypeOf(doc) as object;
  let proto: object | null = own;
  let descriptor: PropertyDescriptor | undefined;
  while (proto && !(descriptor = Object.getOwnPropertyDescriptor(proto, 'cookie'))) proto = Object.getPrototypeOf(proto) as object | null;
  Object.defineProperty(doc, 'cookie', {
    configurable: true,
    get() {
      counter.reads += 1;
      return descriptor!.get!.call(doc) as string;
    },
    set(value: string) {
      descriptor!.set!.call(doc, value);
    },
  });
  return counter;
}

// Regression (issue #20): an Instagram session read document.cookie and parsed the page's address
// several times for every scan, and a scan is made for each post that appears: on a home feed of 600
// posts that was a third of the content script's time (bench/notes/page-overhead-instagram.md).
describe('an Instagram session, per scan', () => {
  it('reads the viewer cookie when it opens and at a navigation, not at each scan', () => {
    for (const cookies of [[VIEWER_COOKIE], []]) {
      const doc = loadPage(feedDe, 'https://www.instagram.com/', cookies);
      const cookie = countCookieReads(doc);
      const session = instagramAdapter.openSession(doc, { now: () => NOW });
      const opened = cookie.reads;
      expect(opened, `cookies ${cookies.join()}`).toBeGreaterThan(0);
      for (const article of doc.querySelectorAll('article')) session.scan(article);
      expect(cookie.reads, `cookies ${cookies.join()}`).toBe(opened);
      session.navigate('https://www.instagram.com/giulia.rossi/');
      expect(cookie.reads, `cookies ${cookies.join()}`).toBe(opened + 1);
      // The viewer is the cookie's, else the page data's: here both name the same account.
      expect(session.viewer?.id).toBe(VIEWER_ID);
    }
  });

  it("reads the address again when the tab moves in-site: a tile is the profile owner's on their profile only", () => {
    // A grid tile with no owner in its link or the data: on a profile's posts tab it is the profile's.
    const html = feedDe.replace('<main role="main">', '<main role="main"><a id="tile" href="/p/DZtile00001/">tile</a>');
    const doc = loadPage(html, 'https://www.instagram.com/', [VIEWER_COOKIE]);
    const session = instagramAdapter.openSession(doc, { now: () => NOW });
    const tile = doc.querySelector('#tile')!;
    expect(session.scan(tile)).toEqual([]);
    doc.defaultView!.history.pushState({}, '', '/giulia.rossi/');
    expect(session.scan(tile).map((item) => [item.post.postId, item.post.isOwn])).toEqual([['DZtile00001', true]]);
    doc.defaultView!.history.pushState({}, '', '/');
    expect(session.scan(tile)).toEqual([]);
  });
});
