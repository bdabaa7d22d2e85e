import { z, FacebookAudienceSchema, type FacebookAudience } from '../../core';

/**
 * How one language names each Facebook audience, kept as data (vocabulary/<lang>.json).
 * `templates` are the phrasings around the word in the header icon's text, with `{audience}` where
 * the word goes ("Shared with {audience}"); a bare word is matched too.
 */
export const AudienceVocabularySchema = z.object({
  lang: z.string().check(z.regex(/^[a-z]{2}(-[A-Z]{2})?$/)),
  name: z.string().check(z.minLength(1)),
  templates: z.array(z.string().check(z.includes('{audience}'))).check(z.minLength(1)),
  audiences: z.record(FacebookAudienceSchema, z.array(z.string().check(z.minLength(1))).check(z.minLength(1))),
  /**
   * Labels that carry a person's name where `{name}` stands ("{name}'s friends"): the whole label
   * must match, so a name is never read as an audience word. "…'s friends and friends of anyone
   * tagged" is `friends`: the Friends setting the author chose, which tags widen (`custom` is the
   * Custom setting, a list the author made), and not public either way.
   */
  namedAudiences: z.optional(
    z.partialRecord(FacebookAudienceSchema, z.array(z.string().check(z.includes('{name}'))).check(z.minLength(1))),
  ),
  /** A group's label names the group ("Members of {name}") but not whether it is public. */
  groupMembers: z.optional(z.array(z.string().check(z.includes('{name}')))),
  /** Which phrasings were seen on real pages (with a source), as opposed to translated by us. */
  attested: z.array(z.string()),
});
export type AudienceVocabulary = z.infer<typeof AudienceVocabularySchema>;

/** Compatibility-normalised, invisible marks dropped, apostrophes and spaces unified; case kept. */
function tidy(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '')
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .replace(/\s+/g, ' ');
}

/** Lowercase, compatibility-normalised, invisible marks dropped, apostrophes and spaces unified. */
function unify(text: string): string {
  return tidy(text).toLowerCase();
}

const TRAILING = /[\s.:…]+$/u;

/** A label as compared: unified, trailing dots and colons gone, trimmed. */
export function normalizeLabel(text: string): string {
  return unify(text).replace(TRAILING, '').trim();
}

export type WordResolution =
  | { kind: 'resolved'; audience: FacebookAudience; lang: string }
  /** A group's audience label: whether the group is public the label does not say. */
  | { kind: 'group'; lang: string }
  | { kind: 'ambiguous'; candidates: Reading[] }
  | { kind: 'unread' };

/** What one label says: an audience, or "a group's members". */
export type Reading = FacebookAudience | 'group';

interface CompiledVocabulary {
  lang: string;
  words: Map<string, FacebookAudience>;
  /** Each template split at `{audience}` into a normalised prefix and suffix. */
  frames: { prefix: string; suffix: string }[];
  /** Whole-label patterns with names in them, and what each says. */
  named: { pattern: RegExp; reading: Reading }[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "{name}'s friends" → /^(.+)'s friends$/ over normalised labels. */
function namePattern(phrase: string): RegExp {
  const pieces = normalizeLabel(phrase).split('{name}').map(escapeRegExp);
  return new RegExp(`^${pieces.join('(.+)')}$`, 'u');
}

function compile(vocabulary: AudienceVocabulary): CompiledVocabulary {
  const words = new Map<string, FacebookAudience>();
  for (const [audience, names] of Object.entries(vocabulary.audiences) as [FacebookAudience, string[]][]) {
    for (const name of names) words.set(normalizeLabel(name), audience);
  }
  const frames = vocabulary.templates.map((template) => {
    const [before = '', after = ''] = template.split('{audience}');
    // Spaces around the word stay in the frame, so "shared withpublic" or "mit öffentlichgeteilt" never match.
    return { prefix: unify(before).trimStart(), suffix: unify(after).replace(TRAILING, '') };
  });
  const named: CompiledVocabulary['named'] = [];
  for (const [audience, phrases] of Object.entries(vocabulary.namedAudiences ?? {}) as [FacebookAudience, string[]][]) {
    for (const phrase of phrases) named.push({ pattern: namePattern(phrase), reading: audience });
  }
  for (const phrase of vocabulary.groupMembers ?? []) named.push({ pattern: namePattern(phrase), reading: 'group' });
  return { lang: vocabulary.lang, words, frames, named };
}

/** The audience word inside a label, for one language: the bare word, or the word within a template. */
function wordsOf(label: string, vocabulary: CompiledVocabulary): string[] {
  const found = [label];
  for (const { prefix, suffix } of vocabulary.frames) {
    if (label.startsWith(prefix) && label.endsWith(suffix) && label.length > prefix.length + suffix.length) {
      found.push(normalizeLabel(label.slice(prefix.length, label.length - suffix.length)));
    }
  }
  return found;
}

/** A template's lead-in is a few words with no capital past the first ("Grono odbiorców:"); names have capitals. */
const LEAD_IN_WORDS = 4;

/** What a label says in one language, or `conflict` when its readings disagree. */
type Lookup = Reading | 'conflict' | undefined;

/**
 * Reads localized audience labels. The page's own language is tried first; otherwise every
 * language is tried, and a word that means different audiences in two languages stays unread.
 */
export class AudienceVocabularyIndex {
  private readonly byLang = new Map<string, CompiledVocabulary>();

  constructor(vocabularies: readonly AudienceVocabulary[]) {
    for (const vocabulary of vocabularies) this.byLang.set(vocabulary.lang, compile(vocabulary));
  }

  get languages(): string[] {
    return [...this.byLang.keys()];
  }

  /** Labels repeat on every post ("Shared with Public"): each is read once per page language. */
  private readonly cache = new Map<string, WordResolution>();

  resolve(text: string, pageLang?: string): WordResolution {
    const key = `${pageLang ?? ''}\u0000${text}`;
    const known = this.cache.get(key);
    if (known) return known;
    const resolution = this.resolveUncached(text, pageLang);
    if (this.cache.size >= 5000) this.cache.clear();
    this.cache.set(key, resolution);
    return resolution;
  }

  private resolveUncached(text: string, pageLang?: string): WordResolution {
    const label = normalizeLabel(text);
    if (!label) return { kind: 'unread' };
    const raw = tidy(text).replace(TRAILING, '').trim();
    const preferred = pageLang ? this.languagesFor(pageLang) : [];
    for (const vocabulary of preferred) {
      const reading = this.lookup(label, raw, vocabulary);
      if (reading === 'conflict') return { kind: 'ambiguous', candidates: [] };
      if (reading) return resolution(reading, vocabulary.lang);
    }
    const candidates = new Map<Reading, string>();
    for (const vocabulary of this.byLang.values()) {
      const reading = this.lookup(label, raw, vocabulary);
      if (reading === 'conflict') return { kind: 'ambiguous', candidates: [] };
      if (reading && !candidates.has(reading)) candidates.set(reading, vocabulary.lang);
    }
    const only = candidates.size === 1 ? [...candidates][0] : undefined;
    if (only) return resolution(only[0], only[1]);
    if (candidates.size > 1) return { kind: 'ambiguous', candidates: [...candidates.keys()] };
    return { kind: 'unread' };
  }

  /**
   * The exact word (alone or in a template) first; then the whole label against the phrases with
   * names; last, the word after a colon whose lead-in the data does not list ("Condiviso per: Tutti"),
   * since lead-ins change between versions while the words stay.
   */
  private lookup(label: string, raw: string, vocabulary: CompiledVocabulary): Lookup {
    const slots = wordsOf(label, vocabulary);
    for (const word of slots) {
      const audience = vocabulary.words.get(word);
      if (audience) return audience;
    }
    const named = new Set<Reading>();
    for (const slot of slots) {
      for (const { pattern, reading } of vocabulary.named) if (pattern.test(slot)) named.add(reading);
    }
    if (named.size > 1) return 'conflict';
    if (named.size === 1) return [...named][0];
    return this.afterLeadIn(raw, vocabulary);
  }

  /** The word after the first colon, when what precedes it reads as a template's lead-in, not a name. */
  private afterLeadIn(raw: string, vocabulary: CompiledVocabulary): FacebookAudience | undefined {
    const colon = raw.indexOf(':');
    if (colon <= 0) return undefined;
    const leadIn = raw.slice(0, colon).trim().split(' ');
    if (leadIn.length > LEAD_IN_WORDS || !leadIn.slice(1).every((word) => word === word.toLowerCase())) return undefined;
    return vocabulary.words.get(normalizeLabel(raw.slice(colon + 1)));
  }

  /** "pt-BR" → pt-BR then pt-PT…; "fr-FR" or "fr" → fr. */
  private languagesFor(pageLang: string): CompiledVocabulary[] {
    const [base = '', region] = pageLang.split(/[-_]/);
    const exact = region ? this.byLang.get(`${base.toLowerCase()}-${region.toUpperCase()}`) : undefined;
    const sameBase = [...this.byLang.values()].filter((v) => v.lang.split('-')[0] === base.toLowerCase() && v !== exact);
    return exact ? [exact, ...sameBase] : sameBase;
  }
}

function resolution(reading: Reading, lang: string): WordResolution {
  return reading === 'group' ? { kind: 'group', lang } : { kind: 'resolved', audience: reading, lang };
}
