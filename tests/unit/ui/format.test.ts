import { afterEach, describe, expect, it, vi } from 'vitest';
import pl from '../../../public/_locales/pl/messages.json';
import cs from '../../../public/_locales/cs/messages.json';
import en from '../../../public/_locales/en/messages.json';
import { t } from '../../../src/lib/i18n';
import { parseInputDate, pluralForm, tCount, textLocale, todayInputValue } from '../../../src/ui/shared/format';
import { englishT, messagesT, type Messages } from '../messages';

/** The words of another language, for the rest of the test (English again after it). */
const speak = (messages: Messages) => vi.mocked(t).mockImplementation(messagesT(messages));

afterEach(() => {
  vi.mocked(t).mockImplementation(englishT);
});

describe('plural forms follow the language of the text shown', () => {
  it('English: one and other', () => {
    expect(textLocale()).toBe('en');
    expect(tCount('verdictPublic', 1)).toMatch(/^1 of your posts .* is public/);
    expect(tCount('verdictPublic', 12)).toMatch(/^12 of your posts .* are public/);
  });

  it('Polish: one, few and many', () => {
    speak(pl);
    expect(textLocale()).toBe('pl');
    expect([1, 3, 5, 22, 25].map(pluralForm)).toEqual(['one', 'few', 'many', 'few', 'many']);
    expect(tCount('verdictPublic', 3)).toContain('są publiczne');
    expect(tCount('verdictPublic', 5)).toContain('jest publicznych');
  });

  it('Czech: few for 2 to 4', () => {
    speak(cs);
    expect(tCount('verdictPublic', 2)).toContain('jsou veřejné');
    expect(tCount('verdictPublic', 7)).toContain('je veřejných');
  });

  it('falls back to English when localeCode is not a language tag', () => {
    speak({ ...en, localeCode: { message: 'not a locale!' } });
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
