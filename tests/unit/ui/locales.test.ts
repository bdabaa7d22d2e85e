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

/** The languages the issue asks for, in Chrome's folder names. */
const REQUIRED = ['fr', 'de', 'es', 'it', 'nl', 'pl', 'pt_PT', 'pt_BR'];

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

  it.each(locales)('%s names its own language in localeCode', (locale) => {
    expect(read(locale).localeCode?.message).toBe(locale.replace('_', '-'));
    expect(() => Intl.getCanonicalLocales(read(locale).localeCode!.message)).not.toThrow();
  });

  it.each(['en', ...locales])('%s has no stray "$" that the browser would misread', (locale) => {
    const bad = Object.entries(read(locale)).filter(([, { message }]) => /\$(?![1-9])/.test(message));
    expect(bad).toEqual([]);
  });
});
