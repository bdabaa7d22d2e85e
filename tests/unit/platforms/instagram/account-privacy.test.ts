// @vitest-environment node
import { describe, expect, it } from 'vitest';
import feedDe from '../../../fixtures/instagram/feed-de.html?raw';
import profilePublicEn from '../../../fixtures/instagram/profile-public-en.html?raw';
import profilePrivateIt from '../../../fixtures/instagram/profile-private-it.html?raw';
import professionalFr from '../../../fixtures/instagram/profile-professional-fr.html?raw';
import settingsDe from '../../../fixtures/instagram/settings-privacy-de.html?raw';
import settingsIt from '../../../fixtures/instagram/settings-privacy-switch-it.html?raw';
import { AccountObservationSchema } from '../../../../src/core';
import { NOW, openPage, VIEWER_ID } from './open-page';

const own = (accounts: ReturnType<ReturnType<typeof openPage>['session']['accounts']>) => accounts.find((a) => a.isViewer);

describe('Instagram account privacy from embedded JSON', () => {
  it('reads a public own account from PolarisViewer and the profile query', () => {
    const { session } = openPage(profilePublicEn, 'https://www.instagram.com/giulia.rossi/');
    const accounts = session.accounts();
    expect(accounts).toEqual([
      {
        platform: 'instagram',
        accountId: VIEWER_ID,
        username: 'giulia.rossi',
        name: 'Giulia Rossi',
        isViewer: true,
        privacy: 'public',
        professional: false,
        evidence: 'embedded-json',
        seenAt: NOW,
      },
    ]);
    for (const account of accounts) expect(AccountObservationSchema.parse(account)).toEqual(account);
  });

  it('reads a private own account', () => {
    const { session } = openPage(profilePrivateIt, 'https://www.instagram.com/giulia.rossi/');
    expect(own(session.accounts())).toMatchObject({ privacy: 'private', evidence: 'embedded-json' });
  });

  it('ignores is_private inside friendship_status: it describes a relation, not an account', () => {
    const { session } = openPage(feedDe, 'https://www.instagram.com/');
    // marco's friendship_status carries is_private but no id; only real user objects become accounts.
    expect(
      session
        .accounts()
        .map((a) => a.accountId)
        .sort(),
    ).toEqual(['1357924680', '2468013579']);
  });

  it('stamps seenAt from the injected clock', () => {
    const { session } = openPage(profilePrivateIt, 'https://www.instagram.com/giulia.rossi/', { now: () => 42 });
    expect(own(session.accounts())?.seenAt).toBe(42);
  });
});

describe('Instagram account privacy from network answers', () => {
  const webProfileInfo = (isPrivate: boolean) =>
    JSON.stringify({
      data: {
        user: {
          biography: '',
          id: VIEWER_ID,
          username: 'giulia.rossi',
          full_name: 'Giulia Rossi',
          is_private: isPrivate,
          is_business_account: false,
          is_professional_account: false,
          edge_owner_to_timeline_media: { count: 3, edges: [] },
        },
      },
      status: 'ok',
    });

  it('reads data.user.is_private from a web_profile_info answer, as graphql evidence', () => {
    const { session, doc } = openPage(feedDe, 'https://www.instagram.com/');
    session.readNetworkPayload(webProfileInfo(true));
    expect(own(session.accounts())).toMatchObject({ accountId: VIEWER_ID, privacy: 'private', evidence: 'graphql', professional: false });
    const ownPost = session.scan(doc).find((item) => item.post.postId === 'DAfeedOwn01')!.post;
    expect(ownPost).toMatchObject({ isOwn: true, audience: 'private_account', evidence: 'graphql', audienceSource: 'is_private=true' });
  });

  it('lets a later answer change what the page said at load', () => {
    let clock = NOW;
    const { session } = openPage(profilePrivateIt, 'https://www.instagram.com/giulia.rossi/', { now: () => clock });
    clock = NOW + 5_000;
    session.readNetworkPayload(webProfileInfo(false));
    expect(own(session.accounts())).toMatchObject({ privacy: 'public', evidence: 'graphql', seenAt: NOW + 5_000 });
  });

  it('reads a GraphQL answer carrying a user object, and several documents one a line', () => {
    const { session } = openPage(feedDe, 'https://www.instagram.com/');
    const line1 = JSON.stringify({ data: { xdt_api__v1__users__info: { user: { pk: 99887766, username: 'nina.k', is_private: true } } } });
    const line2 = JSON.stringify({
      data: { user: { id: '55443322', username: 'otto.b', is_private: false } },
      extensions: { is_final: true },
    });
    session.readNetworkPayload(`${line1}\n${line2}`);
    const byId = new Map(session.accounts().map((a) => [a.accountId, a]));
    expect(byId.get('99887766')).toMatchObject({ privacy: 'private', evidence: 'graphql', username: 'nina.k', isViewer: false });
    expect(byId.get('55443322')).toMatchObject({ privacy: 'public', evidence: 'graphql' });
  });

  it('never throws on garbage and counts nothing as read', () => {
    const { session } = openPage(feedDe, 'https://www.instagram.com/');
    expect(() => session.readNetworkPayload('<html>not json "is_private" {')).not.toThrow();
    expect(() => session.readNetworkPayload('{"data":{"user":{"id":"1","is_private":"yes"}}}')).not.toThrow();
    expect(session.accounts().find((a) => a.accountId === '1')).toBeUndefined();
  });
});

describe('Instagram professional accounts', () => {
  it('marks a business account professional and public', () => {
    const { session, items } = openPage(professionalFr, 'https://www.instagram.com/atelier.lumiere/', {
      cookies: ['ds_user_id=31415926535'],
    });
    expect(own(session.accounts())).toMatchObject({
      accountId: '31415926535',
      username: 'atelier.lumiere',
      professional: true,
      privacy: 'public',
      evidence: 'embedded-json',
    });
    expect(items.map((item) => item.post.audience)).toEqual(['public_account', 'public_account']);
  });

  it('takes a professional account without is_private as public: it cannot be private', () => {
    const withoutPrivacy = professionalFr.replace('"is_private":false,', '');
    const { session, items } = openPage(withoutPrivacy, 'https://www.instagram.com/atelier.lumiere/', {
      cookies: ['ds_user_id=31415926535'],
    });
    expect(own(session.accounts())).toMatchObject({ professional: true, privacy: 'public' });
    expect(items[0]?.post).toMatchObject({ audience: 'public_account', audienceSource: { rule: 'instagram_professional' } });
  });

  it('reads account_type from a v1 answer: 3 (creator) is professional, 1 is not', () => {
    const { session } = openPage(feedDe, 'https://www.instagram.com/');
    session.readNetworkPayload(JSON.stringify({ user: { pk: 11223344, username: 'creator.x', account_type: 3 } }));
    session.readNetworkPayload(JSON.stringify({ user: { pk: 44332211, username: 'person.y', account_type: 1 } }));
    const byId = new Map(session.accounts().map((a) => [a.accountId, a]));
    expect(byId.get('11223344')).toMatchObject({ professional: true, privacy: 'public' });
    expect(byId.get('44332211')).toMatchObject({ professional: false, privacy: 'unknown' });
  });
});

describe('Instagram account privacy from the settings toggle', () => {
  const url = 'https://www.instagram.com/accounts/privacy_setting/';

  it('reads the German "Privates Konto" checkbox switch, on → private, as account evidence', () => {
    const { session } = openPage(settingsDe, url);
    expect(session.accounts()).toEqual([
      expect.objectContaining({
        platform: 'instagram',
        accountId: VIEWER_ID,
        isViewer: true,
        privacy: 'private',
        evidence: 'account',
        seenAt: NOW,
      }),
    ]);
  });

  it('reads the toggle alone when the data names the viewer but not the privacy', () => {
    const silent = settingsDe.replace('"is_private":true,', '');
    expect(silent).not.toBe(settingsDe);
    const { session } = openPage(silent, url);
    expect(session.accounts()).toEqual([
      expect.objectContaining({
        accountId: VIEWER_ID,
        isViewer: true,
        username: 'giulia.rossi',
        privacy: 'private',
        evidence: 'account',
        seenAt: NOW,
      }),
    ]);
  });

  it('follows the toggle when the user flips it', () => {
    let clock = NOW;
    const { session, doc } = openPage(settingsDe, url, { now: () => clock });
    (doc.getElementById('private-toggle') as HTMLInputElement).checked = false;
    clock = NOW + 1_000;
    session.scan(doc);
    expect(own(session.accounts())).toMatchObject({ privacy: 'public', evidence: 'account', seenAt: NOW + 1_000 });
  });

  it('reads the Italian ARIA switch by its aria-labelledby label, and not the other switch on the page', () => {
    const { session } = openPage(settingsIt, url);
    // The data said private when the page loaded; the toggle, off now, is the current state.
    expect(own(session.accounts())).toMatchObject({
      privacy: 'public',
      evidence: 'account',
      username: 'giulia.rossi',
      professional: false,
    });
  });

  it('does not read a toggle whose label it does not know, and counts the label as unread', () => {
    const unknownLanguage = settingsDe.replace('<span dir="auto">Privates Konto</span>', '<span dir="auto">Yksityistili X</span>');
    const { session } = openPage(unknownLanguage, url);
    // Only the data's own reading from when the page loaded is left: nothing from the toggle.
    expect(session.accounts()).toEqual([expect.objectContaining({ accountId: VIEWER_ID, evidence: 'embedded-json' })]);
    expect([...session.diagnostics.unreadLabels.keys()]).toContain('Yksityistili X');
  });

  it('reads toggles only on the privacy settings page', () => {
    const { session } = openPage(settingsDe, 'https://www.instagram.com/accounts/edit/');
    expect(session.accounts().filter((a) => a.evidence === 'account')).toEqual([]);
  });
});
