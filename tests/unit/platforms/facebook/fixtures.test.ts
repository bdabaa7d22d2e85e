import { describe, expect, it } from 'vitest';
import profileFr from '../../../fixtures/facebook/profile-fr.html?raw';
import permalinkDe from '../../../fixtures/facebook/permalink-de.html?raw';
import groupPl from '../../../fixtures/facebook/group-pl.html?raw';
import feedItEs from '../../../fixtures/facebook/feed-it-es.html?raw';
import legacyEn from '../../../fixtures/facebook/legacy-2020-en.html?raw';
import changedShape from '../../../fixtures/facebook/changed-shape-en.html?raw';
import { facebookAdapter } from '../../../../src/platforms/facebook';
import { loadPage } from './load-fixture';

function scan(html: string, url: string, cookies = ['c_user=100001']) {
  const doc = loadPage(html, url, cookies);
  const session = facebookAdapter.openSession(doc, { url });
  const items = session.scan(doc);
  const byId = new Map(items.filter((i) => i.element?.id).map((i) => [i.element!.id, i.post]));
  return { session, items, byId, dataOnly: session.dataOnlyPosts() };
}

describe('profile timeline in French, with embedded data', () => {
  const page = () => scan(profileFr, 'https://www.facebook.com/alice.martin');

  it('learns the username from the User object in the data', () => {
    expect(page().session.viewer).toMatchObject({ id: '100001', username: 'alice.martin' });
  });

  it('lets data beat the label, keeping the disagreement as evidence', () => {
    expect(page().byId.get('fr1-data-beats-label')).toMatchObject({
      postId: '7001',
      audience: 'public',
      evidence: 'embedded-json',
      audienceSource: 'description=Public',
      disagreement: { evidence: 'label', audience: 'friends' },
      publishedAt: 1622505600000,
      isOwn: true,
    });
  });

  it('reads the legacy Graph API privacy value and the localized description', () => {
    const { byId, session } = page();
    expect(byId.get('fr2-legacy-only-me')).toMatchObject({ postId: '7002', audience: 'only_me', evidence: 'embedded-json' });
    expect(byId.get('fr3-description')).toMatchObject({ postId: '7003', audience: 'friends', evidence: 'embedded-json' });
    // The unknown icon name is counted, so a change on Facebook's side shows in diagnostics.
    expect(session.diagnostics.unreadLabels.get('icon_image.name=friends_v2')).toBeGreaterThan(0);
  });

  it('reads a post known only from its label', () => {
    expect(page().byId.get('fr5-label-only')).toMatchObject({ postId: 'pfbid02fr5', audience: 'public', evidence: 'label' });
  });

  it('reports own posts that are in the data but not rendered', () => {
    const { dataOnly } = page();
    expect(dataOnly.map((p) => [p.postId, p.audience, p.isOwn, p.url])).toEqual([
      ['7004', 'public', true, 'https://www.facebook.com/alice.martin/posts/pfbid02fr4'],
    ]);
  });

  it('marks the cover photo and profile picture as always public', () => {
    const kinds = page().items.filter((i) => i.post.kind === 'cover_photo' || i.post.kind === 'profile_picture');
    expect(kinds.map((i) => [i.post.kind, i.post.audience, i.post.evidence, i.post.isOwn, i.post.audienceSource])).toEqual([
      ['cover_photo', 'public', 'account', true, { rule: 'cover_photo' }],
      ['profile_picture', 'public', 'account', true, { rule: 'profile_picture' }],
    ]);
  });

  it("does not claim someone else's cover photo", () => {
    const { items } = scan(profileFr, 'https://www.facebook.com/bob.dupont');
    expect(items.some((i) => i.post.kind === 'cover_photo')).toBe(false);
  });
});

describe('permalink page in German', () => {
  it('reads the post and its nested comments and replies', () => {
    const { byId, session } = scan(permalinkDe, 'https://www.facebook.com/alice.martin/posts/pfbid02de1');
    expect(session.viewer?.username).toBe('alice.martin');
    expect(byId.get('de-own-public')).toMatchObject({
      audience: 'public',
      evidence: 'label',
      isOwn: true,
      audienceSource: 'Mit Öffentlich geteilt',
    });
    expect(byId.get('de-other-comment')).toMatchObject({ postId: 'pfbid02de1_8801', kind: 'comment', isOwn: false, audience: 'public' });
    // The reply's own id, not its parent comment's: the two findings no longer collide.
    expect(byId.get('de-own-reply')).toMatchObject({
      postId: 'pfbid02de1_8802',
      kind: 'comment',
      isOwn: true,
      audience: 'public',
      parentPostId: 'pfbid02de1',
    });
  });
});

describe('groups in Polish', () => {
  it('reads public and private group posts, and a comment in a public group', () => {
    const { byId } = scan(groupPl, 'https://www.facebook.com/groups/ogrodnicy/');
    expect(byId.get('pl-public-group-own')).toMatchObject({ audience: 'public_group', isOwn: true, postId: '3301' });
    expect(byId.get('pl-private-group-own')).toMatchObject({ audience: 'private_group', isOwn: true, postId: '4402' });
    expect(byId.get('pl-public-group-other')).toMatchObject({ audience: 'public_group', isOwn: false });
    expect(byId.get('pl-own-comment-public-group')).toMatchObject({ kind: 'comment', audience: 'public_group', isOwn: true });
  });
});

describe('an Italian page with a Spanish post', () => {
  it('reads Italian with the page language and Spanish without it', () => {
    const { byId } = scan(feedItEs, 'https://www.facebook.com/');
    expect(byId.get('it-own-public')).toMatchObject({ audience: 'public' });
    expect(byId.get('it-own-friends-of-friends')).toMatchObject({ audience: 'friends_of_friends' });
    expect(byId.get('es-own-public')).toMatchObject({ audience: 'public' });
    expect(byId.get('es-own-only-me')).toMatchObject({ audience: 'only_me' });
  });
});

describe('2020–21 and older icon shapes', () => {
  it('reads aria-label on role=img, img alt, and aria-label on a link', () => {
    const { byId } = scan(legacyEn, 'https://www.facebook.com/');
    expect(byId.get('legacy-i-public')).toMatchObject({ audience: 'public', isOwn: true, postId: '5001' });
    expect(byId.get('legacy-img-friends')).toMatchObject({ audience: 'friends', isOwn: true });
    expect(byId.get('legacy-link-public')).toMatchObject({ audience: 'public', kind: 'photo', postId: '5003' });
  });
});

describe('a page whose markup changed shape', () => {
  const page = () => scan(changedShape, 'https://www.facebook.com/');

  it('says unknown — never not public — when nothing can be read', () => {
    const { byId } = page();
    for (const id of [
      'x-no-icon',
      'x-unknown-word',
      'x-unknown-language',
      'x-css-icon',
      'x-unknown-icon-name',
      'x-reshare-without-own-icon',
    ]) {
      expect(byId.get(id), id).toMatchObject({ audience: 'unknown', evidence: 'none', isOwn: true });
    }
  });

  it('still finds a post whose container lost its article role', () => {
    expect(page().byId.get('x-no-article-role')).toMatchObject({ audience: 'public', evidence: 'label' });
  });

  it('counts unknowns and unread words for the diagnostics', () => {
    const { session } = page();
    expect(session.diagnostics.unknownAudiences).toBe(6);
    expect(session.diagnostics.unreadLabels.has('Shared with Zorgblorp')).toBe(true);
    expect(session.diagnostics.unreadLabels.has('icon_image.name=lock_new_2027')).toBe(true);
  });
});

describe('data a page script forged into a GraphQL answer', () => {
  const story = (postId: string, wwwURL: string, creationTime: number) =>
    JSON.stringify({
      data: {
        node: {
          __typename: 'Story',
          post_id: postId,
          comet_sections: {
            content: { story: { wwwURL, message: { text: 'forged' } } },
            timestamp: { story: { creation_time: creationTime } },
            context_layout: {
              story: {
                comet_sections: {
                  actor_photo: { story: { actors: [{ __typename: 'User', id: '100001', name: 'Alice Martin' }] } },
                  metadata: [
                    {
                      __typename: 'CometFeedStoryAudienceStrategy',
                      story: { privacy_scope: { icon_image: { name: 'everyone' }, description: 'Public' } },
                    },
                  ],
                },
              },
            },
          },
        },
      },
    });

  it('never carries a link off the site nor an impossible date into a finding', () => {
    const { session } = scan('<!DOCTYPE html><html lang="en"><body><div role="feed"></div></body></html>', 'https://www.facebook.com/');
    session.readNetworkPayload(story('f1', 'https://evil.example/phish', 1));
    session.readNetworkPayload(story('f2', 'https://evil.example/alice/posts/f2', 1_700_000_000));
    const posts = new Map(session.dataOnlyPosts().map((post) => [post.postId, post]));
    // An address off the site, even one shaped like a permalink, is replaced by the post's own facebook.com address.
    expect(posts.get('f1')).toMatchObject({ url: 'https://www.facebook.com/f1', audience: 'public' });
    expect(posts.get('f1')).not.toHaveProperty('publishedAt');
    expect(posts.get('f2')).toMatchObject({ url: 'https://www.facebook.com/f2', publishedAt: 1_700_000_000_000 });
  });
});
