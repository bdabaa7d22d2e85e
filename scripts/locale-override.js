// A test-only override of the extension's UI language, for the browser tests and the README screenshots.
// A browser takes chrome.i18n's language from its own UI language, fixed for a launch (and Debian's Chromium
// has no language packs here): this script, run in an extension page before its own scripts (Playwright's
// addInitScript, Puppeteer's evaluateOnNewDocument), answers i18n.getMessage from one locale's messages.json
// instead. It never ships: nothing in src/ or the build reads it, so it cannot change what users see.
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';

/** Every UI locale: the folders of public/_locales. */
export function uiLocales() {
  return readdirSync(resolve('public/_locales')).sort();
}

/**
 * Runs in the page. Implements chrome.i18n.getMessage's rules that messages.json uses: named
 * placeholders ($NAME$, case-insensitive, replaced by their "content") and then $1…$9 from the
 * substitutions, "$$" for a dollar; a missing key gives "" as the browser does.
 * @param {Record<string, { message: string; placeholders?: Record<string, { content: string }> }>} messages
 * @param {string} language
 */
function install(messages, language) {
  /** @param {string} key @param {string | string[] | undefined} substitutions */
  const getMessage = (key, substitutions) => {
    const entry = messages[key] ?? messages[String(key).toLowerCase()];
    if (!entry) return '';
    const list = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    const placeholders = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name) => placeholders[name.toLowerCase()]?.content ?? '');
    return named.replace(/\$(\$|[1-9])/g, (_, n) => (n === '$' ? '$' : String(list[Number(n) - 1] ?? '')));
  };
  const getUILanguage = () => language;
  /** @type {any} */
  const scope = globalThis;
  for (const name of ['chrome', 'browser']) {
    const api = scope[name];
    if (!api?.i18n) continue;
    try {
      Object.defineProperty(api.i18n, 'getMessage', { value: getMessage, configurable: true, writable: true });
      Object.defineProperty(api.i18n, 'getUILanguage', { value: getUILanguage, configurable: true, writable: true });
    } catch {
      // Not redefinable here: a stand-in object below.
    }
    if (api.i18n.getMessage === getMessage) continue;
    const i18n = new Proxy(api.i18n, {
      get: (target, p) => (p === 'getMessage' ? getMessage : p === 'getUILanguage' ? getUILanguage : Reflect.get(target, p)),
    });
    const replaced = new Proxy(api, { get: (target, p) => (p === 'i18n' ? i18n : Reflect.get(target, p)) });
    Object.defineProperty(scope, name, { value: replaced, configurable: true, writable: true });
  }
}

/**
 * The script's source for one locale folder (e.g. "fr", "pt_BR").
 * @param {string} locale
 */
export function localeOverrideScript(locale) {
  const messages = JSON.parse(readFileSync(resolve('public/_locales', locale, 'messages.json'), 'utf8'));
  return `(${install.toString()})(${JSON.stringify(messages)}, ${JSON.stringify(locale.replace('_', '-'))});`;
}

/**
 * The language the page should then declare on <html>: the locale's own localeCode message.
 * @param {string} locale
 */
export function expectedPageLanguage(locale) {
  const messages = JSON.parse(readFileSync(resolve('public/_locales', locale, 'messages.json'), 'utf8'));
  return Intl.getCanonicalLocales(messages.localeCode.message)[0];
}
