import type { FacebookAudience } from '../../core';
import { LIMITS, plausibleTime, SITES, SiteUrlSchema } from '../../core';
import { extractJsonValues, jsonDocuments, walkObjects } from '../embedded-json';
import type { AudienceVocabularyIndex } from './audience-vocabulary';
import { FB_DATA } from './data-shapes';
import { permalinkOf } from './links';
import { audienceOfPrivacyScope, legacyAudience, type ScopeReading } from './privacy-scope';
import { postIdOfWriteId, storyIdParts } from './story-identity';

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
  /** When the audience was last read as new (the page data's clock): a newer reading of another signal beats it. */
  audienceAt: number;
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

/** Links in the data are read against the site's home page. */
const FACEBOOK_HOME = `${SITES.facebook.origin}/`;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);

/** Is this object a story, and which post is it? Sections that repeat the story (`content.story`) are the same post. */
function storyKeyOf(object: Json, key: string | undefined): { postId: string; ownerId?: string } | undefined {
  const typed = object.__typename === FB_DATA.storyTypename;
  const shaped = object.__typename === undefined && isObject(object.comet_sections);
  const embedded = key !== undefined && (FB_DATA.embeddedStoryKeys.includes(key) || FB_DATA.otherStoryKeys.includes(key));
  if (!typed && !shaped && !embedded) return undefined;
  const fromId = storyIdParts(object.id);
  const postId = str(object.post_id) ?? fromId?.postId;
  if (!postId || postId.length > LIMITS.idLength) return undefined;
  return fromId ? { postId, ownerId: fromId.ownerId } : { postId };
}

/** The post id an object names when it is a story of any kind (used to tell this story from others). */
function postIdOf(object: Json): string | undefined {
  return str(object.post_id) ?? storyIdParts(object.id)?.postId;
}

/**
 * Walks one story's own fields, the story itself included, never descending into another story
 * (a reshared original, a shared reel), a saved-items collection or the comments.
 */
function ownFields(story: Json, postId: string, visit: (object: Json, key: string | undefined) => void): void {
  walkObjects(story, (object, key) => {
    if (object !== story && key !== undefined) {
      if (FB_DATA.otherStoryKeys.includes(key) || FB_DATA.notAudienceKeys.includes(key)) return false;
      // A nested story is this one only when it says so (a reel is its own fb_shorts_story).
      const nested = postIdOf(object);
      if (FB_DATA.embeddedStoryKeys.includes(key) && nested !== postId) return false;
      if (nested !== undefined && nested !== postId && (object.__typename === FB_DATA.storyTypename || isObject(object.comet_sections)))
        return false;
    }
    visit(object, key);
    return true;
  });
}

/** The first of the readings that knows the audience; two that disagree say nothing (unknown). */
function agreed(readings: ScopeReading[], unread: (label: string) => void): ScopeReading | undefined {
  const known = readings.filter((r) => r.audience !== 'unknown');
  if (known.length === 0) return undefined;
  if (known.some((r) => r.audience !== known[0]!.audience)) {
    unread(`conflicting audiences: ${known.map((r) => r.source).join(' / ')}`);
    return { audience: 'unknown' };
  }
  return known[0];
}

type StoryReading = Omit<DataStory, 'audienceAt'>;

function readStory(
  story: Json,
  identity: { postId: string; ownerId?: string },
  vocabulary: AudienceVocabularyIndex,
  lang: string | undefined,
  unread: (label: string) => void,
): StoryReading {
  const { postId } = identity;
  const found: StoryReading = { postId, audience: 'unknown' };
  // Strongest first: the story's audience section, then any privacy_scope of its own, then the legacy field.
  const sections: ScopeReading[] = [];
  const scopes: ScopeReading[] = [];
  let legacy: ScopeReading | undefined;
  const read = (scope: Json) => audienceOfPrivacyScope(scope, vocabulary, lang, unread);
  // The permalink sits on the story's sections (`metadata[].story.url`, `content.story.wwwURL`),
  // never on its actors, whose `url` is their profile.
  let url = str(story.url) ?? str(story.permalink_url) ?? str(story.wwwURL);
  if (isObject(story.attached_story)) found.attachedPostId = postIdOf(story.attached_story);
  // The story's own actors first: the feed-unit shape keeps its author only there.
  let actor = Array.isArray(story.actors) && isObject(story.actors[0]) ? story.actors[0] : undefined;
  ownFields(story, postId, (object, key) => {
    if (typeof object.__typename === 'string' && FB_DATA.audienceStrategyTypenames.includes(object.__typename)) {
      const scope = isObject(object.story) ? object.story.privacy_scope : undefined;
      if (isObject(scope)) sections.push(read(scope));
    } else if (key === 'privacy_scope') scopes.push(read(object));
    if (!legacy && 'legacy_graph_api_privacy_json' in object) legacy = legacyAudience(object.legacy_graph_api_privacy_json);
    if (!actor && Array.isArray(object.actors) && isObject(object.actors[0])) actor = object.actors[0];
    // An impossible date (before 2000, not a whole second) is the data's mistake or a forgery: left out.
    if (found.publishedAt === undefined && typeof object.creation_time === 'number') {
      const time = plausibleTime(object.creation_time * 1000);
      if (time !== undefined) found.publishedAt = time;
    }
    if (!found.excerpt && key === 'message' && str(object.text)) found.excerpt = str(object.text)!.slice(0, LIMITS.excerptLength);
    if (!url && key === 'story') url = str(object.url) ?? str(object.wwwURL);
  });
  const ownerId = str(actor?.id) ?? identity.ownerId;
  if (ownerId) found.ownerId = ownerId;
  const ownerName = str(actor?.name);
  if (ownerName) found.ownerName = ownerName;
  if (url) {
    const permalink = permalinkOf(url, FACEBOOK_HOME);
    // A permalink is rebuilt on facebook.com; any other address is kept only if it is on the site.
    const onSite = permalink?.url ?? (SiteUrlSchema.safeParse(url).success ? url : undefined);
    if (onSite) found.url = onSite;
    if (permalink?.postId) found.permalinkKey = permalink.postId;
  }
  const decided = agreed(sections, unread) ?? agreed(scopes, unread) ?? legacy;
  if (decided && decided.audience !== 'unknown') {
    found.audience = decided.audience;
    if (decided.source) found.audienceSource = decided.source;
  }
  return found;
}

/** Markers of a text worth parsing; most of a page's scripts carry none. */
const STORY_MARKERS = ['"post_id"', '"__typename":"Story"', `"${FB_DATA.privacySaveKey}"`];
const VIEWER_MARKERS = ['"USER_ID"', '"actorID"'];

/**
 * Keeps what the page's data says, for as long as the tab shows the site: the stories by post id
 * and by permalink key, the audience edits the user saved, and the viewer.
 */
export class FacebookPageData {
  readonly stories = new Map<string, DataStory>();
  private readonly byPermalink = new Map<string, DataStory>();
  readonly viewer: DataViewer = { profileUrls: new Map() };
  /** Orders readings of every signal (data, answers, labels): the newest wins. */
  private clock = 0;
  /** The label each rendered post showed, and since when (0: since it was first seen). */
  private readonly labels = new Map<string, { audience: string; at: number }>();

  constructor(
    private readonly vocabulary: AudienceVocabularyIndex,
    private readonly lang: string | undefined,
    private readonly unread: (label: string) => void,
  ) {}

  tick(): number {
    this.clock += 1;
    return this.clock;
  }

  /** Reads one script's text: whole JSON, or the JSON values inside a script. */
  readText(text: string): void {
    const hasStory = STORY_MARKERS.some((marker) => text.includes(marker));
    const hasViewer = VIEWER_MARKERS.some((marker) => text.includes(marker));
    if (!hasStory && !hasViewer) return;
    for (const value of extractJsonValues(text)) this.readValue(value, hasStory);
  }

  /** Reads a network answer: one JSON document, pretty-printed or not, or several, one a line. */
  readAnswer(text: string): void {
    for (const document of jsonDocuments(text)) this.readText(document);
  }

  private readValue(value: unknown, hasStory: boolean): void {
    walkObjects(value, (object, key) => {
      const userId = str(object.USER_ID) ?? str(object.actorID);
      if (userId && !this.viewer.userId) this.viewer.userId = userId;
      if (str(object.USER_ID) && str(object.NAME) && !this.viewer.name) this.viewer.name = str(object.NAME);
      if (object.__typename === 'User' && str(object.id) && str(object.url))
        this.viewer.profileUrls.set(object.id as string, object.url as string);
      if (!hasStory) return true;
      if (key === FB_DATA.privacySaveKey) {
        this.readAudienceEdit(object);
        return false;
      }
      const identity = storyKeyOf(object, key);
      if (identity) this.remember(readStory(object, identity, this.vocabulary, this.lang, this.unread));
      return true;
    });
  }

  /** The answer to the user saving a post's audience: the post is known by its `privacy_write_id`. */
  private readAudienceEdit(save: Json): void {
    let postId: string | undefined;
    let scope: Json | undefined;
    walkObjects(save, (object, key) => {
      postId ??= postIdOfWriteId(object.privacy_write_id) ?? postIdOfWriteId(object.id);
      if (!scope && key === 'privacy_scope') scope = object;
      return true;
    });
    if (!postId || !scope) return;
    const read = audienceOfPrivacyScope(scope, this.vocabulary, this.lang, this.unread);
    if (read.audience === 'unknown') return;
    const edit: StoryReading = { postId, audience: read.audience };
    if (read.source) edit.audienceSource = read.source;
    this.remember(edit);
  }

  /** The same story shows up in several blocks: keep the most informed reading, the newest audience. */
  private remember(story: StoryReading): void {
    const known = this.stories.get(story.postId);
    if (!known) {
      const fresh: DataStory = { ...story, audienceAt: story.audience === 'unknown' ? 0 : this.tick() };
      this.stories.set(story.postId, fresh);
      if (fresh.permalinkKey) this.byPermalink.set(fresh.permalinkKey, fresh);
      return;
    }
    for (const [field, value] of Object.entries(story) as [keyof StoryReading, unknown][]) {
      if (value === undefined || field === 'audience' || field === 'audienceSource') continue;
      if ((known as unknown as Record<string, unknown>)[field] === undefined) Object.assign(known, { [field]: value });
    }
    // A later reading that knows the audience wins: the user may have changed it since.
    if (story.audience !== 'unknown' && story.audience !== known.audience) {
      known.audience = story.audience;
      known.audienceAt = this.tick();
      if (story.audienceSource) known.audienceSource = story.audienceSource;
      else delete known.audienceSource;
    }
    if (known.permalinkKey) this.byPermalink.set(known.permalinkKey, known);
  }

  /** The story a rendered post is, by any of the post ids or permalink keys its links carry. */
  storyFor(keys: Iterable<string>): DataStory | undefined {
    for (const key of keys) {
      const story = this.stories.get(key) ?? this.byPermalink.get(key);
      if (story) return story;
    }
    return undefined;
  }

  /**
   * When a post's label last changed while the page was open: 0 while it shows what it showed when
   * first seen, so data read at load (older, but the stronger signal) keeps deciding until then.
   */
  labelChangedAt(postId: string, audience: string): number {
    const known = this.labels.get(postId);
    if (!known) {
      if (this.labels.size >= 20_000) this.labels.clear();
      this.labels.set(postId, { audience, at: 0 });
      return 0;
    }
    if (known.audience !== audience) {
      known.audience = audience;
      known.at = this.tick();
    }
    return known.at;
  }
}
