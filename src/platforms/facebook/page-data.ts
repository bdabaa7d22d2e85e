import type { FacebookAudience } from '../../core';
import { LIMITS, plausibleTime, SiteUrlSchema } from '../../core';
import { extractJsonValues, walkObjects } from '../embedded-json';
import type { AudienceVocabularyIndex } from './audience-vocabulary';
import { FB_DATA } from './selectors';
import { permalinkOf } from './links';

/** What the page's data says about one story (post). */
export interface DataStory {
  postId: string;
  url?: string;
  /** The permalink key of `url`, to match the rendered post whose links carry it. */
  permalinkKey?: string;
  ownerId?: string;
  ownerName?: string;
  audience: FacebookAudience | 'unknown';
  /** The data name or text the audience was read from. */
  audienceSource?: string;
  publishedAt?: number;
  excerpt?: string;
  /** The story it reshares, whose audience must never be taken for this one's. */
  attachedPostId?: string;
}

export interface DataViewer {
  userId?: string;
  name?: string;
  /** Profile URLs of users the data names, by id: finds the viewer's username. */
  profileUrls: Map<string, string>;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);

/** Walks one story's own fields, never descending into another story (a reshared original). */
function ownFields(story: Json, visit: (object: Json, key: string | undefined) => void): void {
  walkObjects(story, (object, key) => {
    if (object === story) return true;
    if (key === 'attached_story') return false;
    if (object.__typename === FB_DATA.storyTypename && object.id !== story.id) return false;
    visit(object, key);
    return true;
  });
}

/** The audience of a privacy_scope-like object; the data's names first, its localized text last. */
function audienceOfPrivacy(
  scope: Json,
  vocabulary: AudienceVocabularyIndex,
  lang: string | undefined,
  unread: (label: string) => void,
): { audience: FacebookAudience | 'unknown'; source?: string } {
  const icon = isObject(scope.icon_image) ? str(scope.icon_image.name) : undefined;
  if (icon) {
    const known = FB_DATA.iconNames[icon];
    if (known) return { audience: known, source: `icon_image.name=${icon}` };
    unread(`icon_image.name=${icon}`);
  }
  const type = str(scope.type);
  if (type) {
    const known = FB_DATA.legacyValues[type.toUpperCase()];
    if (known) return { audience: known, source: `privacy_scope.type=${type}` };
    unread(`privacy_scope.type=${type}`);
  }
  const description = str(scope.description);
  if (description) {
    const read = vocabulary.resolve(description, lang);
    if (read.kind === 'resolved') return { audience: read.audience, source: `description=${description}` };
    unread(`description=${description}`);
  }
  return { audience: 'unknown' };
}

function legacyAudience(value: unknown): { audience: FacebookAudience; source: string } | undefined {
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  const name = isObject(parsed) ? str(parsed.value) : undefined;
  const known = name ? FB_DATA.legacyValues[name] : undefined;
  return known && name ? { audience: known, source: `legacy_graph_api_privacy_json=${name}` } : undefined;
}

function readStory(
  story: Json,
  vocabulary: AudienceVocabularyIndex,
  lang: string | undefined,
  unread: (label: string) => void,
): DataStory | null {
  const postId = str(story.post_id);
  if (!postId || postId.length > LIMITS.idLength) return null;
  const found: DataStory = { postId, audience: 'unknown' };
  let privacy: Json | undefined;
  let legacy: ReturnType<typeof legacyAudience>;
  // The permalink sits on the story's sections (`metadata[].story.url`, `content.story.wwwURL`),
  // never on its actors, whose `url` is their profile.
  let url = str(story.url) ?? str(story.permalink_url) ?? str(story.wwwURL);
  if (isObject(story.attached_story)) found.attachedPostId = str(story.attached_story.post_id);
  ownFields(story, (object, key) => {
    if (!privacy && object.__typename === FB_DATA.audienceStrategyTypename) {
      const inner = isObject(object.story) ? object.story.privacy_scope : undefined;
      if (isObject(inner)) privacy = inner;
    }
    if (!privacy && key === 'privacy_scope') privacy = object;
    if (!legacy && 'legacy_graph_api_privacy_json' in object) legacy = legacyAudience(object.legacy_graph_api_privacy_json);
    if (!found.ownerId && Array.isArray(object.actors) && isObject(object.actors[0])) {
      found.ownerId = str(object.actors[0].id);
      found.ownerName = str(object.actors[0].name);
    }
    // An impossible date (before 2000, not a whole second) is the data's mistake or a forgery: left out.
    if (found.publishedAt === undefined && typeof object.creation_time === 'number') {
      const time = plausibleTime(object.creation_time * 1000);
      if (time !== undefined) found.publishedAt = time;
    }
    if (!found.excerpt && key === 'message' && str(object.text)) found.excerpt = str(object.text)!.slice(0, LIMITS.excerptLength);
    if (!url && key === 'story') url = str(object.url) ?? str(object.wwwURL);
  });
  if (url) {
    const permalink = permalinkOf(url, 'https://www.facebook.com/');
    // A permalink is rebuilt on facebook.com; any other address is kept only if it is on the site.
    const onSite = permalink?.url ?? (SiteUrlSchema.safeParse(url).success ? url : undefined);
    if (onSite) found.url = onSite;
    found.permalinkKey = permalink?.postId;
  }
  if (privacy) {
    const read = audienceOfPrivacy(privacy, vocabulary, lang, unread);
    found.audience = read.audience;
    found.audienceSource = read.source;
  }
  if (found.audience === 'unknown' && legacy) {
    found.audience = legacy.audience;
    found.audienceSource = legacy.source;
  }
  return found;
}

/** Keeps what the page's data says: the stories by post id and by permalink key, and the viewer. */
export class FacebookPageData {
  readonly stories = new Map<string, DataStory>();
  private readonly byPermalink = new Map<string, DataStory>();
  readonly viewer: DataViewer = { profileUrls: new Map() };

  constructor(
    private readonly vocabulary: AudienceVocabularyIndex,
    private readonly lang: string | undefined,
    private readonly unread: (label: string) => void,
  ) {}

  /** Reads one script's or one response's text; cheap string checks skip the many that carry no story. */
  readText(text: string): void {
    const hasStory = text.includes('"post_id"');
    const hasViewer = text.includes('"USER_ID"') || text.includes('"actorID"');
    if (!hasStory && !hasViewer) return;
    for (const value of extractJsonValues(text)) this.readValue(value, hasStory);
  }

  private readValue(value: unknown, hasStory: boolean): void {
    walkObjects(value, (object) => {
      const userId = str(object.USER_ID) ?? str(object.actorID);
      if (userId && !this.viewer.userId) this.viewer.userId = userId;
      if (str(object.USER_ID) && str(object.NAME) && !this.viewer.name) this.viewer.name = str(object.NAME);
      if (object.__typename === 'User' && str(object.id) && str(object.url))
        this.viewer.profileUrls.set(object.id as string, object.url as string);
      if (hasStory && object.__typename === FB_DATA.storyTypename && str(object.post_id)) {
        const story = readStory(object, this.vocabulary, this.lang, this.unread);
        if (story) this.remember(story);
      }
      return true;
    });
  }

  /** The same story shows up in several blocks: keep the most informed reading. */
  private remember(story: DataStory): void {
    const known = this.stories.get(story.postId);
    const merged: DataStory = known
      ? {
          ...story,
          ...Object.fromEntries(Object.entries(known).filter(([, v]) => v !== undefined)),
          // A later reading that knows the audience wins: the user may have changed it since.
          audience: story.audience !== 'unknown' ? story.audience : known.audience,
          audienceSource: story.audience !== 'unknown' ? story.audienceSource : known.audienceSource,
        }
      : story;
    this.stories.set(story.postId, merged);
    if (merged.permalinkKey) this.byPermalink.set(merged.permalinkKey, merged);
  }

  /** The story a rendered post is, by any of the post ids or permalink keys its links carry. */
  storyFor(keys: Iterable<string>): DataStory | undefined {
    for (const key of keys) {
      const story = this.stories.get(key) ?? this.byPermalink.get(key);
      if (story) return story;
    }
    return undefined;
  }
}
