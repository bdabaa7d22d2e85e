import { t } from '../../lib/i18n';

/**
 * The language of the messages actually shown (each messages.json names its own), so numbers,
 * dates and plural forms match the text even when the browser falls back to another locale.
 */
export function textLocale(): string {
  const code = t('localeCode');
  try {
    return Intl.getCanonicalLocales(code)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

export function formatCount(n: number): string {
  return new Intl.NumberFormat(textLocale()).format(n);
}

export function formatDate(time: number): string {
  return new Intl.DateTimeFormat(textLocale(), { dateStyle: 'long' }).format(time);
}

export function formatDateTime(time: number): string {
  return new Intl.DateTimeFormat(textLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(time);
}

/**
 * The CLDR plural categories, all six: every locale file carries a message for each, and a language
 * without one repeats its "other" text there. Latvian needs "zero" (0, 10–20, 30…) and Irish, Maltese
 * and Slovenian "two": folding those into "other" would give them the wrong grammatical form.
 */
export type PluralForm = Intl.LDMLPluralRule;

export function pluralForm(n: number): PluralForm {
  return new Intl.PluralRules(textLocale()).select(n);
}

/** `key_zero`, `key_one`, `key_two`, `key_few`, `key_many` or `key_other`, with the formatted count as $1. */
export function tCount(key: string, n: number, ...more: string[]): string {
  return t(`${key}_${pluralForm(n)}`, [formatCount(n), ...more]);
}

/** Today as the value of an `<input type="date">`, in the user's time zone (not UTC like `yearOf`: a day the user picks is on their own calendar). */
export function todayInputValue(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The start of a day given as `YYYY-MM-DD`, local time; null for anything else. */
export function parseInputDate(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return date.getTime();
}
