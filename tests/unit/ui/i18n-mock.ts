import en from '../../../public/_locales/en/messages.json';

const messages = en as Record<string, { message: string }>;

/** `t` as the browser gives it, over the English messages; a missing key throws so a typo fails the test. */
export function englishT(key: string, substitutions?: string | string[]): string {
  const entry = messages[key];
  if (!entry) throw new Error(`no message "${key}" in en/messages.json`);
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}
