import { z, FacebookAudienceSchema, type FacebookAudience } from '../../core';

/**
 * How one language names each Facebook audience, kept as data (vocabulary/<lang>.json).
 * `templates` are the phrasings around the word in the header icon's text, with `{audience}` where
 * the word goes ("Shared with {audience}"); a bare word is matched too.
 */
export const AudienceVocabularySchema = z.object({
  lang: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/),
  name: z.string().min(1),
  templates: z.array(z.string().includes('{audience}')).min(1),
  audiences: z.record(FacebookAudienceSchema, z.array(z.string().min(1)).min(1)),
  /** Which phrasings were seen on real pages (with a source), as opposed to translated by us. */
  attested: z.array(z.string()),
});
export type AudienceVocabulary = z.infer<typeof AudienceVocabularySchema>;

/** Lowercase, compatibility-normalised, invisible marks dropped, apostrophes and spaces unified. */
function unify(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '')
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** A label as compared: unified, trailing dots and colons gone, trimmed. */
export function normalizeLabel(text: string): string {
  return unify(text)
    .replace(/[\s.:…]+$/u, '')
    .trim();
}

export type WordResolution =
  | { kind: 'resolved'; audience: FacebookAudience; lang: string }
  | { kind: 'ambiguous'; candidates: FacebookAudience[] }
  | { kind: 'unread' };

interface CompiledVocabulary {
  lang: string;
  words: Map<string, FacebookAudience>;
  /** Each template split at `{audience}` into a normalised prefix and suffix. */
  frames: { prefix: string; suffix: string }[];
}

function compile(vocabulary: AudienceVocabulary): CompiledVocabulary {
  const words = new Map<string, FacebookAudience>();
  for (const [audience, names] of Object.entries(vocabulary.audiences) as [FacebookAudience, string[]][]) {
    for (const name of names) words.set(normalizeLabel(name), audience);
  }
  const frames = vocabulary.templates.map((template) => {
    const [before = '', after = ''] = template.split('{audience}');
    // Spaces around the word stay in the frame, so "shared withpublic" or "mit öffentlichgeteilt" never match.
    return { prefix: unify(before).trimStart(), suffix: unify(after).replace(/[\s.:…]+$/u, '') };
  });
  return { lang: vocabulary.lang, words, frames };
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
    const preferred = pageLang ? this.languagesFor(pageLang) : [];
    for (const vocabulary of preferred) {
      const audience = this.lookup(label, vocabulary);
      if (audience) return { kind: 'resolved', audience, lang: vocabulary.lang };
    }
    const candidates = new Map<FacebookAudience, string>();
    for (const vocabulary of this.byLang.values()) {
      const audience = this.lookup(label, vocabulary);
      if (audience && !candidates.has(audience)) candidates.set(audience, vocabulary.lang);
    }
    const only = candidates.size === 1 ? [...candidates][0] : undefined;
    if (only) return { kind: 'resolved', audience: only[0], lang: only[1] };
    if (candidates.size > 1) return { kind: 'ambiguous', candidates: [...candidates.keys()] };
    return { kind: 'unread' };
  }

  private lookup(label: string, vocabulary: CompiledVocabulary): FacebookAudience | undefined {
    for (const word of wordsOf(label, vocabulary)) {
      const audience = vocabulary.words.get(word);
      if (audience) return audience;
    }
    return undefined;
  }

  /** "pt-BR" → pt-BR then pt-PT…; "fr-FR" or "fr" → fr. */
  private languagesFor(pageLang: string): CompiledVocabulary[] {
    const [base = '', region] = pageLang.split(/[-_]/);
    const exact = region ? this.byLang.get(`${base.toLowerCase()}-${region.toUpperCase()}`) : undefined;
    const sameBase = [...this.byLang.values()].filter((v) => v.lang.split('-')[0] === base.toLowerCase() && v !== exact);
    return exact ? [exact, ...sameBase] : sameBase;
  }
}
