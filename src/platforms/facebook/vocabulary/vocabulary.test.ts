import { describe, it, expect } from 'vitest';
import { FacebookAudienceSchema, type FacebookAudience } from '../../../core';
import { AudienceVocabularyIndex, normalizeLabel } from '../audience-vocabulary';
import { AUDIENCE_VOCABULARIES, EU_LANGUAGES } from './index';

const AUDIENCE_KEYS: readonly FacebookAudience[] = FacebookAudienceSchema.options;

const EXPECTED_LANGUAGES = [
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'en-GB',
  'en-US',
  'es',
  'et',
  'fi',
  'fr',
  'ga',
  'hr',
  'hu',
  'it',
  'lt',
  'lv',
  'mt',
  'nl',
  'pl',
  'pt-PT',
  'pt-BR',
  'ro',
  'sk',
  'sl',
  'sv',
];

/** Full phrasings seen on real pages (docs/FACTS.md#facebook-audience-labels). */
const ATTESTED_PUBLIC_PHRASES = [
  'Shared with Public',
  'Partagé avec Public',
  'Mit Öffentlich geteilt',
  'Contenuto condiviso con: Tutti',
  'Compartilhado com Público',
  'Conteúdo partilhado com: Público',
  'Distribuit pentru: Public',
  'Grono odbiorców: Publiczne',
  'Podijeljeno s: Javno',
];
/** The last word alone (docs/FACTS.md#facebook-audience-labels; "offentlig" is nb, not an EU language, and not listed). */
const ATTESTED_PUBLIC_WORDS = [
  'Public',
  'public',
  'öffentlich',
  'Öffentlich',
  'público',
  'Público',
  'tutti',
  'Tutti',
  'openbaar',
  'iedereen',
  'avalik',
  'verejné',
  'Javno',
  'Publiczne',
];

/**
 * Words that mean different audiences in two languages, so stay unread without a page language.
 * Keep this list short and reviewed: a new entry here is a new hole in detection.
 */
const KNOWN_AMBIGUOUS: string[] = [];

const index = new AudienceVocabularyIndex(AUDIENCE_VOCABULARIES);

function fill(template: string, word: string): string {
  return template.replace('{audience}', word);
}

interface Label {
  lang: string;
  audience: FacebookAudience;
  text: string;
}

/** Every label the vocabularies describe: each word alone, and inside each template of its language. */
const ALL_LABELS: Label[] = AUDIENCE_VOCABULARIES.flatMap((vocabulary) =>
  AUDIENCE_KEYS.flatMap((audience) =>
    (vocabulary.audiences[audience] ?? []).flatMap((word) => [
      { lang: vocabulary.lang, audience, text: word },
      ...vocabulary.templates.map((template) => ({ lang: vocabulary.lang, audience, text: fill(template, word) })),
    ]),
  ),
);

function audienceOf(text: string, lang?: string): FacebookAudience | 'group' | 'ambiguous' | 'unread' {
  const read = index.resolve(text, lang);
  return read.kind === 'resolved' ? read.audience : read.kind;
}

describe('audience vocabularies', () => {
  it('covers all 26 languages, once each, file name = lang', () => {
    expect([...EU_LANGUAGES].sort()).toEqual([...EXPECTED_LANGUAGES].sort());
    expect(new Set(EU_LANGUAGES).size).toBe(26);
    expect(index.languages.sort()).toEqual([...EXPECTED_LANGUAGES].sort());
  });

  it('lists every audience in every language', () => {
    for (const vocabulary of AUDIENCE_VOCABULARIES) {
      for (const audience of AUDIENCE_KEYS) {
        expect(vocabulary.audiences[audience]?.length ?? 0, `${vocabulary.lang} ${audience}`).toBeGreaterThan(0);
      }
    }
  });

  it('never gives one word two audiences within a language', () => {
    for (const vocabulary of AUDIENCE_VOCABULARIES) {
      const seen = new Map<string, FacebookAudience>();
      for (const audience of AUDIENCE_KEYS) {
        for (const word of vocabulary.audiences[audience] ?? []) {
          const key = normalizeLabel(word);
          const before = seen.get(key);
          expect(before === undefined || before === audience, `${vocabulary.lang}: "${word}" is ${before} and ${audience}`).toBe(true);
          seen.set(key, audience);
        }
      }
    }
  });

  it('attests only strings that are in the file, each with its source', () => {
    for (const vocabulary of AUDIENCE_VOCABULARIES) {
      for (const entry of vocabulary.attested) {
        const source = /^(.+?) \((.+)\)$/u.exec(entry);
        expect(source, `${vocabulary.lang}: ${entry} names no source`).not.toBeNull();
        const text = source![1]!.replaceAll('{name}', 'Alex');
        const read = index.resolve(text, vocabulary.lang);
        expect(
          read.kind !== 'unread' && read.kind !== 'ambiguous' && read.lang.split('-')[0] === vocabulary.lang.split('-')[0],
          `${vocabulary.lang}: ${entry}`,
        ).toBe(true);
      }
    }
  });
});

describe.each(AUDIENCE_VOCABULARIES.map((vocabulary) => [vocabulary.lang, vocabulary] as const))('%s', (lang, vocabulary) => {
  it.each(AUDIENCE_KEYS)('reads %s alone and in every template, with the page language', (audience) => {
    for (const word of vocabulary.audiences[audience] ?? []) {
      expect(audienceOf(word, lang), `"${word}"`).toBe(audience);
      for (const template of vocabulary.templates) {
        const text = fill(template, word);
        expect(audienceOf(text, lang), `"${text}"`).toBe(audience);
      }
    }
  });

  it('reads a label with curly apostrophes, extra spaces and a trailing ellipsis', () => {
    for (const audience of AUDIENCE_KEYS) {
      const word = vocabulary.audiences[audience]?.[0] ?? '';
      const template = vocabulary.templates[0] ?? '{audience}';
      const text = `  ${fill(template, word).replace(/'/g, '\u2019').replace(/ /g, '\u00A0')}  `;
      expect(audienceOf(text, lang), `"${text}"`).toBe(audience);
    }
  });
});

describe('attested phrasings (docs/FACTS.md#facebook-audience-labels)', () => {
  it.each(ATTESTED_PUBLIC_PHRASES)('"%s" is public without a page language', (text) => {
    expect(index.resolve(text)).toMatchObject({ kind: 'resolved', audience: 'public' });
  });

  it.each(ATTESTED_PUBLIC_WORDS)('"%s" alone is public without a page language', (text) => {
    expect(index.resolve(text)).toMatchObject({ kind: 'resolved', audience: 'public' });
  });

  it.each(ATTESTED_PUBLIC_PHRASES)('"%s" stays public whatever the page language says', (text) => {
    for (const lang of [...EU_LANGUAGES, 'en', 'pt', 'de-DE', 'nb', 'ja']) {
      expect(audienceOf(text, lang), `${text} @ ${lang}`).toBe('public');
    }
  });

  it('reads the Polish embedded description and the img alt', () => {
    expect(audienceOf('Publiczne', 'pl')).toBe('public');
    expect(audienceOf('Public', 'en')).toBe('public');
    expect(audienceOf('Compartilhado com Público', 'pt')).toBe('public');
    expect(audienceOf('Compartilhado com Público', 'pt_BR')).toBe('public');
  });
});

describe('what is not a known label', () => {
  it.each(['Zorgblorp', 'Shared with Zorgblorp', '', '   ', 'Shared with ', 'Shared with', 'Publicity', 'Shared withPublic'])(
    '"%s" is unread',
    (text) => {
      expect(index.resolve(text)).toEqual({ kind: 'unread' });
      expect(index.resolve(text, 'en-US')).toEqual({ kind: 'unread' });
    },
  );

  it('matches whole words, never substrings', () => {
    expect(audienceOf('Friends of friends')).toBe('friends_of_friends');
    expect(audienceOf('Shared with Friends of friends')).toBe('friends_of_friends');
    expect(audienceOf('Friends except...')).toBe('friends_except');
    expect(audienceOf('Shared with Public group')).toBe('public_group');
    expect(audienceOf('Shared with Public group', 'en')).toBe('public_group');
    expect(audienceOf('Public group')).toBe('public_group');
    expect(audienceOf('Shared with Private group')).toBe('private_group');
    expect(audienceOf('Mit Öffentliche Gruppe geteilt', 'de')).toBe('public_group');
    expect(audienceOf('Partagé avec Amis de leurs amis')).toBe('friends_of_friends');
    expect(audienceOf('Znajomi znajomych')).toBe('friends_of_friends');
    expect(audienceOf('Shared with Friends and Public')).toBe('unread');
  });
});

describe('cross-language safety', () => {
  it('turns a cross-language conflict into ambiguous, unless the page language decides', () => {
    const base = { templates: ['Shared with {audience}'], attested: [] };
    const audiences = (publicWord: string, friendsWord: string) =>
      Object.fromEntries(
        AUDIENCE_KEYS.map((key) => [key, [key === 'public' ? publicWord : key === 'friends' ? friendsWord : `${key}-${publicWord}`]]),
      );
    const toy = new AudienceVocabularyIndex([
      { ...base, lang: 'xa', name: 'A', audiences: audiences('Blorp', 'Zib') },
      { ...base, lang: 'xb', name: 'B', audiences: audiences('Zib', 'Blorp') },
    ] as never);
    expect(toy.resolve('Shared with Blorp')).toEqual({ kind: 'ambiguous', candidates: ['public', 'friends'] });
    expect(toy.resolve('Shared with Blorp', 'xa')).toMatchObject({ kind: 'resolved', audience: 'public' });
    expect(toy.resolve('Shared with Blorp', 'xb')).toMatchObject({ kind: 'resolved', audience: 'friends' });
  });

  /** Labels that mean different audiences in two languages: unread unless the page language decides. */
  const ambiguous = [
    ...new Set(ALL_LABELS.filter((label) => index.resolve(label.text).kind === 'ambiguous').map((label) => normalizeLabel(label.text))),
  ].sort();

  it('reports the words that are ambiguous without a page language', () => {
    console.info(`ambiguous across languages (${ambiguous.length}): ${ambiguous.length ? ambiguous.join(', ') : 'none'}`);
    expect(ambiguous).toEqual(KNOWN_AMBIGUOUS.map(normalizeLabel).sort());
  });

  it('never makes an attested public word or phrase ambiguous', () => {
    const attested = [...ATTESTED_PUBLIC_WORDS, ...ATTESTED_PUBLIC_PHRASES].map(normalizeLabel);
    expect(ambiguous.filter((word) => attested.includes(word))).toEqual([]);
  });

  it('never reads any label as a different audience without a page language (ambiguous at worst)', () => {
    const wrong = ALL_LABELS.filter((label) => {
      const read = audienceOf(label.text);
      return read !== label.audience && read !== 'ambiguous';
    }).map((label) => `${label.lang}: "${label.text}" → ${audienceOf(label.text)} (expected ${label.audience})`);
    expect(wrong).toEqual([]);
  });

  it('reads every public label of every language as public, with or without a page language', () => {
    const publicLabels = ALL_LABELS.filter((label) => label.audience === 'public');
    const misread = publicLabels
      .filter((label) => audienceOf(label.text) !== 'public' || audienceOf(label.text, label.lang) !== 'public')
      .map((label) => `${label.lang}: "${label.text}"`);
    expect(misread).toEqual([]);
  });

  it('keeps public words out of every non-public list, in every language', () => {
    const publicWords = new Set(ALL_LABELS.filter((label) => label.audience === 'public').map((label) => normalizeLabel(label.text)));
    const clashes = ALL_LABELS.filter((label) => label.audience !== 'public' && publicWords.has(normalizeLabel(label.text))).map(
      (label) => `${label.lang} ${label.audience}: "${label.text}"`,
    );
    expect(clashes).toEqual([]);
  });
});

describe('labels that carry a name', () => {
  it.each([
    ["Shared with: Dennis's friends", 'friends'],
    ["Shared with: James's friends and friends of anyone tagged", 'friends'],
    ["Shared with: Ryan's friends and Alberto", 'friends'],
    ["Dennis's friends", 'friends'],
    ['Your friends', 'friends'],
    ['Your friends of friends', 'friends_of_friends'],
    ['Custom', 'custom'],
  ] as const)('"%s" is %s', (text, audience) => {
    expect(audienceOf(text, 'en')).toBe(audience);
    expect(audienceOf(text)).toBe(audience);
  });

  it('reads "Members of <group>" as a group whose audience the label does not say', () => {
    expect(index.resolve('Members of Banned at SOAS', 'en')).toMatchObject({ kind: 'group' });
    expect(index.resolve('Members of Banned at SOAS')).toMatchObject({ kind: 'group' });
  });

  it('never lets a name inside the label make it match another word', () => {
    expect(audienceOf("Shared with: Public's friends")).toBe('friends');
    expect(audienceOf("Shared with: Custom's friends and friends of anyone tagged")).toBe('friends');
    expect(audienceOf("Shared with: Only me's friends and Public")).toBe('friends');
    expect(audienceOf('Members of Public')).toBe('group');
    expect(audienceOf('Members of Friends of friends')).toBe('group');
    expect(audienceOf('Members of Foo: Public')).toBe('group');
    // Both a group's members and someone's friends: which one, the label cannot say.
    expect(audienceOf("Members of Bob's friends")).toBe('ambiguous');
  });
});

describe('a lead-in the data does not list', () => {
  it('reads the word after a colon, whatever the lowercase lead-in before it', () => {
    expect(audienceOf('Condiviso per: Tutti', 'it')).toBe('public');
    expect(audienceOf('Widoczne dla: Znajomi', 'pl')).toBe('friends');
    expect(audienceOf('Visible to: Only me')).toBe('only_me');
  });

  it('reads no word after a name, nor after a long or capitalised lead-in', () => {
    expect(audienceOf('Dennis We: Public')).toBe('unread');
    expect(audienceOf('Mitglieder von Foo Bar: Öffentlich', 'de')).toBe('unread');
    expect(audienceOf('this is far too long a lead-in: Public')).toBe('unread');
    expect(audienceOf('Visible to: Public and more')).toBe('unread');
  });
});
