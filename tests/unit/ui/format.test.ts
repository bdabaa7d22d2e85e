import { afterEach, describe, expect, it, vi } from 'vitest';
import pl from '../../../public/_locales/pl/messages.json';
import cs from '../../../public/_locales/cs/messages.json';
import en from '../../../public/_locales/en/messages.json';

type Messages = Record<string, { message: string }>;
let messages: Messages = en;
vi.mock('../../../src/lib/i18n', () => ({
  t: (key: string, subs?: string[]) => (messages[key]?.message ?? key).replace(/\$(\d)/g, (_, n: string) => subs?.[Number(n) - 1] ?? ''),
  uiLanguage: () => 'en',
}));
const { parseInputDate, pluralForm, tCount, textLocale, todayInputValue } = await import('../../../src/ui/shared/format');

afterEach(() => {
  messages = en;
});

describe('plural forms follow the language of the text shown', () => {
  it('English: one and other', () => {
    expect(textLocale()).toBe('en');
    expect(tCount('statePublic', 1)).toMatch(/^1 of your posts .* is public/);
    expect(tCount('statePublic', 12)).toMatch(/^12 of your posts .* are public/);
  });

  it('Polish: one, few and many', () => {
    messages = pl;
    expect(textLocale()).toBe('pl');
    expect([1, 3, 5, 22, 25].map(pluralForm)).toEqual(['one', 'few', 'many', 'few', 'many']);
    expect(tCount('statePublic', 3)).toContain('są publiczne');
    expect(tCount('statePublic', 5)).toContain('jest publicznych');
  });

  it('Czech: few for 2 to 4', () => {
    messages = cs;
    expect(tCount('statePublic', 2)).toContain('jsou veřejné');
    expect(tCount('statePublic', 7)).toContain('je veřejných');
  });

  it('falls back to English when localeCode is not a language tag', () => {
    messages = { ...en, localeCode: { message: 'not a locale!' } };
    expect(textLocale()).toBe('en');
  });
});

describe('date input values', () => {
  it('gives today in local time, and parses only real dates', () => {
    expect(todayInputValue(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(parseInputDate('2026-06-01')).toBe(new Date(2026, 5, 1).getTime());
    expect(parseInputDate('2026-02-30')).toBeNull();
    expect(parseInputDate('')).toBeNull();
    expect(parseInputDate('1 June 2026')).toBeNull();
  });
});
