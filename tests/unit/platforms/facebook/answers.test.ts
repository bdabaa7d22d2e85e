/**
 * Facebook's data answers in the shapes the real site sends (our own fixtures under
 * tests/fixtures/facebook/answers/, modelled on real answers: see that folder's README).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { facebookAdapter } from '../../../../src/platforms/facebook';
import { loadPage } from './load-fixture';

const answer = (name: string) => readFileSync(new URL(`../../../fixtures/facebook/answers/${name}`, import.meta.url), 'utf8');

/** A facebook.com tab of `viewer` whose page-world bridge hands over each answer in turn. */
function tab(viewer: string, lang = 'en', html = '<body></body>') {
  const doc = loadPage(`<!DOCTYPE html><html lang="${lang}">${html}</html>`, 'https://www.facebook.com/', [`c_user=${viewer}`]);
  const session = facebookAdapter.openSession(doc, { url: 'https://www.facebook.com/' });
  const posts = () => new Map(session.dataOnlyPosts().map((post) => [post.postId, post]));
  return { doc, session, posts };
}

describe("the viewer's own posts on their German profile timeline (editable audience)", () => {
  const { session, posts } = tab('100001', 'de');
  session.readNetworkPayload(answer('own-timeline-de.json'));
  const read = posts();
  const summary = (id: string) => {
    const post = read.get(id);
    return [post?.audience, post?.isOwn, post?.audienceSource];
  };

  it('reads each privacy_row_input: Friends, Public, Friends except, a custom list, Only me', () => {
    expect(summary('5000000000000001')).toEqual(['friends', true, 'base_state=FRIENDS']);
    expect(summary('5000000000000002')).toEqual(['public', true, 'base_state=EVERYONE']);
    expect(summary('5000000000000003')).toEqual(['friends_except', true, 'base_state=FRIENDS+deny']);
    expect(summary('5000000000000004')).toEqual(['custom', true, 'base_state=SELF+allow']);
    expect(summary('5000000000000005')).toEqual(['only_me', true, 'base_state=SELF']);
  });

  it('a Friends post sharing a public reel stays Friends: the reel is another story with its own audience', () => {
    expect(read.get('5000000000000001')).toMatchObject({
      audience: 'friends',
      publishedAt: 1741055490000,
      excerpt: 'Schaut euch dieses Reel an',
    });
    expect(read.get('5000000000000091')).toMatchObject({ audience: 'public', isOwn: false, ownerId: '100077' });
  });

  it('a public post sharing a private-group reel stays public (never a wrong "not public")', () => {
    expect(read.get('5000000000000002')?.audience).toBe('public');
    expect(read.get('5000000000000092')).toMatchObject({ audience: 'private_group', isOwn: false });
  });

  it("a reshare keeps its own audience, not the public group's of the original", () => {
    expect(read.get('5000000000000006')).toMatchObject({ audience: 'friends', isOwn: true });
    expect(read.get('5000000000000093')).toMatchObject({ audience: 'public_group', isOwn: false, ownerId: '100044' });
  });

  it('keys each post on its post_id with its permalink token as an alias', () => {
    expect(read.get('5000000000000003')).toMatchObject({
      url: 'https://www.facebook.com/permalink.php?story_fbid=pfbid0de3except&id=100001',
      aliasIds: ['pfbid0de3except'],
    });
  });
});

describe('the manage-posts list in French: stories known only by their Story id', () => {
  const { session, posts } = tab('100002', 'fr');
  session.readNetworkPayload(answer('manage-posts-fr.json'));
  const read = posts();

  it('takes the post id from the base64 Story id, the owner from the actors', () => {
    expect([...read.keys()].sort()).toEqual([
      '7000000000000001',
      '7000000000000002',
      '7000000000000003',
      '7000000000000004',
      '7000000000000005',
    ]);
    for (const post of read.values()) expect(post).toMatchObject({ isOwn: true, ownerId: '100002' });
  });

  it('reads the editable renderer and the audience strategy alike', () => {
    expect(read.get('7000000000000001')?.audience).toBe('friends');
    expect(read.get('7000000000000002')?.audience).toBe('public');
    // A profile picture's story: the first id after the owner is the post, the last a substory.
    expect(read.get('7000000000000003')?.audience).toBe('public');
    expect(read.get('7000000000000004')).toMatchObject({
      audience: 'friends_of_friends',
      audienceSource: 'description=Amis de leurs amis',
    });
  });

  it('an icon named "custom" with the description "Public" is public (the name alone never says "not public")', () => {
    expect(read.get('7000000000000005')).toMatchObject({ audience: 'public', audienceSource: 'description=Public' });
  });

  it('leaves out a backdated life event date before 2000 rather than store an impossible one', () => {
    expect(read.get('7000000000000004')?.publishedAt).toBeUndefined();
    expect(read.get('7000000000000001')?.publishedAt).toBe(1739410065000);
  });
});

describe('an Italian video feed unit, pretty-printed', () => {
  it("reads the whole document and takes the author from the story's top-level actors", () => {
    const { session, posts } = tab('100004', 'it');
    session.readNetworkPayload(answer('video-feed-unit-it.json'));
    expect(posts().get('9000000000000001')).toMatchObject({
      ownerId: '100004',
      isOwn: true,
      audience: 'friends',
      publishedAt: 1738000000000,
    });
  });
});

describe('an audience edited while the page is open (Polish)', () => {
  it('the menu answer\'s saved-items "Tylko ja" is not the post\'s audience', () => {
    const { session, posts } = tab('100003', 'pl');
    session.readNetworkPayload(answer('audience-menu-pl.json'));
    expect(posts().get('8000000000000001')?.audience ?? 'unknown').toBe('unknown');
  });

  it('the save answer, keyed by privacy_write_id, gives the new audience over the one read at load', () => {
    const { session, posts } = tab('100003', 'pl');
    const atLoad = JSON.stringify({
      data: {
        node: {
          __typename: 'Story',
          post_id: '8000000000000001',
          actors: [{ __typename: 'User', id: '100003', name: 'Ola Nowak' }],
          comet_sections: {
            audience: {
              __typename: 'CometFeedStoryPrivacySelectorStrategy',
              story: { privacy_scope: { privacy_scope_renderer: { privacy_row_input: { base_state: 'EVERYONE', allow: [], deny: [] } } } },
            },
          },
        },
      },
    });
    session.readNetworkPayload(atLoad);
    expect(posts().get('8000000000000001')).toMatchObject({ audience: 'public', isOwn: true });
    const changed = session.readNetworkPayload(answer('audience-save-pl.json'));
    expect(changed).toContain('8000000000000001');
    expect(posts().get('8000000000000001')).toMatchObject({ audience: 'only_me', isOwn: true, audienceSource: 'base_state=SELF' });
  });
});
