import en from '../../public/_locales/en/messages.json';

export type Messages = Record<string, { message: string }>;

/**
 * `t` as the browser gives it over one language's messages.json: `$1`… filled from the substitutions,
 * and a missing key throws, so a typo or a removed message fails the test instead of showing the key.
 */
export function messagesT(messages: Messages) {
  return (key: string, substitutions?: string | string[]): string => {
    const entry = messages[key];
    if (!entry) throw new Error(`no message "${key}" in messages.json`);
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return entry.message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  };
}

/** The English words, the default of every unit test (tests/unit/setup.ts). */
export const englishT = messagesT(en);
