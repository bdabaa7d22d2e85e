const ACTOR_HEADING = 'h2, h3, h4, [data-ad-rendering-role="profile_name"]';
/**
 * The audience icon's text: svg title (2022–25), role=img aria-label (2020–21), img alt, a link's
 * aria-label; on the viewer's own posts a button that opens the audience selector ("Edit privacy.
 * Sharing with Public.", 2024–25).
 */
const AUDIENCE_ICON = 'svg title, svg[aria-label], [role="img"][aria-label], img[alt], a[aria-label], [role="button"][aria-label]';
const MESSAGE = '[data-ad-preview="message"], [data-ad-comet-preview="message"]';
/**
 * Elements that are nothing but the audience icon (classic 2016–19: the own post's audience
 * button, others' role=img, a Page's `fbPrivacyAudienceIndicator` link; m.facebook.com's audience
 * sigil, 2021): the first one in a header is the post's, read or not, never a reshared original's.
 */
const CLASSIC_AUDIENCE_ONLY =
  'a[data-testid^="privacy_selector_"], [role="img"][data-tooltip-content], a.fbPrivacyAudienceIndicator, [data-sigil="audience-icon"] [aria-label]';
/**
 * The classic post's text (2017–19 data-testid; 2013–19 `userContent`, a legacy class: its
 * `data-ft` code "K" differs only in case from a name link's "k", which jsdom confuses) and
 * m.facebook.com's (`data-ft` code "*s"; no colon in the value, which jsdom matches slowly).
 */
const CLASSIC_MESSAGE = `${MESSAGE}, [data-testid="post_message"], .userContent, [data-ft*='"*s"']`;

/**
 * Everything this project knows about facebook.com's markup (docs/FACTS.md#facebook-markup). Attribute and role
 * selectors only: class names are generated and rotate (the few classic ones here are hand-written
 * legacy names, not generated).
 */
export const FB = {
  /** Posts and comments are both `role="article"`; only feed posts carry `aria-posinset`. */
  article: '[role="article"]',
  feedUnit: '[data-pagelet^="FeedUnit"]',
  /**
   * Containers of one post outside the feed: permalink and photo pages, group discussions; the
   * classic site's story (2013–19: `userContentWrapper`, a hand-written class name, not a generated
   * one, the only mark of a story without role=article) and m.facebook.com's story (2021).
   */
  postContainer: '[role="article"], [data-pagelet^="FeedUnit"], .userContentWrapper, [data-sigil~="story-div"]',
  /** The author's name heading; the first one in a post is the post's own actor. */
  actorHeading: ACTOR_HEADING,
  audienceIcon: AUDIENCE_ICON,
  /** What the user presses to change a post's audience: the icon's button or link (docs/FACTS.md#facebook-audience-edits). */
  audienceControl: '[role="button"], button, a[href]',
  message: MESSAGE,
  /** Where a post's header ends: its message, or a comment (or a nested story, behind a context line). */
  headerEnd: `${MESSAGE}, [role="article"]`,
  /**
   * A classic (2013–19: legacy class names, `fbUserContent` in 2017) or m.facebook.com (2021) story,
   * whose header is read with the classic parts below too; the current site's posts are spared their
   * cost. A story with neither mark is read with them when no current heading is found.
   */
  classicStory: '.userContentWrapper, .fbUserContent, [data-sigil~="story-div"]',
  /** Classic authors: an h5 (an h6 in a story nested behind a context line). */
  classicActorHeading: `${ACTOR_HEADING}, h5[data-ft], h6[data-ft]`,
  /** Classic audience elements, some of which carry only a tooltip. */
  classicAudienceIcon: `${AUDIENCE_ICON}, ${CLASSIC_AUDIENCE_ONLY}`,
  classicAudienceOnly: CLASSIC_AUDIENCE_ONLY,
  classicMessage: CLASSIC_MESSAGE,
  classicHeaderEnd: `${CLASSIC_MESSAGE}, [role="article"]`,
  /** The classic site's tooltip text, where an audience button has no aria-label. */
  tooltipAttribute: 'data-tooltip-content',
  link: 'a[href]',
  /** Where an audience label lives in an attribute (svg titles and link texts are text, watched as such). */
  labelAttributes: ['aria-label', 'alt', 'data-tooltip-content'],
  /** A comment's text blocks: Comet's dir=auto, the classic comment body (2016–19, a legacy class). */
  commentText: '[dir="auto"], .UFICommentBody',
  /** The classic site's hover card address on a name link: it carries the numeric id a username link lacks. */
  hovercardAttribute: 'data-hovercard',
  /** Embedded data: data-sjs JSON blocks and inline scripts that carry Relay payloads. */
  dataScript: 'script[type="application/json"][data-sjs], script:not([src])',
  navigation: '[role="navigation"] a[href], [role="banner"] a[href]',
  coverPhoto: 'img[data-imgperflogname="profileCoverPhoto"]',
  profilePicture: '[data-pagelet="ProfileActions"], svg[role="img"] image, [data-imgperflogname="profilePhoto"]',
} as const;

/** Path segments that are site sections, never a person's username. */
export const RESERVED_PATHS = new Set([
  'groups',
  'pages',
  'watch',
  'marketplace',
  'gaming',
  'events',
  'photo',
  'photo.php',
  'photos',
  'videos',
  'reel',
  'reels',
  'stories',
  'story.php',
  'permalink.php',
  'profile.php',
  'people',
  'hashtag',
  'help',
  'settings',
  'privacy',
  'me',
  'friends',
  'notifications',
  'messages',
  'bookmarks',
  'search',
  'login',
  'login.php',
  'checkpoint',
  'l.php',
  'sharer',
  'share',
  'media',
  'saved',
  'memories',
  'home.php',
  'posts',
]);

/**
 * Where a full-history scan must stop: Facebook sent the user to log in or to a checkpoint, or its
 * data answered "slow down" (GraphQL error 1675004; reported by scrapers, unverified: docs/FACTS.md#facebook-network — a false
 * alarm only pauses a scan the user can resume).
 */
export const FB_SCAN_STOPS = {
  loginPath: /^\/login(\.php)?(\/|$)/,
  checkpointPath: /^\/checkpoint(\/|$)/,
  rateLimit: /"code"\s*:\s*1675004\b|Rate limit exceeded/,
} as const;
