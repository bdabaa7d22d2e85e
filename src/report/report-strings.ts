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

/**
 * The strings of the extension's UI language: `lookup` is `t` from src/lib/i18n, called with
 * `['$1', '$2']` as substitutions so placeholders survive for the report to fill. A key missing from
 * `lookup` (it answers '' or the key itself) takes `fallback`'s text. The extension pages give none:
 * the browser already answers a key its UI language lacks from the default locale, English, so the
 * English file stays out of their bundle (ENGLISH_REPORT_STRINGS, english-report-strings.ts, is for
 * the command line and the tests); a key missing everywhere shows as itself, as `t` shows it.
 */
export function reportStringsFrom(
  lang: string,
  lookup: (key: string, substitutions: string[]) => string,
  fallback?: Readonly<Record<ReportStringKey, string>>,
): ReportStrings {
  const strings = { lang } as ReportStrings;
  for (const key of REPORT_STRING_KEYS) {
    const message = lookup(key, ['$1', '$2']);
    strings[key] = message && message !== key ? message : (fallback?.[key] ?? key);
  }
  return strings;
}
