// @vitest-environment node
import { describe, expect, it } from 'vitest';
import timelineDe from '../../../fixtures/instagram/answer-timeline-xdt-viewer-de.json?raw';
import mediaInfoFr from '../../../fixtures/instagram/answer-media-info-pretty-fr.json?raw';
import { openPage, VIEWER_ID } from './open-page';

const BLANK = '<!DOCTYPE html><html><head></head><body></body></html>';
const OTHER_VIEWER = '99887766';

/** A network answer read on an instagram.com page that says nothing itself (a saved answer, the CLI). */
function readAnswer(text: string, cookies: string[] = []) {
  const { session } = openPage(BLANK, 'https://www.instagram.com/', { cookies });
  session.readNetworkPayload(text);
  return { session, posts: session.dataOnlyPosts(), accounts: session.accounts() };
}

describe('Instagram answers naming the viewer in data.xdt_viewer (German timeline)', () => {
  it('takes xdt_viewer.user.id as the viewer when there is no cookie, and its posts as own', () => {
    const { session, posts, accounts } = readAnswer(timelineDe);
    expect(session.viewer).toEqual({ id: VIEWER_ID, username: 'giulia.rossi', name: 'Giulia Rossi' });
    expect(posts.map((post) => [post.postId, post.kind, post.isOwn, post.audience, post.evidence])).toEqual([
      ['DDbodensee1', 'post', true, 'private_account', 'graphql'],
      ['DDkonstanz2', 'reel', true, 'private_account', 'graphql'],
    ]);
    expect(posts[0]).toMatchObject({ excerpt: 'Spaziergang am Bodensee', publishedAt: 1_727_769_600_000 });
    expect(accounts.find((account) => account.isViewer)).toMatchObject({ accountId: VIEWER_ID, privacy: 'private', evidence: 'graphql' });
  });

  it('never lets xdt_viewer override the ds_user_id cookie', () => {
    const { session, posts, accounts } = readAnswer(timelineDe, [`ds_user_id=${OTHER_VIEWER}`]);
    expect(session.viewer?.id).toBe(OTHER_VIEWER);
    expect(posts.some((post) => post.isOwn)).toBe(false);
    expect(accounts.find((account) => account.accountId === VIEWER_ID)).toMatchObject({ isViewer: false, privacy: 'private' });
  });

  it("leaves the viewer's posts unknown, never not public, when the answer does not say the account's privacy", () => {
    const { session, posts, accounts } = readAnswer(timelineDe.replaceAll('"is_private":true', '"is_verified":false'));
    expect(session.viewer?.id).toBe(VIEWER_ID);
    expect(posts.every((post) => post.isOwn && post.audience === 'unknown' && post.evidence === 'none')).toBe(true);
    expect(accounts.find((account) => account.isViewer)).toBeUndefined();
  });

  it('names no viewer when two answers name different ones', () => {
    const other = JSON.stringify({ data: { xdt_viewer: { user: { id: OTHER_VIEWER } } } });
    const { session, posts } = readAnswer(`${timelineDe}\n${other}`);
    expect(session.viewer).toBeNull();
    expect(posts.some((post) => post.isOwn)).toBe(false);
  });

  it('takes no other object for the viewer: a "viewer" outside the shared config, a profile answer\'s user', () => {
    const elsewhere = JSON.stringify({ data: { viewer: { id: '777000777', username: 'someone.else' } } });
    const profile = JSON.stringify({ data: { user: { id: '528817151', username: 'nasa', is_private: false, followed_by_viewer: true } } });
    const { session } = readAnswer(`${elsewhere}\n${profile}`);
    expect(session.viewer).toBeNull();
  });
});

describe('Instagram answers laid out over many lines (French v1 media info, pretty-printed)', () => {
  it('a pretty-printed answer is not silently dropped: its account and its post are read', () => {
    expect(mediaInfoFr.split('\n').length).toBeGreaterThan(20);
    const { posts, accounts } = readAnswer(mediaInfoFr);
    expect(accounts).toEqual([
      expect.objectContaining({ accountId: '6677889900', username: 'chloe.dupont', privacy: 'private', isViewer: false }),
    ]);
    expect(posts).toEqual([
      expect.objectContaining({
        postId: 'DEchloeLy21',
        ownerId: '6677889900',
        isOwn: false,
        audience: 'private_account',
        evidence: 'graphql',
        excerpt: "Marché de la Croix-Rousse, un dimanche d'automne",
        publishedAt: 1_730_458_800_000,
      }),
    ]);
  });

  it('still reads a streamed answer, one document a line, past a line that is cut off', () => {
    const compact = JSON.stringify(JSON.parse(mediaInfoFr));
    const { posts } = readAnswer(`{"data":{"user":{"id":"1","is_pri\n${compact}\n${timelineDe}`);
    expect(posts.map((post) => post.postId).sort()).toEqual(['DDbodensee1', 'DDkonstanz2', 'DEchloeLy21']);
  });
});
