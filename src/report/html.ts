import { LIMITS, linkablePostUrl } from '../core';
import type { Audience, Evidence, Platform } from '../core';
import { FACEBOOK_ACTIVITY_LOG, INSTAGRAM_PRIVACY_SETTING, OBJECTION_FORMS, PRIVACY_CENTER_GENAI } from '../core/meta-addresses';
import type { ExposureReport, ReportFinding } from './report-schema';
import type { ReportStringKey, ReportStrings } from './report-strings';
import { chartsSectionHtml } from './chart-html';
import { chartsSection } from './chart-model';
import { dateFormat, numberFormat, safeLang } from './formats';
import { firstObjectionAt, platformsSeen } from './report-platforms';
import { clipForDisplay, escapeHtml, fillMessage, revealInvisible } from './text';

export interface HtmlReportOptions {
  /** Dates are shown in this time zone (an IANA name); UTC by default, so the same report gives the same file. */
  timeZone?: string;
  /** Rows of the exposed-posts table; the rest is counted, and is in the CSV export. */
  maxRows?: number;
}

export { linkablePostUrl };

const EVIDENCE_KEYS: Record<Evidence, ReportStringKey> = {
  'embedded-json': 'evidence_embedded_json',
  graphql: 'evidence_graphql',
  label: 'evidence_label',
  icon: 'evidence_icon',
  account: 'evidence_account',
  none: 'evidence_none',
};

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2937; background: #fff; margin: 0 auto; max-width: 62rem; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .75rem; padding-bottom: .25rem; border-bottom: 1px solid #d1d5db; }
p.meta { color: #4b5563; margin-top: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: start; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid #d1d5db; }
thead th { background: #f3f4f6; }
.num { text-align: end; font-variant-numeric: tabular-nums; }
.text, .url, code { overflow-wrap: anywhere; }
.url { color: #4b5563; font-size: .85em; }
td.evidence { color: #4b5563; font-size: .85em; }
figure { margin: 1.25rem 0; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-weight: 600; margin-bottom: .35rem; }
svg { display: block; width: 100%; max-width: 42rem; height: auto; }
svg text { font: 12px system-ui, sans-serif; fill: #1f2937; }
.legend { list-style: none; padding: 0; margin: .35rem 0 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; font-size: .9em; }
.swatch { display: inline-block; width: .8em; height: .8em; margin-inline-end: .35em; vertical-align: -.05em; }
ol.next li { margin-bottom: .5rem; }
footer { margin-top: 2.5rem; color: #4b5563; font-size: .85em; }
@page { margin: 15mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  figure, svg { break-inside: avoid; page-break-inside: avoid; }
  a.post::after { content: " " attr(href); color: #4b5563; font-size: .85em; overflow-wrap: anywhere; }
}
`;

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** Renders one report; every value that came from a page or a file is escaped on its way in. */
class HtmlReport {
  private readonly lang: string;
  private readonly dates: Intl.DateTimeFormat;
  private readonly numbers: Intl.NumberFormat;

  constructor(
    private readonly report: ExposureReport,
    private readonly strings: ReportStrings,
    private readonly options: HtmlReportOptions,
  ) {
    this.lang = safeLang(strings.lang);
    this.dates = dateFormat(this.lang, options.timeZone ?? 'UTC');
    this.numbers = numberFormat(this.lang);
  }

  /** A label, escaped. */
  private t(key: ReportStringKey): string {
    return escapeHtml(this.strings[key] ?? key);
  }

  /** A label with `$1`… replaced by markup that is already safe. */
  private tf(key: ReportStringKey, ...safeHtml: string[]): string {
    return fillMessage(this.t(key), ...safeHtml);
  }

  /** Text from a post, a name or a file: cut to `max`, invisible characters shown, escaped. */
  private shown(value: string, max: number): string {
    return escapeHtml(revealInvisible(clipForDisplay(value, max)));
  }

  private count(value: number): string {
    return escapeHtml(this.numbers.format(value));
  }

  private date(isoTime: string | undefined): string {
    if (!isoTime) return '—';
    const time = Date.parse(isoTime);
    return Number.isFinite(time) ? escapeHtml(this.dates.format(time)) : '—';
  }

  private platformName(platform: Platform): string {
    return this.t(`platform_${platform}`);
  }

  private audienceName(audience: Audience): string {
    return this.t(`audience_${audience}`);
  }

  render(): string {
    return [
      '<!DOCTYPE html>',
      `<html lang="${escapeHtml(this.lang)}">`,
      '<head>',
      '<meta charset="utf-8">',
      `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CSP)}">`,
      '<meta name="referrer" content="no-referrer">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      `<title>${this.t('reportTitle')}</title>`,
      `<style>${STYLE}</style>`,
      '</head>',
      '<body>',
      '<header>',
      `<h1>${this.t('reportTitle')}</h1>`,
      `<p class="meta">${this.tf('reportGeneratedAt', this.date(this.report.generatedAt))}</p>`,
      `<p>${this.t('reportIntro')}</p>`,
      '</header>',
      '<main>',
      this.summarySection(),
      this.accountsSection(),
      this.chartsSection(),
      this.exposedSection(),
      this.nextSection(),
      '</main>',
      `<footer><p>${this.t('reportFooter')}</p></footer>`,
      '</body>',
      '</html>',
      '',
    ].join('\n');
  }

  private summarySection(): string {
    const rows = this.report.summary.platforms.filter((p) => p.total > 0);
    const parts = [`<section id="summary">`, `<h2>${this.t('reportSummaryHeading')}</h2>`];
    if (rows.length === 0) parts.push(`<p>${this.t('reportNothingSeen')}</p>`);
    else {
      parts.push(
        '<table>',
        `<thead><tr><th scope="col">${this.t('reportColumnPlatform')}</th><th scope="col" class="num">${this.t('reportCountEligible')}</th><th scope="col" class="num">${this.t('reportCountNotEligible')}</th><th scope="col" class="num">${this.t('reportCountUnknown')}</th><th scope="col" class="num">${this.t('reportCountTotal')}</th></tr></thead>`,
        '<tbody>',
        ...rows.map(
          (p) =>
            `<tr><th scope="row">${this.platformName(p.platform)}</th><td class="num">${this.count(p.eligible)}</td><td class="num">${this.count(p.notEligible)}</td><td class="num">${this.count(p.unknown)}</td><td class="num">${this.count(p.total)}</td></tr>`,
        ),
        '</tbody>',
        '</table>',
      );
    }
    const objectionLines = platformsSeen(this.report).map((platform) => {
      const objectedAt = firstObjectionAt(this.report, platform);
      return objectedAt
        ? `<li>${this.tf('reportObjectedOn', this.platformName(platform), this.date(objectedAt))}</li>`
        : `<li>${this.tf('reportNoObjection', this.platformName(platform))}</li>`;
    });
    if (objectionLines.length > 0) parts.push(`<ul class="objections">`, ...objectionLines, '</ul>');
    parts.push('</section>');
    return parts.join('\n');
  }

  private accountsSection(): string {
    if (this.report.accounts.length === 0) return '';
    const rows = this.report.accounts.map((account) => {
      const name =
        account.platform === 'instagram' && account.username
          ? `@${account.username}`
          : (account.name ?? account.username ?? account.accountId);
      return `<tr><td>${this.platformName(account.platform)}</td><td class="text"><bdi>${this.shown(name, LIMITS.nameLength)}</bdi></td><td>${this.t(`privacy_${account.privacy}`)}</td></tr>`;
    });
    return [
      '<section id="accounts">',
      `<h2>${this.t('reportAccountsHeading')}</h2>`,
      '<table>',
      `<thead><tr><th scope="col">${this.t('reportColumnPlatform')}</th><th scope="col">${this.t('reportColumnAccount')}</th><th scope="col">${this.t('reportColumnPrivacy')}</th></tr></thead>`,
      '<tbody>',
      ...rows,
      '</tbody>',
      '</table>',
      '</section>',
    ].join('\n');
  }

  chartsSection(): string {
    return chartsSectionHtml(chartsSection(this.report, this.strings, this.options));
  }

  private exposedSection(): string {
    const exposed = this.report.findings.filter((f) => f.eligible === 'yes');
    const parts = ['<section id="exposed">', `<h2>${this.tf('reportExposedHeading', this.count(exposed.length))}</h2>`];
    if (exposed.length === 0) {
      parts.push(`<p>${this.t('reportExposedEmpty')}</p>`, '</section>');
      return parts.join('\n');
    }
    const maxRows = Math.max(0, this.options.maxRows ?? 10_000);
    parts.push(
      '<table class="exposed">',
      `<thead><tr><th scope="col">${this.t('reportColumnPlatform')}</th><th scope="col">${this.t('reportColumnKind')}</th><th scope="col">${this.t('reportColumnPublished')}</th><th scope="col">${this.t('reportColumnAudience')}</th><th scope="col">${this.t('reportColumnText')}</th><th scope="col">${this.t('reportColumnEvidence')}</th><th scope="col">${this.t('reportColumnLink')}</th></tr></thead>`,
      '<tbody>',
      ...exposed.slice(0, maxRows).map((finding) => this.exposedRow(finding)),
      '</tbody>',
      '</table>',
    );
    if (exposed.length > maxRows) parts.push(`<p>${this.tf('reportMoreRows', this.count(exposed.length - maxRows))}</p>`);
    parts.push('</section>');
    return parts.join('\n');
  }

  private exposedRow(finding: ReportFinding): string {
    const href = linkablePostUrl(finding.url);
    const link = href
      ? `<a class="post" href="${escapeHtml(href)}" rel="noreferrer noopener">${this.tf('reportOpenOn', this.platformName(finding.platform))}</a>`
      : `<span class="url">${this.shown(finding.url, 200)}</span>`;
    const text = finding.excerpt ? `<bdi>${this.shown(finding.excerpt, LIMITS.excerptLength)}</bdi>` : '';
    return [
      '<tr>',
      `<td>${this.platformName(finding.platform)}</td>`,
      `<td>${this.t(`kind_${finding.kind}`)}</td>`,
      `<td>${this.date(finding.publishedAt)}</td>`,
      `<td>${this.audienceName(finding.audience)}</td>`,
      `<td class="text">${text}</td>`,
      `<td class="evidence">${this.t(EVIDENCE_KEYS[finding.evidence])}</td>`,
      `<td>${link}</td>`,
      '</tr>',
    ].join('');
  }

  private nextSection(): string {
    const code = (url: string) => `<code>${escapeHtml(url)}</code>`;
    // Meta's pages are shown as text, not links: the file links only to the user's own posts.
    const items = [
      this.t('reportNextChangeAudience'),
      this.t('reportNextLimitPast'),
      this.tf('reportNextActivityLog', code(FACEBOOK_ACTIVITY_LOG)),
      this.t('adviceComment'),
      this.t('adviceAlwaysPublic'),
      this.tf('reportNextInstagram', code(INSTAGRAM_PRIVACY_SETTING)),
      this.tf('reportNextObject', code(OBJECTION_FORMS.facebook), code(OBJECTION_FORMS.instagram)),
      this.tf('reportNextPrivacyCenter', code(PRIVACY_CENTER_GENAI)),
      this.t('reportNextKeep'),
    ];
    return [
      '<section id="next">',
      `<h2>${this.t('reportNextHeading')}</h2>`,
      '<ol class="next">',
      ...items.map((item) => `<li>${item}</li>`),
      '</ol>',
      '</section>',
    ].join('\n');
  }
}

/**
 * The report as one self-contained, printable HTML document: inline CSS and SVG, no script, no
 * request (a CSP meta forbids both); links only to the user's posts on facebook.com and instagram.com.
 */
export function toHtml(report: ExposureReport, strings: ReportStrings, options: HtmlReportOptions = {}): string {
  return new HtmlReport(report, strings, options).render();
}
