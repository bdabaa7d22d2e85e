import type { AccountPrivacy, AudienceSource } from '../../core';
import { LIMITS, plausibleTime } from '../../core';
import { extractJsonValues, walkObjects } from '../embedded-json';
import { IG_DATA, IG_PATHS } from './selectors';

/** What the page's data says about one account's privacy. */
export interface AccountReading {
  accountId: string;
  username?: string;
  name?: string;
  privacy: AccountPrivacy;
  professional?: boolean;
  evidence: 'embedded-json' | 'graphql';
  /** The data field that decided, e.g. `is_private=false`, or the rule (a professional account cannot be private). */
  source?: AudienceSource;
  /** When this privacy was first read (the session's clock). */
  seenAt: number;
}

/** A post or reel the data names, by shortcode. */
export interface DataMedia {
  code: string;
  kind: 'post' | 'reel';
  ownerId?: string;
  ownerUsername?: string;
  publishedAt?: number;
  excerpt?: string;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);

/** A user id: a string of digits, or a number JSON kept exact. */
function idOf(value: unknown): string | undefined {
  if (typeof value === 'string' && IG_PATHS.userId.test(value)) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
  return undefined;
}

function userIdOf(object: Json): string | undefined {
  for (const key of IG_DATA.userIdKeys) {
    const id = idOf(object[key]);
    if (id) return id;
  }
  return undefined;
}

const usernameOf = (object: Json): string | undefined => {
  const name = str(object[IG_DATA.username]);
  return name && IG_PATHS.username.test(name) ? name.toLowerCase() : undefined;
};

/** Keys whose presence makes a text worth parsing; the rest of the page's scripts are skipped. */
const MARKERS = [
  IG_DATA.isPrivate,
  IG_DATA.viewerIdKey,
  IG_DATA.viewerModule,
  `"${IG_DATA.sharedConfigViewer}"`,
  IG_DATA.answerViewer,
  IG_DATA.accountType,
  ...IG_DATA.professionalFlags,
  ...IG_DATA.mediaCodeKeys.map((key) => `"${key}"`),
];

/** Professional (business or creator) per the data; undefined when it does not say. */
function professionalOf(object: Json): boolean | undefined {
  let said: boolean | undefined;
  for (const flag of IG_DATA.professionalFlags) {
    if (object[flag] === true) return true;
    if (object[flag] === false) said = false;
  }
  const type = object[IG_DATA.accountType];
  if (typeof type === 'number') return (IG_DATA.professionalAccountTypes as readonly number[]).includes(type);
  return said;
}

/** Keeps what the page's data and responses say: accounts, media, and who the viewer is. */
export class InstagramPageData {
  readonly accounts = new Map<string, AccountReading>();
  readonly media = new Map<string, DataMedia>();
  readonly usernames = new Map<string, string>();
  readonly idsByUsername = new Map<string, string>();
  readonly names = new Map<string, string>();
  /** Every id the data named as the viewer's; two different ones leave the viewer unknown. */
  private readonly viewerIds = new Set<string>();

  constructor(private readonly now: () => number) {}

  /** The viewer the data names, when it names exactly one. */
  get viewerId(): string | undefined {
    return this.viewerIds.size === 1 ? this.viewerIds.values().next().value : undefined;
  }

  private nameViewer(id: string): void {
    if (this.viewerIds.size < 2) this.viewerIds.add(id);
  }

  /** Reads one script's or one response's text. */
  readText(text: string, evidence: AccountReading['evidence']): void {
    if (!MARKERS.some((marker) => text.includes(marker))) return;
    for (const value of extractJsonValues(text)) this.readValue(value, evidence, 0);
  }

  /** A network answer: one JSON document, however it is laid out, else several, one a line (streamed). */
  readAnswer(text: string, evidence: AccountReading['evidence']): void {
    if (!MARKERS.some((marker) => text.includes(marker))) return;
    let whole: unknown;
    try {
      whole = JSON.parse(text);
    } catch {
      for (const line of text.split('\n')) if (line.trim().length > 0) this.readText(line, evidence);
      return;
    }
    this.readValue(whole, evidence, 0);
  }

  private readValue(value: unknown, evidence: AccountReading['evidence'], depth: number): void {
    walkObjects(value, (object, key) => {
      this.readDefines(object);
      const viewerId = idOf(object[IG_DATA.viewerIdKey]) ?? this.viewerIdIn(object, key);
      if (viewerId) this.nameViewer(viewerId);
      for (const nested of IG_DATA.nestedJsonKeys) {
        const text = str(object[nested]);
        if (text && depth < 3 && text.trimStart().startsWith('{')) {
          for (const inner of extractJsonValues(text)) this.readValue(inner, evidence, depth + 1);
        }
      }
      if (key === undefined || !(IG_DATA.notAccountKeys as readonly string[]).includes(key)) this.readAccount(object, evidence);
      this.readMedia(object);
      return true;
    });
  }

  /**
   * The viewer's id where an object names the viewer by its place: the shared config's `viewer`
   * (2018 pages carry no `viewerId`) or an answer's `xdt_viewer.user`. Never any other user object.
   */
  private viewerIdIn(object: Json, key: string | undefined): string | undefined {
    const user =
      key === IG_DATA.sharedConfig && IG_DATA.sharedConfigMarker in object
        ? object[IG_DATA.sharedConfigViewer]
        : key === IG_DATA.answerViewer
          ? object[IG_DATA.answerViewerUser]
          : undefined;
    return isObject(user) ? userIdOf(user) : undefined;
  }

  /** `define` tuples: `["PolarisViewer",[],{"data":{…},"id":"123"},7365]`. */
  private readDefines(object: Json): void {
    for (const value of Object.values(object)) {
      if (!Array.isArray(value)) continue;
      for (const entry of value) {
        if (!Array.isArray(entry) || entry[0] !== IG_DATA.viewerModule || !isObject(entry[2])) continue;
        const config = entry[2];
        const user = config[IG_DATA.viewerModuleUser];
        const id = idOf(config[IG_DATA.viewerModuleId]) ?? (isObject(user) ? userIdOf(user) : undefined);
        if (id) this.nameViewer(id);
      }
    }
  }

  private readAccount(object: Json, evidence: AccountReading['evidence']): void {
    const id = userIdOf(object);
    if (!id) return;
    const username = usernameOf(object);
    if (username) {
      this.usernames.set(id, username);
      this.idsByUsername.set(username, id);
    }
    const name = str(object[IG_DATA.fullName]);
    if (name) this.names.set(id, name.slice(0, LIMITS.nameLength));
    const isPrivate = object[IG_DATA.isPrivate];
    const professional = professionalOf(object);
    if (typeof isPrivate !== 'boolean' && professional === undefined) return;
    // Professional accounts cannot be private: a professional account without is_private is public.
    const privacy: AccountPrivacy = isPrivate === true ? 'private' : isPrivate === false || professional === true ? 'public' : 'unknown';
    const source: AudienceSource | undefined =
      typeof isPrivate === 'boolean' ? `${IG_DATA.isPrivate}=${isPrivate}` : professional ? { rule: 'instagram_professional' } : undefined;
    const known = this.accounts.get(id);
    const reading: AccountReading = known ? { ...known } : { accountId: id, privacy, evidence, seenAt: this.now() };
    if (!known && source) reading.source = source;
    if (username) reading.username = username;
    if (name) reading.name = name.slice(0, LIMITS.nameLength);
    if (professional !== undefined) reading.professional = professional;
    // The latest reading that knows the privacy wins: the user may have changed it since the page loaded.
    if (known && privacy !== 'unknown' && (privacy !== known.privacy || evidence !== known.evidence)) {
      reading.privacy = privacy;
      reading.evidence = evidence;
      reading.seenAt = this.now();
      if (source) reading.source = source;
    }
    this.accounts.set(id, reading);
  }

  private readMedia(object: Json): void {
    let code: string | undefined;
    for (const key of IG_DATA.mediaCodeKeys) code ??= str(object[key]);
    if (!code || !IG_PATHS.shortcode.test(code)) return;
    let owner: Json | undefined;
    for (const key of IG_DATA.mediaOwnerKeys) if (!owner && isObject(object[key])) owner = object[key] as Json;
    if (!owner && !IG_DATA.mediaMarkers.some((key) => key in object)) return;
    const productType = str(object[IG_DATA.productType]);
    const found: DataMedia = {
      code,
      kind: productType && (IG_DATA.reelProductTypes as readonly string[]).includes(productType) ? 'reel' : 'post',
    };
    const ownerId = owner ? userIdOf(owner) : undefined;
    const ownerUsername = owner ? usernameOf(owner) : undefined;
    if (ownerId) found.ownerId = ownerId;
    if (ownerUsername) found.ownerUsername = ownerUsername;
    for (const key of IG_DATA.takenAtKeys) {
      const seconds = object[key];
      if (found.publishedAt === undefined && typeof seconds === 'number') found.publishedAt = plausibleTime(Math.round(seconds * 1000));
    }
    const excerpt = captionOf(object);
    if (excerpt) found.excerpt = excerpt.slice(0, LIMITS.excerptLength);
    const known = this.media.get(code);
    this.media.set(
      code,
      known
        ? {
            ...found,
            ...Object.fromEntries(Object.entries(known).filter(([, v]) => v !== undefined)),
            kind: known.kind === 'reel' ? 'reel' : found.kind,
          }
        : found,
    );
  }

  /** The account a username belongs to, when the data names it. */
  idOfUsername(username: string | undefined): string | undefined {
    return username ? this.idsByUsername.get(username) : undefined;
  }
}

function captionOf(media: Json): string | undefined {
  const caption = media[IG_DATA.caption];
  if (isObject(caption) && str(caption[IG_DATA.captionText])) return str(caption[IG_DATA.captionText]);
  const graph = media[IG_DATA.graphCaption];
  if (isObject(graph) && Array.isArray(graph.edges) && isObject(graph.edges[0]) && isObject(graph.edges[0].node)) {
    return str(graph.edges[0].node[IG_DATA.captionText]);
  }
  return undefined;
}
