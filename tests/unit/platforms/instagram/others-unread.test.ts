// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import commentPrivateDe from '../../../fixtures/instagram/comment-private-de.html?raw';
import commentPublicIt from '../../../fixtures/instagram/comment-public-it.html?raw';
import feedDe from '../../../fixtures/instagram/feed-de.html?raw';
import postCommentsPl from '../../../fixtures/instagram/post-comments-pl.html?raw';
import postOwnEn from '../../../fixtures/instagram/post-own-en.html?raw';
import profilePublicEn from '../../../fixtures/instagram/profile-public-en.html?raw';
import type { DetectedPost } from '../../../../src/core';
import { openPage } from './open-page';

/** Our Instagram pages with comments, and two without (a feed, a profile grid), each at its own address. */
const PAGES: [string, string, string][] = [
  ['comment-public-it', commentPublicIt, 'https://www.instagram.com/p/DBmarcoPu03/'],
  ['comment-private-de', commentPrivateDe, 'https://www.instagram.com/p/DCannaPr04/'],
  ['post-comments-pl', postCommentsPl, 'https://www.instagram.com/p/DPolTatry05/'],
  ['post-own-en', postOwnEn, 'https://www.instagram.com/p/C7aLago0001/'],
  ['feed-de', feedDe, 'https://www.instagram.com/'],
  ['profile-public-en', profilePublicEn, 'https://www.instagram.com/giulia.rossi/'],
];

const read = (html: string, url: string, readOthers?: boolean) =>
  new Map<string, DetectedPost>(
    openPage(html, url, readOthers === undefined ? {} : { readOthers }).items.map((item) => [item.post.postId, item.post]),
  );

// Regression (issue #20): with only the user's own posts badged, the content script still read every
// other account's comment in full — the walks up its row for its time and its words — and then dropped it.
describe("others' comments left unread on Instagram when only the user's own are badged", () => {
  it.each(PAGES)('%s: every own item read exactly as in a full reading; only others’ items left out', (_, html, url) => {
    const full = read(html, url);
    const lazy = read(html, url, false);
    for (const post of full.values()) {
      if (post.isOwn) expect(lazy.get(post.postId), post.postId).toEqual(post);
      else if (post.kind === 'comment') expect(lazy.has(post.postId), post.postId).toBe(false);
      // Someone else's post: left out, or read as in a full reading (it holds something of the viewer's).
      else if (lazy.has(post.postId)) expect(lazy.get(post.postId), post.postId).toEqual(post);
    }
    expect([...lazy.keys()].filter((id) => !full.has(id))).toEqual([]);
  });

  it("leaves someone else's feed post unread when nothing in it is the viewer's, and reads the one that links to them", () => {
    const full = read(feedDe, 'https://www.instagram.com/');
    const lazy = read(feedDe, 'https://www.instagram.com/', false);
    expect([...full.keys()]).toEqual(['DAfeedOwn01', 'DAfeedRee02', 'DBmarcoPu03', 'DCannaPr04', 'DDlucaUn05']);
    // Marco's post links to the viewer ("liked by giulia.rossi"); Anna's and Luca's hold nothing of hers.
    expect([...lazy.keys()]).toEqual(['DAfeedOwn01', 'DAfeedRee02', 'DBmarcoPu03']);
    // The link to the viewer is what decides: without the "liked by", Marco's post is left unread too.
    const unliked = feedDe.replace(/<div>Gefällt <a href="\/giulia\.rossi\/"[^\n]*<\/div>/, '');
    expect(unliked).not.toBe(feedDe);
    expect([...read(unliked, 'https://www.instagram.com/', false).keys()]).toEqual(['DAfeedOwn01', 'DAfeedRee02']);
    expect([...read(unliked, 'https://www.instagram.com/').keys()]).toContain('DBmarcoPu03');
  });

  it('leaves out the comments of others on a post with several, and keeps the post whose audience the own comment takes', () => {
    const full = read(commentPublicIt, 'https://www.instagram.com/p/DBmarcoPu03/');
    const lazy = read(commentPublicIt, 'https://www.instagram.com/p/DBmarcoPu03/', false);
    const othersComments = [...full.values()].filter((p) => p.kind === 'comment' && !p.isOwn);
    expect(othersComments.length).toBeGreaterThanOrEqual(2);
    for (const comment of othersComments) expect(lazy.has(comment.postId)).toBe(false);
    expect(lazy.get('DBmarcoPu03')).toMatchObject({ isOwn: false, audience: 'public_account' });
    expect([...lazy.values()].filter((p) => p.kind === 'comment').map((p) => p.isOwn)).toEqual([true]);
  });

  // Regression (issue #20): a grid tile of someone else's (another profile's grid, "more posts" under a
  // post) was built into an item, its audience read and counted, then dropped: no badge, nothing kept.
  it("builds no item for someone else's grid tile, and reads it in a full reading", () => {
    const url = 'https://www.instagram.com/p/C7aLago0001/';
    const others = postOwnEn.replace('href="/giulia.rossi/reel/C8bReel0002/"', 'href="/marco.bianchi/reel/C8bReel0002/"');
    expect(others).not.toBe(postOwnEn);
    expect(read(others, url).get('C8bReel0002')).toMatchObject({ isOwn: false, ownerName: 'marco.bianchi' });
    expect(read(others, url, false).has('C8bReel0002')).toBe(false);
    // The viewer's own tile is built either way.
    expect(read(postOwnEn, url, false).get('C8bReel0002')).toMatchObject({ isOwn: true });
  });
});

describe('posts known only from data on Instagram, when others are left unread', () => {
  it("are the viewer's alone", () => {
    const dataOnly = (name: string, readOthers: boolean) => {
      const { session } = openPage('<!DOCTYPE html><html><body></body></html>', 'https://www.instagram.com/', { readOthers });
      session.readNetworkPayload(readFileSync(new URL(`../../../fixtures/instagram/${name}`, import.meta.url), 'utf8'));
      return session.dataOnlyPosts().map((post) => [post.postId, post.isOwn]);
    };
    // Someone else's post, from a media-info answer: built for a full reading only.
    expect(dataOnly('answer-media-info-pretty-fr.json', true)).toEqual([['DEchloeLy21', false]]);
    expect(dataOnly('answer-media-info-pretty-fr.json', false)).toEqual([]);
    // The viewer's own timeline: the same either way.
    expect(dataOnly('answer-timeline-xdt-viewer-de.json', false)).toEqual(dataOnly('answer-timeline-xdt-viewer-de.json', true));
    expect(dataOnly('answer-timeline-xdt-viewer-de.json', false)).toHaveLength(2);
  });
});
