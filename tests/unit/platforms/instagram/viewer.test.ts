// @vitest-environment node
import { describe, expect, it } from 'vitest';
import feedDe from '../../../fixtures/instagram/feed-de.html?raw';
import missingData from '../../../fixtures/instagram/missing-data-en.html?raw';
import sharedData2018 from '../../../fixtures/instagram/shared-data-2018-it.html?raw';
import { instagramAdapter } from '../../../../src/platforms/instagram';
import { loadPage } from '../facebook/load-fixture';
import { openPage, VIEWER_ID } from './open-page';

describe('Instagram viewer', () => {
  it('knows the viewer from the ds_user_id cookie, and the username and name from PolarisViewer', () => {
    const { session } = openPage(feedDe, 'https://www.instagram.com/');
    expect(session.viewer).toEqual({ id: VIEWER_ID, username: 'giulia.rossi', name: 'Giulia Rossi' });
  });

  it('knows the viewer from viewerId in the embedded data when the cookie is not readable', () => {
    const { session } = openPage(feedDe, 'https://www.instagram.com/', { cookies: [] });
    expect(session.viewer?.id).toBe(VIEWER_ID);
  });

  it('reads viewerId from the XIGSharedData raw config alone, and the username from a user object with that id', () => {
    const onlyRaw = feedDe
      .replace(/\["PolarisViewer",\[\],\{.*?\},7365\]/, '["PolarisViewer",[],{"data":null,"id":null},7365]')
      .replace(/"native":\{.*?\}\}/, '"native":{}');
    expect(onlyRaw).not.toBe(feedDe);
    const doc = loadPage(onlyRaw, 'https://www.instagram.com/');
    // The feed data's own media carry the viewer's user object.
    expect(instagramAdapter.viewer(doc)).toEqual({ id: VIEWER_ID, username: 'giulia.rossi', name: 'Giulia Rossi' });
  });

  it('is logged out when neither cookie nor data name anyone, and then nothing is own', () => {
    const loggedOut = feedDe
      .replace(/\\"viewerId\\":\\"\d+\\"/, '\\"viewerId\\":null')
      .replace(/"viewerId":"\d+"/, '"viewerId":null')
      .replace(/\["PolarisViewer",\[\],\{.*?\},7365\]/, '["PolarisViewer",[],{"data":null,"id":null},7365]');
    const { session, items } = openPage(loggedOut, 'https://www.instagram.com/', { cookies: [] });
    expect(session.viewer).toBeNull();
    expect(items.length).toBeGreaterThan(0);
    expect(items.some((item) => item.post.isOwn)).toBe(false);
  });

  it("learns the username from the own profile's Edit profile link when no data names it", () => {
    const { session } = openPage(missingData, 'https://www.instagram.com/giulia.rossi/');
    expect(session.viewer).toEqual({ id: VIEWER_ID, username: 'giulia.rossi' });
  });

  it("does not take another profile's name for the viewer's: its main column has no Edit profile link", () => {
    const others = missingData.replace(
      '<div><a href="/accounts/edit/" role="link">Edit profile</a></div>',
      '<div><button>Follow</button></div>',
    );
    const { session, items } = openPage(others, 'https://www.instagram.com/giulia.rossi/');
    expect(session.viewer).toEqual({ id: VIEWER_ID });
    expect(items.some((item) => item.post.isOwn)).toBe(false);
  });

  it('reads the viewer of a 2018 _sharedData page from config.viewer, which has no viewerId beside it', () => {
    expect(sharedData2018).not.toContain('"viewerId"');
    const { session } = openPage(sharedData2018, 'https://www.instagram.com/marco.bianchi/', { cookies: [] });
    expect(session.viewer).toEqual({ id: VIEWER_ID, username: 'giulia.rossi', name: 'Giulia Rossi' });
  });

  it("takes config.viewer for the viewer, never the profile's user object beside it", () => {
    const { session } = openPage(sharedData2018, 'https://www.instagram.com/marco.bianchi/', { cookies: [] });
    const posts = session.dataOnlyPosts();
    expect(posts).toEqual([
      expect.objectContaining({ postId: 'BkMarco2018', ownerId: '1357924680', isOwn: false, audience: 'public_account' }),
    ]);
    expect(session.accounts()).toEqual([expect.objectContaining({ accountId: '1357924680', isViewer: false, privacy: 'public' })]);
  });

  it('has no viewer on a 2018 page logged out (config.viewer null), whatever user objects the page holds', () => {
    const loggedOut = sharedData2018.replace(/"viewer":\{.*?\}\}/, '"viewer":null}');
    expect(loggedOut).not.toBe(sharedData2018);
    const { session } = openPage(loggedOut, 'https://www.instagram.com/marco.bianchi/', { cookies: [] });
    expect(session.viewer).toBeNull();
  });

  it('never takes 0 for an account id: CurrentUserInitialData.USER_ID is "0" logged in or not', () => {
    const zero = missingData.replace(
      '</head>',
      '<script type="application/json">{"config":{"viewerId":"0","viewer":{"id":"0"}}}</script></head>',
    );
    const { session, items } = openPage(zero, 'https://www.instagram.com/giulia.rossi/', { cookies: ['ds_user_id=0'] });
    expect(session.viewer).toBeNull();
    expect(items.some((item) => item.post.isOwn)).toBe(false);
  });

  it('takes a config.viewer only from the shared config, which carries its csrf_token beside it', () => {
    const otherConfig = missingData.replace(
      '</head>',
      '<script type="application/json">{"config":{"viewer":{"id":"777000777"}}}</script></head>',
    );
    const { session } = openPage(otherConfig, 'https://www.instagram.com/giulia.rossi/', { cookies: [] });
    expect(session.viewer).toBeNull();
  });

  it('names no viewer when the data names two different ones, and the cookie is absent', () => {
    const twoViewers = sharedData2018.replace(
      '</body>',
      '<script>window.__extra = {"config":{"csrf_token":"x","viewerId":"555000555"}};</script></body>',
    );
    const { session, items } = openPage(twoViewers, 'https://www.instagram.com/marco.bianchi/', { cookies: [] });
    expect(session.viewer).toBeNull();
    expect(items.some((item) => item.post.isOwn)).toBe(false);
    // The cookie, when there is one, still decides.
    expect(openPage(twoViewers, 'https://www.instagram.com/marco.bianchi/').session.viewer?.id).toBe(VIEWER_ID);
  });
});
