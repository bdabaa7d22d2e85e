import english from '../../public/_locales/en/messages.json';

/**
 * Every label of the HTML report. Keys are _locales message names (public/_locales/<lang>/messages.json);
 * `$1`, `$2` are filled by the report. The type checker refuses a key the English messages lack.
 */
export const REPORT_STRING_KEYS = [
  'reportTitle',
  'reportGeneratedAt',
  'reportIntro',
  'reportSummaryHeading',
  'reportColumnPlatform',
  'reportCountEligible',
  'reportCountNotEligible',
  'reportCountUnknown',
  'reportCountTotal',
  'reportObjectedOn',
  'reportNoObjection',
  'reportNothingSeen',
  'reportAccountsHeading',
  'reportColumnAccount',
  'reportColumnPrivacy',
  'reportChartsHeading',
  'reportChartPerYear',
  'reportChartByAudience',
  'reportChartObjection',
  'reportChartEmpty',
  'reportYearUnknown',
  'reportBeforeObjection',
  'reportAfterObjection',
  'reportDateUnknown',
  'reportExposedHeading',
  'reportExposedEmpty',
  'reportColumnKind',
  'reportColumnPublished',
  'reportColumnAudience',
  'reportColumnText',
  'reportColumnLink',
  'reportColumnEvidence',
  'reportOpenOn',
  'reportMoreRows',
  'reportNextHeading',
  'reportNextChangeAudience',
  'reportNextLimitPast',
  'reportNextActivityLog',
  'reportNextInstagram',
  'reportNextObject',
  'reportNextPrivacyCenter',
  'reportNextKeep',
  'reportFooter',
  'adviceComment',
  'adviceAlwaysPublic',
  'platform_facebook',
  'platform_instagram',
  'audience_public',
  'audience_friends_of_friends',
  'audience_friends',
  'audience_friends_except',
  'audience_specific_friends',
  'audience_only_me',
  'audience_custom',
  'audience_public_group',
  'audience_private_group',
  'audience_public_account',
  'audience_private_account',
  'audience_close_friends',
  'audience_unknown',
  'evidence_embedded_json',
  'evidence_graphql',
  'evidence_label',
  'evidence_icon',
  'evidence_account',
  'evidence_none',
  'kind_post',
  'kind_comment',
  'kind_photo',
  'kind_video',
  'kind_reel',
  'kind_profile_picture',
  'kind_cover_photo',
  'privacy_public',
  'privacy_private',
  'privacy_unknown',
] as const;

export type ReportStringKey = (typeof REPORT_STRING_KEYS)[number];

/** The labels of one report, in one language; `lang` goes to `<html lang>` and to date and number formats. */
export type ReportStrings = { lang: string } & Record<ReportStringKey, string>;

/** The English labels, read from public/_locales/en/messages.json at build time: the one place English is written. */
export const ENGLISH_REPORT_STRINGS: ReportStrings = englishStrings();

function englishStrings(): ReportStrings {
  const strings = { lang: 'en' } as ReportStrings;
  for (const key of REPORT_STRING_KEYS) strings[key] = english[key].message;
  return strings;
}

/**
 * The strings of the extension's UI language: `lookup` is `t` from src/lib/i18n, called with
 * `['$1', '$2']` as substitutions so placeholders survive for the report to fill. A key missing
 * from _locales (lookup answers '' or the key itself) falls back to English.
 */
export function reportStringsFrom(lang: string, lookup: (key: string, substitutions: string[]) => string): ReportStrings {
  const strings: ReportStrings = { ...ENGLISH_REPORT_STRINGS, lang };
  for (const key of REPORT_STRING_KEYS) {
    const message = lookup(key, ['$1', '$2']);
    if (message && message !== key) strings[key] = message;
  }
  return strings;
}
