import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AudienceRuleSchema, audienceRuleKey } from '../../../src/core';

const LOCALES = resolve('public/_locales');
type Messages = Record<string, { message: string; description?: string }>;
const read = (locale: string): Messages => JSON.parse(readFileSync(join(LOCALES, locale, 'messages.json'), 'utf8')) as Messages;

const en = read('en');
const locales = readdirSync(LOCALES).filter((l) => l !== 'en');
const placeholders = (message: string) => [...new Set(message.match(/\$[1-9]/g) ?? [])].sort();

/** Every official EU language (Meta trains on the public posts of every adult in the EU), in Chrome's folder names. */
const REQUIRED = [
  ...['bg', 'cs', 'da', 'de', 'el', 'es', 'et', 'fi', 'fr', 'ga', 'hr', 'hu', 'it'],
  ...['lt', 'lv', 'mt', 'nl', 'pl', 'pt_PT', 'pt_BR', 'ro', 'sk', 'sl', 'sv'],
];

/**
 * Each translated entry says in its `description` (which both browsers ignore) whether a native
 * speaker has reviewed it: "none" until then, then who and when (CONTRIBUTING.md#ask-for-a-review).
 */
const REVIEW_MARK = /^native-speaker review: (none|[^,]+, \d{4}-\d{2}-\d{2})$/;

/** tCount picks `key_<CLDR category>` (src/ui/shared/format.ts): a counted message needs all six. */
const PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'];

describe('locales', () => {
  it('has every required language', () => {
    expect(locales).toEqual(expect.arrayContaining(REQUIRED));
  });

  it("words every audience rule, with a place for the page's label where the rule carries one", () => {
    for (const rule of AudienceRuleSchema.options) {
      const message = en[audienceRuleKey(rule)]?.message;
      expect(message, rule).toBeTruthy();
      expect(placeholders(message!), rule).toEqual(rule === 'instagram_setting' ? ['$1'] : []);
    }
  });

  it('keeps the manifest keys in English', () => {
    expect(en.extensionName?.message).toBe('Glasshouse');
    expect(en.extensionDescription?.message).toBeTruthy();
  });

  it.each(locales)('%s has exactly the keys of en, with the same $1..$9 placeholders', (locale) => {
    const messages = read(locale);
    const missing = Object.keys(en).filter((k) => !(k in messages));
    const extra = Object.keys(messages).filter((k) => !(k in en));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    const differ = Object.keys(en).filter((k) => placeholders(en[k]!.message).join() !== placeholders(messages[k]!.message).join());
    expect(differ).toEqual([]);
    const empty = Object.keys(messages).filter((k) => typeof messages[k]?.message !== 'string' || messages[k]!.message.trim() === '');
    expect(empty).toEqual([]);
  });

  // The Chrome Web Store refuses a manifest description longer than 132 characters, and shows it as the listing's summary.
  it.each(['en', ...locales])('%s describes the extension in at most 132 characters', (locale) => {
    const description = read(locale).extensionDescription?.message ?? '';
    expect(description.length).toBeGreaterThan(0);
    expect([...description].length).toBeLessThanOrEqual(132);
  });

  it('gives every counted message of en all six plural forms', () => {
    const counted = [...new Set(Object.keys(en).flatMap((k) => /^(.+)_(zero|one|two|few|many|other)$/.exec(k)?.[1] ?? []))];
    expect(counted.length).toBeGreaterThan(0);
    const missing = counted.flatMap((base) => PLURAL_FORMS.map((form) => `${base}_${form}`)).filter((k) => !(k in en));
    expect(missing).toEqual([]);
  });

  it.each(locales)('%s marks, for every message, whether a native speaker reviewed it', (locale) => {
    const unmarked = Object.entries(read(locale))
      .filter(([, entry]) => !REVIEW_MARK.test(entry.description ?? ''))
      .map(([key]) => key);
    expect(unmarked).toEqual([]);
  });

  it.each(locales)('%s names its own language in localeCode', (locale) => {
    expect(read(locale).localeCode?.message).toBe(locale.replace('_', '-'));
    expect(() => Intl.getCanonicalLocales(read(locale).localeCode!.message)).not.toThrow();
  });

  it.each(['en', ...locales])('%s has no stray "$" that the browser would misread', (locale) => {
    const bad = Object.entries(read(locale)).filter(([, { message }]) => /\$(?![1-9])/.test(message));
    expect(bad).toEqual([]);
  });
});
