import type { Platform } from './platform';
import { SITES } from './sites';

/**
 * Meta's addresses the UI sends people to: the objection forms ("right to object", GDPR art. 21),
 * the Privacy Center page on generative AI, and the settings that make posts non-public.
 *
 * Meta changes these without notice (the form ids changed once already, between 2024 and 2025), so
 * they live here and nowhere else, each with where it came from and when it was checked.
 * Source: docs/FACTS.md#objection (Meta's notice of 14 April 2025 and its Help Center forms) and
 * docs/FACTS.md#fixing-exposure; copied on the date below — not re-opened live from the build
 * machine, which has no network. Whoever re-checks them in a browser updates `META_ADDRESSES_CHECKED`.
 *
 * History, kept as a record only (do not link to them):
 * - 2024 Facebook form: https://www.facebook.com/help/contact/6359191084165019
 * - 2024 Instagram form: https://help.instagram.com/contact/233964459562201
 */
export const META_ADDRESSES_CHECKED = { on: '2026-11-29', source: 'docs/FACTS.md#objection (2025 forms)' } as const;

/** The 2025 objection forms, filled in while logged in; Meta says one covers the linked accounts in the same Accounts Center. */
export const OBJECTION_FORMS: Readonly<Record<Platform, string>> = {
  facebook: `${SITES.facebook.origin}/help/contact/712876720715583`,
  // Meta's help host, not a page of the site itself: not in the table of sites.
  instagram: 'https://help.instagram.com/contact/767264225370182',
};

/** Meta's Privacy Center page on generative AI: offered beside the forms in case their ids change again. */
export const PRIVACY_CENTER_GENAI = `${SITES.facebook.origin}/privacy/genai/`;

/** Instagram's "Private account" setting (docs/FACTS.md#fixing-exposure). Facebook's "Limit who can see past posts" has no stable deep link. */
export const INSTAGRAM_PRIVACY_SETTING = `${SITES.instagram.origin}/accounts/privacy_setting/`;

/** Facebook's activity log, where every own post and its audience can be reviewed (docs/FACTS.md#fixing-exposure). */
export const FACEBOOK_ACTIVITY_LOG = `${SITES.facebook.origin}/me/allactivity`;

/**
 * Where a user starts so Glasshouse sees them: their own profile. Facebook's `/me` opens the logged-in
 * user's profile; Instagram has no such address without the username, so its home page.
 */
export const OWN_PROFILE: Readonly<Record<Platform, string>> = {
  facebook: `${SITES.facebook.origin}/me`,
  instagram: `${SITES.instagram.origin}/`,
};

/**
 * Where Meta takes a request for access (GDPR art. 15), docs/OBJECTION.md#where-to-send: its Help
 * Center form for exercising privacy rights, and the Privacy Policy, whose "How to contact Meta with
 * questions" names the data protection officer of Meta Platforms Ireland Limited. Neither was opened
 * live (no network); the form's id is as a stored copy of it showed.
 */
export const ACCESS_REQUEST_FORM = `${SITES.facebook.origin}/help/contact/507739850846588`;
export const PRIVACY_POLICY = `${SITES.facebook.origin}/privacy/policy/`;
