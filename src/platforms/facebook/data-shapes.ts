import type { FacebookAudience } from '../../core';

/**
 * Every name this project knows in Facebook's page data and GraphQL answers (docs/FACTS.md, from
 * #facebook-audience-data to #facebook-viewer). Matched by name, never by an array index: sections move.
 */
export const FB_DATA = {
  storyTypename: 'Story',
  /**
   * A story's own audience section: `AudienceStrategy` on other people's posts, `PrivacySelectorStrategy`
   * on the viewer's own (editable) posts; found at `comet_sections.audience` or in
   * `comet_sections.context_layout.story.comet_sections.metadata[]`.
   */
  audienceStrategyTypenames: ['CometFeedStoryAudienceStrategy', 'CometFeedStoryPrivacySelectorStrategy'] as readonly string[],
  /** Keys under which a story carries another story (a reshared original): never this story's audience. */
  otherStoryKeys: ['attached_story', 'attached_story_layout'] as readonly string[],
  /** Keys under which a story may carry a story: the same story (a reel is its own `fb_shorts_story`) or an attached one. */
  embeddedStoryKeys: ['fb_shorts_story', 'shareable_from_perspective_of_feed_ufi'] as readonly string[],
  /**
   * Subtrees that are never about the story's audience: a saved-items collection's own privacy
   * (`save_info…privacy_scope.selected_option` "Only me" in menu answers) and the comments.
   */
  notAudienceKeys: ['save_info', 'feedback', 'story_ufi_container'] as readonly string[],
  /**
   * `privacy_scope.privacy_scope_renderer.privacy_row_input.base_state` of editable (own) posts.
   * FRIENDS with a non-empty `deny` is "Friends except"; SELF with a non-empty `allow` is specific
   * friends, close friends or a custom list (`SELF_WITH_ALLOW`).
   */
  baseStates: {
    EVERYONE: 'public',
    FRIENDS: 'friends',
    FRIENDS_OF_FRIENDS: 'friends_of_friends',
    SELF: 'only_me',
  } as Record<string, FacebookAudience>,
  friendsWithDeny: 'friends_except' as FacebookAudience,
  selfWithAllow: 'custom' as FacebookAudience,
  /**
   * `privacy_scope.icon_image.name`, language-neutral; seen in real answers: everyone, friends,
   * friends_of_friends, only_me, custom, close_friends_v2, group. Only `everyone` decides alone: `custom` is seen
   * with the description "Public" on Pages' posts, so a name never says "not public" by itself; the
   * others only confirm what the description or the renderer says.
   */
  publicIconNames: ['everyone'] as readonly string[],
  iconNames: {
    everyone: 'public',
    friends: 'friends',
    friends_of_friends: 'friends_of_friends',
    only_me: 'only_me',
  } as Record<string, FacebookAudience>,
  /** Icon names seen whose audience only the description says (a group's, a custom list's, close friends'). */
  describedIconNames: ['custom', 'group', 'close_friends_v2'] as readonly string[],
  /** Graph API privacy values (legacy_graph_api_privacy_json.value, privacy_scope.type). */
  legacyValues: {
    EVERYONE: 'public',
    FRIENDS_OF_FRIENDS: 'friends_of_friends',
    ALL_FRIENDS: 'friends',
    SELF: 'only_me',
    CUSTOM: 'custom',
  } as Record<string, FacebookAudience>,
  /** An audience edit's answer: `data.privacy_selector_save.privacy_scope…`. */
  privacySaveKey: 'privacy_selector_save',
  /** `privacy_write_id` and the renderer's `id`: base64 of `privacy_scope_renderer:{"id":<post id>}`. */
  writeIdPrefix: 'privacy_scope_renderer:',
  /** A Story's `id`: base64 of `S:_I<owner id>:<post id>:<post id>` (or `S:_I<owner id>:VK:<post id>`). */
  storyIdPrefix: 'S:_I',
  /** Who is logged in: the `c_user` cookie, else `USER_ID` in the data ("0" = logged out). */
  viewerCookie: 'c_user',
  loggedOutUserId: '0',
} as const;
