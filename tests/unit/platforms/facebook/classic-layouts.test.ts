import { describe, expect, it } from 'vitest';
import classicIt from '../../../fixtures/facebook/classic-2016-it.html?raw';
import newsfeedEn from '../../../fixtures/facebook/newsfeed-2017-en.html?raw';
import timelinePl from '../../../fixtures/facebook/timeline-2019-pl.html?raw';
import mobileDe from '../../../fixtures/facebook/mobile-2021-de.html?raw';
import { facebookAdapter } from '../../../../src/platforms/facebook';
import { loadPage } from './load-fixture';

function scan(html: string, url = 'https://www.facebook.com/', cookies = ['c_user=100001']) {
  const doc = loadPage(html, url, cookies);
  const session = facebookAdapter.openSession(doc, { url });
  const items = session.scan(doc);
  const byId = new Map(items.filter((i) => i.element?.id).map((i) => [i.element!.id, i.post]));
  return { session, items, byId };
}

describe('classic feed stories, 2016 (Italian)', () => {
  const page = () => scan(classicIt);

  it("reads the own post's audience button, which carries only a tooltip, and knows it is the viewer's by its hover card id", () => {
    expect(page().byId.get('it-own-public')).toMatchObject({
      postId: '9001',
      ownerId: '100001',
      isOwn: true,
      audience: 'public',
      evidence: 'label',
      audienceSource: 'Tutti',
      excerpt: 'Un post pubblico di prova.',
    });
  });

  it('a context line before the story never becomes its author (Marco replied; the post is Luca’s)', () => {
    const { byId, items } = page();
    expect(byId.get('it-behind-context')).toMatchObject({ postId: '9002', ownerId: '100002', ownerName: 'Luca Verdi', audience: 'public' });
    expect(byId.has('it-context-wrapper')).toBe(false);
    expect(items.some((item) => item.post.ownerId === '100003')).toBe(false);
  });

  it('reads classic comments and gives a reply its own id, not its parent comment’s', () => {
    const { byId } = page();
    expect(byId.get('it-own-friends-with-comments')).toMatchObject({ postId: '9003', audience: 'friends', isOwn: true });
    expect(byId.get('it-other-comment')).toMatchObject({ postId: '9003_7003', isOwn: false, ownerId: '100004', excerpt: 'Che bello!' });
    expect(byId.get('it-own-reply')).toMatchObject({
      postId: '9003_7004',
      kind: 'comment',
      isOwn: true,
      audience: 'friends',
      excerpt: 'Grazie Paolo',
    });
  });

  it("reads a reshare from its own header, never from the original's public icon behind it", () => {
    expect(page().byId.get('it-own-reshare-friends')).toMatchObject({ postId: '9004', audience: 'friends', isOwn: true });
  });

  it("stops at the post's own audience button even when it cannot read it: unknown, not the original's public", () => {
    const { byId, session } = page();
    expect(byId.get('it-own-unread-button')).toMatchObject({ postId: '9005', audience: 'unknown', evidence: 'none', isOwn: true });
    expect(session.diagnostics.unreadLabels.has('Zorgblorp')).toBe(true);
  });
});

describe('classic News Feed, 2017 (English)', () => {
  const page = () => scan(newsfeedEn);

  it('reads "Shared with: <Name>\'s friends" as friends, not the shared original\'s public', () => {
    expect(page().byId.get('en-named-friends')).toMatchObject({
      postId: '4401',
      ownerId: '200001',
      audience: 'friends',
      audienceSource: "Shared with: Dennis's friends",
    });
  });

  it('reads "…\'s friends and friends of anyone tagged" as friends', () => {
    expect(page().byId.get('en-tagged-friends')).toMatchObject({ postId: '4402', kind: 'photo', audience: 'friends' });
  });

  it('says unknown for "Members of <group>", whose group the label does not say is public, even when the name holds "Public"', () => {
    expect(page().byId.get('en-group-members')).toMatchObject({
      postId: '4403',
      audience: 'unknown',
      audienceSource: 'Members of Public Transport Fans',
    });
  });

  it('reads a Page\'s "Custom" (its story marked by no known class, only by its h5 heading) and never lets a name make a label another word', () => {
    const { byId } = page();
    expect(byId.get('en-page-custom')).toMatchObject({ postId: '4404', audience: 'custom', ownerId: '300002' });
    expect(byId.get('en-name-is-a-word')).toMatchObject({ postId: '4405', audience: 'friends', ownerId: '200005' });
  });

  it('takes the author of a story behind "X replied to a comment on this" from the story, and finds its comments', () => {
    const { byId, items } = page();
    expect(byId.get('en-behind-context')).toMatchObject({ postId: '4406', ownerId: '200007', ownerName: 'Tom Brown', audience: 'public' });
    expect(items.filter((item) => item.post.kind !== 'comment' && item.post.ownerId === '200006')).toEqual([]);
    expect(byId.get('en-own-comment')).toMatchObject({ postId: '4406_5505', isOwn: true, audience: 'public', excerpt: 'Great view' });
    expect(byId.get('en-reply')).toMatchObject({ postId: '4406_5506', isOwn: false, ownerId: '200006' });
  });

  it("reads the viewer's own post from its audience button", () => {
    expect(page().byId.get('en-own-public')).toMatchObject({ postId: '4407', audience: 'public', isOwn: true, ownerId: '100001' });
  });
});

describe('classic Page timeline and profile stories, 2019 (Polish)', () => {
  const page = () => scan(timelinePl, 'https://www.facebook.com/Kawiarnia-Publiczne-Miejsce-1234567890123/');

  it('finds stories without role=article, reads fbPrivacyAudienceIndicator, and takes the Page id from its classic address', () => {
    const { byId } = page();
    expect(byId.get('pl-page-public')).toMatchObject({
      postId: '2371503',
      kind: 'photo',
      ownerId: '1234567890123',
      audience: 'public',
      audienceSource: 'Publiczne',
      excerpt: 'Dziś w kawiarni: sernik.',
    });
    expect(byId.get('pl-page-tooltip-only')).toMatchObject({ postId: '2371504', audience: 'public' });
  });

  it("reads the viewer's own stories from the audience button's tooltip", () => {
    const { byId } = page();
    expect(byId.get('pl-own-friends')).toMatchObject({ postId: '2371505', audience: 'friends', isOwn: true });
    expect(byId.get('pl-own-public')).toMatchObject({ postId: '2371506', audience: 'public', isOwn: true });
  });
});

describe('m.facebook.com stories, 2021 (German)', () => {
  const page = () => scan(mobileDe, 'https://m.facebook.com/');

  it('finds story-div articles and reads the audience sigil, past a verified badge', () => {
    const { byId } = page();
    expect(byId.get('de-own-public')).toMatchObject({
      postId: '7701',
      ownerId: '100001',
      isOwn: true,
      audience: 'public',
      excerpt: 'Sommer am See.',
    });
    expect(byId.get('de-page-verified')).toMatchObject({ postId: '7702', kind: 'photo', ownerId: 'stadtbibliothek', audience: 'public' });
  });

  it('finds a story-div that is not an article, with a group named in its heading', () => {
    expect(page().byId.get('de-own-friends')).toMatchObject({ postId: '7703', ownerId: '100001', isOwn: true, audience: 'friends' });
  });
});
