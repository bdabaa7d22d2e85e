import { afterEach, describe, expect, it, vi } from 'vitest';
import pl from '../../../../public/_locales/pl/messages.json';
import cs from '../../../../public/_locales/cs/messages.json';
import en from '../../../../public/_locales/en/messages.json';
import ga from '../../../../public/_locales/ga/messages.json';
import hr from '../../../../public/_locales/hr/messages.json';
import lt from '../../../../public/_locales/lt/messages.json';
import lv from '../../../../public/_locales/lv/messages.json';
import mt from '../../../../public/_locales/mt/messages.json';
import sl from '../../../../public/_locales/sl/messages.json';
import { t } from '../../../../src/lib/i18n';
import { parseInputDate, pluralForm, tCount, textLocale, todayInputValue } from '../../../../src/ui/shared/format';
import { englishT, messagesT, type Messages } from '../../messages';

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

  it('Slovenian: a dual for 2 and 102, few for 3 and 4', () => {
    speak(sl);
    expect([1, 2, 3, 5, 101, 102].map(pluralForm)).toEqual(['one', 'two', 'few', 'other', 'one', 'two']);
    expect(tCount('verdictPublic', 2)).toContain('sta 2 javna');
    expect(tCount('verdictPublic', 4)).toContain('so 4 javni');
    expect(tCount('verdictPublic', 7)).toContain('je 7 javnih');
  });

  it('Latvian: zero for 0 and 10 to 20, one for 21', () => {
    speak(lv);
    expect([0, 1, 2, 10, 11, 21].map(pluralForm)).toEqual(['zero', 'one', 'other', 'zero', 'zero', 'one']);
    expect(tCount('verdictPublic', 21)).toContain('21 ir publisks');
    expect(tCount('verdictPublic', 3)).toContain('3 ir publiski');
  });

  it('Lithuanian: one for 21 but not 11, few for 2 to 9', () => {
    speak(lt);
    expect([1, 11, 21, 5, 10].map(pluralForm)).toEqual(['one', 'other', 'one', 'few', 'other']);
    expect(tCount('verdictPublic', 21)).toContain('21 yra viešas');
    expect(tCount('verdictPublic', 5)).toContain('5 yra vieši');
    expect(tCount('verdictPublic', 10)).toContain('10 yra viešų');
  });

  it('Croatian: one for 21, few for 22', () => {
    speak(hr);
    expect(tCount('verdictPublic', 21)).toContain('21 je javno: Meta ga');
    expect(tCount('verdictPublic', 22)).toContain('22 su javna');
  });

  it('Irish and Maltese: a form of their own for 2', () => {
    speak(ga);
    expect([1, 2, 3, 7, 11].map(pluralForm)).toEqual(['one', 'two', 'few', 'many', 'other']);
    expect(tCount('verdictUnknown', 1)).toContain('cé a fheiceann é');
    expect(tCount('verdictUnknown', 2)).toContain('cé a fheiceann iad');
    speak(mt);
    expect([1, 2, 3, 11, 20].map(pluralForm)).toEqual(['one', 'two', 'few', 'many', 'other']);
    expect(tCount('verdictPublic', 1)).toContain('huwa pubbliku');
    expect(tCount('verdictPublic', 2)).toContain('huma pubbliċi');
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
