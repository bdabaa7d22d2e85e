/**
 * Everything this project knows about facebook.com's markup (FACTS.md §3). Attribute and role
 * selectors only: class names are generated and rotate.
 */
export const FB = {
  /** Posts and comments are both `role="article"`; only feed posts carry `aria-posinset`. */
  article: '[role="article"]',
  feedUnit: '[data-pagelet^="FeedUnit"]',
  profileTimeline: '[data-pagelet="ProfileTimeline"]',
  /** Containers of one post outside the feed: permalink and photo pages, group discussions. */
  postContainer: '[role="article"], [data-pagelet^="FeedUnit"]',
  /** The author's name heading; the first one in a post is the post's own actor. */
  actorHeading: 'h2, h3, h4, [data-ad-rendering-role="profile_name"]',
  /** The audience icon's text: svg title (2022–25), role=img aria-label (2020–21), img alt. */
  audienceIcon: 'svg title, svg[aria-label], [role="img"][aria-label], img[alt], a[aria-label]',
  message: '[data-ad-preview="message"], [data-ad-comet-preview="message"]',
  /** Where a post's header ends: its message, or a comment. */
  headerEnd: '[data-ad-preview="message"], [data-ad-comet-preview="message"], [role="article"]',
  link: 'a[href]',
  commentText: '[dir="auto"]',
  /** Embedded data: data-sjs JSON blocks and inline scripts that carry Relay payloads. */
  dataScript: 'script[type="application/json"][data-sjs], script:not([src])',
  navigation: '[role="navigation"] a[href], [role="banner"] a[href]',
  coverPhoto: 'img[data-imgperflogname="profileCoverPhoto"]',
  profilePicture: '[data-pagelet="ProfileActions"], svg[role="img"] image, [data-imgperflogname="profilePhoto"]',
  profileHeader: '[data-pagelet="ProfileTilesFeed_0"], [data-pagelet="ProfileCometHeader"], [role="main"] h1',
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
 * data answered "slow down" (GraphQL error 1675004; reported by scrapers, not in FACTS.md — a false
 * alarm only pauses a scan the user can resume).
 */
export const FB_SCAN_STOPS = {
  loginPath: /^\/login(\.php)?(\/|$)/,
  checkpointPath: /^\/checkpoint(\/|$)/,
  rateLimit: /"code"\s*:\s*1675004\b|Rate limit exceeded/,
} as const;
