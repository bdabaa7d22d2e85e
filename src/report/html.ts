import { AUDIENCES, isTrainingEligible, LIMITS, linkablePostUrl, PLATFORMS } from '../core';
import type { Audience, Eligibility, Evidence, Platform } from '../core';
import { FACEBOOK_ACTIVITY_LOG, INSTAGRAM_PRIVACY_SETTING, OBJECTION_FORMS, PRIVACY_CENTER_GENAI } from '../core/meta-addresses';
import type { ExposureReport, ReportFinding } from './report-schema';
import type { ReportStringKey, ReportStrings } from './report-strings';
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

const ELIGIBILITY_COLOURS: Record<Eligibility, string> = { yes: '#c2410c', no: '#15803d', unknown: '#a16207' };
const PLATFORM_COLOURS: Record<Platform, string> = { facebook: '#c2410c', instagram: '#9d174d' };

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

interface Bar {
  label: string;
  value: number;
  colour: string;
}

/** Renders one report; every value that came from a page or a file is escaped on its way in. */
class HtmlReport {
  private readonly lang: string;
  private readonly dates: Intl.DateTimeFormat;
  private readonly numbers: Intl.NumberFormat;
  private chartCount = 0;

  constructor(
    private readonly report: ExposureReport,
    private readonly strings: ReportStrings,
    private readonly options: HtmlReportOptions,
  ) {
    this.lang = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/.test(strings.lang) ? strings.lang : 'en';
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

  private platformsSeen(): Platform[] {
    const withObjection = new Set(this.report.objections.map((o) => o.platform));
    return PLATFORMS.filter(
      (platform) =>
        this.report.findings.some((f) => f.platform === platform) ||
        withObjection.has(platform) ||
        this.report.accounts.some((a) => a.platform === platform),
    );
  }

  /** The first objection per platform: an objection covers what is published after it. */
  private objectionOf(platform: Platform): string | undefined {
    return this.report.objections
      .filter((o) => o.platform === platform)
      .map((o) => o.objectedAt)
      .sort()[0];
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
    const objectionLines = this.platformsSeen().map((platform) => {
      const objectedAt = this.objectionOf(platform);
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
    return [
      '<section id="charts">',
      `<h2>${this.t('reportChartsHeading')}</h2>`,
      this.perYearChart(),
      this.byAudienceChart(),
      this.objectionChart(),
      '</section>',
    ].join('\n');
  }

  private figure(className: string, caption: string, body: string, legend = ''): string {
    this.chartCount += 1;
    return `<figure class="${className}" aria-labelledby="chart-${this.chartCount}"><figcaption id="chart-${this.chartCount}">${caption}</figcaption>\n${body}${legend ? `\n${legend}` : ''}\n</figure>`;
  }

  private legend(entries: { label: string; colour: string }[]): string {
    return `<ul class="legend">${entries.map((e) => `<li><span class="swatch" style="background:${e.colour}"></span>${e.label}</li>`).join('')}</ul>`;
  }

  /** Eligible posts per year of publication, a bar per year, stacked by platform; unknown dates last. */
  private perYearChart(): string {
    const caption = this.t('reportChartPerYear');
    const byYear = new Map<number, Map<Platform, number>>();
    for (const summary of this.report.summary.platforms) {
      for (const { year, eligible } of summary.eligibleByYear) {
        if (eligible <= 0) continue;
        const counts = byYear.get(year) ?? new Map<Platform, number>();
        counts.set(summary.platform, (counts.get(summary.platform) ?? 0) + eligible);
        byYear.set(year, counts);
      }
    }
    if (byYear.size === 0) return this.figure('chart per-year', caption, `<p>${this.t('reportChartEmpty')}</p>`);
    const years = [...byYear.keys()].sort((a, b) => (a === 0 ? 1 : b === 0 ? -1 : a - b));
    const totals = years.map((year) => [...byYear.get(year)!.values()].reduce((sum, n) => sum + n, 0));
    const max = Math.max(...totals);
    const width = 640;
    const height = 240;
    const top = 22;
    const bottom = 26;
    const plot = height - top - bottom;
    const slot = (width - 16) / years.length;
    const barWidth = Math.max(2, Math.min(48, slot * 0.7));
    const fontSize = Math.max(7, Math.min(12, slot * 0.38));
    const shapes: string[] = [
      `<line x1="8" y1="${height - bottom}" x2="${width - 8}" y2="${height - bottom}" stroke="#9ca3af" stroke-width="1"/>`,
    ];
    years.forEach((year, i) => {
      const x = 8 + slot * i + (slot - barWidth) / 2;
      let y = height - bottom;
      for (const platform of PLATFORMS) {
        const value = byYear.get(year)!.get(platform) ?? 0;
        if (value === 0) continue;
        const h = (value / max) * plot;
        y -= h;
        shapes.push(
          `<rect x="${round(x)}" y="${round(y)}" width="${round(barWidth)}" height="${round(h)}" fill="${PLATFORM_COLOURS[platform]}"><title>${this.platformName(platform)}: ${this.count(value)}</title></rect>`,
        );
      }
      const centre = round(x + barWidth / 2);
      shapes.push(
        `<text x="${centre}" y="${round(y - 5)}" text-anchor="middle" font-size="${round(fontSize)}">${this.count(totals[i]!)}</text>`,
      );
      const label = year === 0 ? this.t('reportYearUnknown') : escapeHtml(String(year));
      shapes.push(`<text x="${centre}" y="${height - bottom + 17}" text-anchor="middle" font-size="${round(fontSize)}">${label}</text>`);
    });
    const svg = `<svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(this.strings.reportChartPerYear)}">\n${shapes.join('\n')}\n</svg>`;
    const platforms = PLATFORMS.filter((p) => years.some((year) => (byYear.get(year)!.get(p) ?? 0) > 0));
    return this.figure(
      'chart per-year',
      caption,
      svg,
      this.legend(platforms.map((platform) => ({ label: this.platformName(platform), colour: PLATFORM_COLOURS[platform] }))),
    );
  }

  /** Horizontal bars with their label and count; labels and `ariaLabel` are already escaped. */
  private horizontalBars(bars: Bar[], ariaLabel: string): string {
    const width = 640;
    const labelWidth = 270;
    const barArea = 300;
    const rowHeight = 26;
    const max = Math.max(1, ...bars.map((b) => b.value));
    const shapes = bars.map((bar, i) => {
      const y = 4 + i * rowHeight;
      const w = bar.value === 0 ? 0 : Math.max(2, (bar.value / max) * barArea);
      return [
        `<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end">${bar.label}</text>`,
        `<rect x="${labelWidth}" y="${y + 3}" width="${round(w)}" height="${rowHeight - 8}" fill="${bar.colour}"/>`,
        `<text x="${round(labelWidth + w + 6)}" y="${y + 16}">${this.count(bar.value)}</text>`,
      ].join('');
    });
    return `<svg viewBox="0 0 ${width} ${bars.length * rowHeight + 8}" role="img" aria-label="${ariaLabel}">\n${shapes.join('\n')}\n</svg>`;
  }

  private byAudienceChart(): string {
    const caption = this.t('reportChartByAudience');
    const bars: Bar[] = [];
    for (const platform of PLATFORMS) {
      const counts = new Map<Audience, number>();
      for (const finding of this.report.findings) {
        if (finding.platform === platform) counts.set(finding.audience, (counts.get(finding.audience) ?? 0) + 1);
      }
      for (const audience of AUDIENCES) {
        const value = counts.get(audience) ?? 0;
        if (value === 0) continue;
        bars.push({
          label: `${this.platformName(platform)} · ${this.audienceName(audience)}`,
          value,
          colour: ELIGIBILITY_COLOURS[isTrainingEligible(audience).eligible],
        });
      }
    }
    if (bars.length === 0) return this.figure('chart by-audience', caption, `<p>${this.t('reportChartEmpty')}</p>`);
    const legend = this.legend([
      { label: this.t('reportCountEligible'), colour: ELIGIBILITY_COLOURS.yes },
      { label: this.t('reportCountNotEligible'), colour: ELIGIBILITY_COLOURS.no },
      { label: this.t('reportCountUnknown'), colour: ELIGIBILITY_COLOURS.unknown },
    ]);
    return this.figure('chart by-audience', caption, this.horizontalBars(bars, caption), legend);
  }

  /** Per platform: eligible posts published before the objection (maybe trained on already), after it, or undated. */
  private objectionChart(): string {
    const caption = this.t('reportChartObjection');
    const parts: string[] = [];
    for (const platform of this.platformsSeen()) {
      const eligible = this.report.findings.filter((f) => f.platform === platform && f.eligible === 'yes');
      const objectedAt = this.objectionOf(platform);
      if (!objectedAt) {
        parts.push(`<p>${this.tf('reportNoObjection', this.platformName(platform))}</p>`);
        continue;
      }
      const objected = Date.parse(objectedAt);
      let before = 0;
      let after = 0;
      let undated = 0;
      for (const finding of eligible) {
        if (!finding.publishedAt) undated += 1;
        else if (Date.parse(finding.publishedAt) < objected) before += 1;
        else after += 1;
      }
      const heading = this.tf('reportObjectedOn', this.platformName(platform), this.date(objectedAt));
      const bars: Bar[] = [
        { label: this.t('reportBeforeObjection'), value: before, colour: ELIGIBILITY_COLOURS.yes },
        { label: this.t('reportAfterObjection'), value: after, colour: ELIGIBILITY_COLOURS.no },
        { label: this.t('reportDateUnknown'), value: undated, colour: ELIGIBILITY_COLOURS.unknown },
      ];
      parts.push(`<p>${heading}</p>`, this.horizontalBarsWrapped(bars, heading));
    }
    if (parts.length === 0) parts.push(`<p>${this.t('reportChartEmpty')}</p>`);
    return this.figure('chart objection', caption, parts.join('\n'));
  }

  /** Long labels (the objection chart's sentences) go above their bar rather than beside it. */
  private horizontalBarsWrapped(bars: Bar[], ariaLabel: string): string {
    const width = 640;
    const barArea = 520;
    const rowHeight = 42;
    const max = Math.max(1, ...bars.map((b) => b.value));
    const shapes = bars.map((bar, i) => {
      const y = 4 + i * rowHeight;
      const w = bar.value === 0 ? 0 : Math.max(2, (bar.value / max) * barArea);
      return [
        `<text x="0" y="${y + 12}">${bar.label}</text>`,
        `<rect x="0" y="${y + 18}" width="${round(w)}" height="16" fill="${bar.colour}"/>`,
        `<text x="${round(w + 6)}" y="${y + 31}">${this.count(bar.value)}</text>`,
      ].join('');
    });
    return `<svg viewBox="0 0 ${width} ${bars.length * rowHeight + 6}" role="img" aria-label="${ariaLabel}">\n${shapes.join('\n')}\n</svg>`;
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

const round = (n: number) => Math.round(n * 10) / 10;

function dateFormat(lang: string, timeZone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone });
  } catch {
    return new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });
  }
}

function numberFormat(lang: string): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(lang);
  } catch {
    return new Intl.NumberFormat('en');
  }
}

/**
 * The report as one self-contained, printable HTML document: inline CSS and SVG, no script, no
 * request (a CSP meta forbids both); links only to the user's posts on facebook.com and instagram.com.
 */
export function toHtml(report: ExposureReport, strings: ReportStrings, options: HtmlReportOptions = {}): string {
  return new HtmlReport(report, strings, options).render();
}

/** The charts section alone (inline SVG, every label escaped): the report page shows the charts of the file. */
export function chartsHtml(report: ExposureReport, strings: ReportStrings, options: HtmlReportOptions = {}): string {
  return new HtmlReport(report, strings, options).chartsSection();
}
