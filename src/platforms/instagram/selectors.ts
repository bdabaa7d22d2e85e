import { SITES } from '../../core/sites';

/**
 * Everything this project knows about instagram.com's markup and data (docs/FACTS.md#instagram-viewer,
 * #instagram-account-privacy, #instagram-pages). Element, role and href selectors only: class names (`_aagu`, `x1lliihq` …) are generated and rotate.
 */
export const IG = {
  /** A feed post (home feed, 2019–25); older post pages wrap the post in one too. */
  article: 'article',
  /** A post page without an article (2024– shape): the post is the main column. */
  main: 'main, [role="main"]',
  /** A post opened over another page (from a profile grid): the address changes to /p/CODE/. */
  dialog: '[role="dialog"]',
  link: 'a[href]',
  /** Post and reel links on grids, in feeds and on post pages (docs/FACTS.md#instagram-pages). */
  postLink: 'a[href*="/p/"], a[href*="/reel/"], a[href*="/tv/"]',
  /** The publication time of a post or comment, inside its permalink. */
  time: 'time[datetime]',
  /** Shown only on the viewer's own profile: language-neutral proof the profile is theirs. */
  editProfileLink: 'a[href^="/accounts/edit"], a[href^="https://www.instagram.com/accounts/edit"]',
  /** A post's header, where its owner link and time sit. */
  header: 'header',
  /** A post page's caption (2023– shape). */
  caption: 'h1',
  /** Text runs of captions and comments. */
  text: '[dir="auto"]',
  /** 2020–21 comment rows keep their text in a plain span, with no `dir`. */
  plainText: 'span',
  /** Like and reply buttons under a comment: their words are not its text. */
  control: 'button, [role="button"]',
  /** One row of the comment list (2020–24 shape: `ul > div[role=button] > li`). */
  commentRow: 'li',
  /** Settings toggles: an input checkbox (optionally role=switch) or an ARIA switch. */
  toggle: 'input[type="checkbox"], [role="switch"][aria-checked]',
  /** Attributes a reading comes from: the toggle's state and labels (a flipped switch changes only aria-checked). */
  labelAttributes: ['aria-label', 'alt', 'aria-checked', 'checked'],
  /** A toggle's label element, around it or pointing at it with `for`. */
  label: 'label',
  labelFor: 'label[for]',
  /** Embedded data: data-sjs JSON blocks and inline scripts. */
  dataScript: 'script[type="application/json"], script:not([src])',
} as const;

/** Data keys of the page's embedded JSON and of profile / GraphQL responses. */
export const IG_DATA = {
  /** The logged-in user's id, readable by page scripts (docs/FACTS.md#instagram-viewer). */
  viewerCookie: 'ds_user_id',
  /** `"viewerId":"123"` in the shared config (XIGSharedData raw config, older window._sharedData). */
  viewerIdKey: 'viewerId',
  /** A `define` tuple `["PolarisViewer",[],{"data":{…user…},"id":"123"},7365]`; logged out: id null. */
  viewerModule: 'PolarisViewer',
  /** The PolarisViewer config's fields: the viewer's id and user object. */
  viewerModuleId: 'id',
  viewerModuleUser: 'data',
  /** 2018–22 `_sharedData` / XIGSharedData config: `{"config":{"viewer":{"id":"123",…}}}`; logged out: null. */
  sharedConfig: 'config',
  sharedConfigViewer: 'viewer',
  /** Every shared config carries its csrf_token beside the viewer: any other `config.viewer` is not it. */
  sharedConfigMarker: 'csrf_token',
  /** GraphQL answers (2024–): `data.xdt_viewer.user.id` is the logged-in user's id. */
  answerViewer: 'xdt_viewer',
  answerViewerUser: 'user',
  /** Keys whose string value is itself JSON (XIGSharedData `{"raw":"{\"config\":…}"}`). */
  nestedJsonKeys: ['raw'],
  /** A user's id: v1 API `pk` / `pk_id`, GraphQL `id`. */
  userIdKeys: ['pk', 'pk_id', 'id'],
  isPrivate: 'is_private',
  professionalFlags: ['is_professional_account', 'is_business_account'],
  /** v1 API `account_type`: 1 personal, 2 business, 3 creator. */
  accountType: 'account_type',
  professionalAccountTypes: [2, 3],
  /** Objects that carry `is_private` but describe a relation, not an account. */
  notAccountKeys: ['friendship_status'],
  /** A media object: v1 `code`, GraphQL `shortcode`; its owner is `user` (v1) or `owner` (GraphQL). */
  mediaCodeKeys: ['code', 'shortcode'],
  mediaOwnerKeys: ['user', 'owner'],
  /** `product_type` of a reel is `clips`. IGTV (`igtv`) pages now open as posts. */
  productType: 'product_type',
  reelProductTypes: ['clips'],
  /** Seconds since the epoch. */
  takenAtKeys: ['taken_at', 'taken_at_timestamp'],
  /** v1 `caption.text`; GraphQL `edge_media_to_caption.edges[0].node.text`. */
  caption: 'caption',
  graphCaption: 'edge_media_to_caption',
  captionText: 'text',
  /** Other keys a media object carries, telling it from any object with a `code`. */
  mediaMarkers: ['media_type', 'product_type', 'taken_at', 'taken_at_timestamp', 'display_url', 'image_versions2'],
  username: 'username',
  fullName: 'full_name',
} as const;

/** Address shapes. */
export const IG_PATHS = {
  origin: SITES.instagram.origin,
  /** Path segments that name a post: `/p/CODE/`, `/reel/CODE/`, `/tv/CODE/` (also after `/<username>`). */
  postSegments: { p: 'post', reel: 'reel', tv: 'post' } as Record<string, 'post' | 'reel'>,
  /** A comment's permalink: `/p/CODE/c/<comment id>/` and a reply's `/p/CODE/c/<id>/r/<reply id>/`. */
  commentSegment: 'c',
  replySegment: 'r',
  /** Profile tabs that list the profile's own posts (not `tagged/`, `saved/`: other people's posts). */
  ownPostTabs: ['', 'reels', 'posts'],
  /** The account privacy setting (docs/FACTS.md#fixing-exposure). */
  privacySettings: '/accounts/privacy_setting/',
  shortcode: /^[A-Za-z0-9_-]{5,60}$/,
  username: /^[A-Za-z0-9._]{1,30}$/,
  numericId: /^\d{1,30}$/,
  /** An account id: never 0 (`CurrentUserInitialData.USER_ID` is "0" whether logged in or not). */
  userId: /^[1-9]\d{0,29}$/,
} as const;

/** First path segments that are site sections, never a username. */
export const RESERVED_PATHS = new Set([
  'p',
  'reel',
  'reels',
  'tv',
  'igtv',
  'explore',
  'accounts',
  'direct',
  'stories',
  'about',
  'legal',
  'developer',
  'web',
  'api',
  'graphql',
  'challenge',
  'emails',
  'session',
  'privacy',
  'help',
  'locations',
  'topics',
  'ar',
  'your_activity',
  'notifications',
  'create',
  'lite',
  'static',
  'oauth',
  'nametag',
  'invites',
  'terms',
  'press',
  'blog',
  'download',
  'embed',
  'tags',
  'archive',
  'settings',
  'threads',
  'meta-verified',
]);

/**
 * The label of the "Private account" toggle on the privacy settings page, per UI language, matched
 * whole and case-insensitively. Unverified (2025): none was read off a saved settings page yet, so a
 * label not listed here leaves the toggle unread (counted in diagnostics), never guessed.
 */
export const PRIVATE_ACCOUNT_LABELS: Record<string, readonly string[]> = {
  en: ['Private account', 'Private Account'],
  de: ['Privates Konto'],
  fr: ['Compte privé'],
  it: ['Account privato'],
  es: ['Cuenta privada'],
  pt: ['Conta privada'],
  nl: ['Privéaccount', 'Privé-account'],
  pl: ['Konto prywatne'],
  sv: ['Privat konto'],
  da: ['Privat konto'],
  fi: ['Yksityinen tili'],
  cs: ['Soukromý účet'],
  sk: ['Súkromný účet'],
  hu: ['Privát fiók'],
  ro: ['Cont privat'],
  bg: ['Поверителен профил', 'Личен профил'],
  el: ['Ιδιωτικός λογαριασμός'],
  hr: ['Privatni račun'],
  sl: ['Zasebni račun'],
  et: ['Privaatkonto'],
  lv: ['Privāts konts'],
  lt: ['Privati paskyra'],
};

/** Where a full-history scan must stop (see FB_SCAN_STOPS): login, challenge, or "please wait". */
export const IG_SCAN_STOPS = {
  loginPath: /^\/accounts\/login(\/|$)/,
  checkpointPath: /^\/(challenge|accounts\/suspended)(\/|$)/,
  rateLimit: /Please wait a few minutes before you try again|"spam"\s*:\s*true/,
} as const;
