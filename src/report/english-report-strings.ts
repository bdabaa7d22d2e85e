import english from '../../public/_locales/en/messages.json';
import { REPORT_STRING_KEYS, type ReportStrings } from './report-strings';

/**
 * The English labels, read from public/_locales/en/messages.json at build time: the one place English
 * is written. The command line writes its reports with them. In a module of its own so that the
 * extension's pages, whose labels come from the browser's i18n, do not carry the whole English file.
 */
// Pure: a bundle that imports the barrel (src/report/index.ts) without using it leaves the English file out.
export const ENGLISH_REPORT_STRINGS: ReportStrings = /* @__PURE__ */ englishStrings();

function englishStrings(): ReportStrings {
  const strings = { lang: 'en' } as ReportStrings;
  for (const key of REPORT_STRING_KEYS) strings[key] = english[key].message;
  return strings;
}
