// How a report writes dates and numbers in the user's language; a tag the browser does not know falls back to
// English, never throws (the language comes from the browser, the time zone from the file or the system).

export function dateFormat(lang: string, timeZone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone });
  } catch {
    return new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });
  }
}

export function numberFormat(lang: string): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(lang);
  } catch {
    return new Intl.NumberFormat('en');
  }
}

/** A language tag as BCP 47 shapes it, else English: it goes into an attribute and into Intl. */
export function safeLang(lang: string): string {
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/.test(lang) ? lang : 'en';
}
