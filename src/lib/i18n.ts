import { browser } from './browser';

/** A message of _locales in the browser's UI language; the key itself if it is missing, so a gap shows. */
export function t(key: string, substitutions?: string | string[]): string {
  try {
    return browser.i18n.getMessage(key, substitutions) || key;
  } catch {
    // A content script cut off by an extension update may throw here; a gap beats an error in the page.
    return key;
  }
}

/** The UI language, for number and date formatting that matches the text. */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}
