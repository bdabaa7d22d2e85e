import { AUDIENCES, isTrainingEligible, PLATFORMS } from '../core';
import type { Audience, Eligibility, Platform } from '../core';
import { dateFormat, numberFormat, safeLang } from './formats';
import { firstObjectionAt, platformsSeen } from './report-platforms';
import type { ExposureReport } from './report-schema';
import type { ReportStringKey, ReportStrings } from './report-strings';
import { fillMessage } from './text';

/**
 * The report's charts as data: every shape placed, every label plain text. Two renderers draw it, the
 * HTML file (src/report/chart-html.ts, escaping each text) and the Glasshouse page (Preact,
 * src/ui/report/charts-view.tsx), so the page never turns markup back into elements.
 */
export type ChartShape =
  | { shape: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string }
  | { shape: 'rect'; x: number; y: number; width: number; height: number; fill: string; title?: string }
  | { shape: 'text'; x: number; y: number; text: string; anchor?: 'middle' | 'end'; fontSize?: number };

export interface ChartSvg {
  width: number;
  height: number;
  label: string;
  shapes: ChartShape[];
}

/** A chart's body, in order: sentences and drawings. */
export type ChartPart = { part: 'sentence'; text: string } | { part: 'svg'; svg: ChartSvg };

export interface LegendEntry {
  label: string;
  colour: string;
}

export interface Chart {
  /** Unique in the page: the caption's id. */
  id: string;
  className: string;
  caption: string;
  parts: ChartPart[];
  legend: LegendEntry[];
}

export interface ChartsSection {
  heading: string;
  charts: Chart[];
}

export const ELIGIBILITY_COLOURS: Record<Eligibility, string> = { yes: '#c2410c', no: '#15803d', unknown: '#a16207' };
const PLATFORM_COLOURS: Record<Platform, string> = { facebook: '#c2410c', instagram: '#9d174d' };

interface Bar {
  label: string;
  value: number;
  colour: string;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The three charts of a report: public posts per year, posts by audience, and what an objection covers. */
export function chartsSection(report: ExposureReport, strings: ReportStrings, options: { timeZone?: string } = {}): ChartsSection {
  const lang = safeLang(strings.lang);
  const numbers = numberFormat(lang);
  const dates = dateFormat(lang, options.timeZone ?? 'UTC');
  const t = (key: ReportStringKey) => strings[key] ?? key;
  const count = (value: number) => numbers.format(value);
  const platformName = (platform: Platform) => t(`platform_${platform}`);
  const audienceName = (audience: Audience) => t(`audience_${audience}`);
  const sentence = (text: string): ChartPart => ({ part: 'sentence', text });
  const empty = [sentence(t('reportChartEmpty'))];

  /** Eligible posts per year of publication, a bar per year, stacked by platform; unknown dates last. */
  function perYear(): Omit<Chart, 'id'> {
    const chart = { className: 'chart per-year', caption: t('reportChartPerYear') };
    const byYear = new Map<number, Map<Platform, number>>();
    for (const summary of report.summary.platforms) {
      for (const { year, eligible } of summary.eligibleByYear) {
        if (eligible <= 0) continue;
        const counts = byYear.get(year) ?? new Map<Platform, number>();
        counts.set(summary.platform, (counts.get(summary.platform) ?? 0) + eligible);
        byYear.set(year, counts);
      }
    }
    if (byYear.size === 0) return { ...chart, parts: empty, legend: [] };
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
    const fontSize = round(Math.max(7, Math.min(12, slot * 0.38)));
    const shapes: ChartShape[] = [{ shape: 'line', x1: 8, y1: height - bottom, x2: width - 8, y2: height - bottom, stroke: '#9ca3af' }];
    years.forEach((year, i) => {
      const x = 8 + slot * i + (slot - barWidth) / 2;
      let y = height - bottom;
      for (const platform of PLATFORMS) {
        const value = byYear.get(year)!.get(platform) ?? 0;
        if (value === 0) continue;
        const h = (value / max) * plot;
        y -= h;
        shapes.push({
          shape: 'rect',
          x: round(x),
          y: round(y),
          width: round(barWidth),
          height: round(h),
          fill: PLATFORM_COLOURS[platform],
          title: `${platformName(platform)}: ${count(value)}`,
        });
      }
      const centre = round(x + barWidth / 2);
      shapes.push({ shape: 'text', x: centre, y: round(y - 5), text: count(totals[i]!), anchor: 'middle', fontSize });
      const label = year === 0 ? t('reportYearUnknown') : String(year);
      shapes.push({ shape: 'text', x: centre, y: height - bottom + 17, text: label, anchor: 'middle', fontSize });
    });
    const platforms = PLATFORMS.filter((p) => years.some((year) => (byYear.get(year)!.get(p) ?? 0) > 0));
    return {
      ...chart,
      parts: [{ part: 'svg', svg: { width, height, label: chart.caption, shapes } }],
      legend: platforms.map((platform) => ({ label: platformName(platform), colour: PLATFORM_COLOURS[platform] })),
    };
  }

  /** Horizontal bars with their label beside them, and their count. */
  function barsBeside(bars: Bar[], label: string): ChartSvg {
    const labelWidth = 270;
    const barArea = 300;
    const rowHeight = 26;
    const max = Math.max(1, ...bars.map((b) => b.value));
    const shapes = bars.flatMap((bar, i): ChartShape[] => {
      const y = 4 + i * rowHeight;
      const w = bar.value === 0 ? 0 : Math.max(2, (bar.value / max) * barArea);
      return [
        { shape: 'text', x: labelWidth - 8, y: y + 16, text: bar.label, anchor: 'end' },
        { shape: 'rect', x: labelWidth, y: y + 3, width: round(w), height: rowHeight - 8, fill: bar.colour },
        { shape: 'text', x: round(labelWidth + w + 6), y: y + 16, text: count(bar.value) },
      ];
    });
    return { width: 640, height: bars.length * rowHeight + 8, label, shapes };
  }

  /** Long labels (the objection chart's sentences) go above their bar rather than beside it. */
  function barsBelowLabels(bars: Bar[], label: string): ChartSvg {
    const barArea = 520;
    const rowHeight = 42;
    const max = Math.max(1, ...bars.map((b) => b.value));
    const shapes = bars.flatMap((bar, i): ChartShape[] => {
      const y = 4 + i * rowHeight;
      const w = bar.value === 0 ? 0 : Math.max(2, (bar.value / max) * barArea);
      return [
        { shape: 'text', x: 0, y: y + 12, text: bar.label },
        { shape: 'rect', x: 0, y: y + 18, width: round(w), height: 16, fill: bar.colour },
        { shape: 'text', x: round(w + 6), y: y + 31, text: count(bar.value) },
      ];
    });
    return { width: 640, height: bars.length * rowHeight + 6, label, shapes };
  }

  function byAudience(): Omit<Chart, 'id'> {
    const chart = { className: 'chart by-audience', caption: t('reportChartByAudience') };
    const bars: Bar[] = [];
    for (const platform of PLATFORMS) {
      const counts = new Map<Audience, number>();
      for (const finding of report.findings) {
        if (finding.platform === platform) counts.set(finding.audience, (counts.get(finding.audience) ?? 0) + 1);
      }
      for (const audience of AUDIENCES) {
        const value = counts.get(audience) ?? 0;
        if (value === 0) continue;
        bars.push({
          label: `${platformName(platform)} · ${audienceName(audience)}`,
          value,
          colour: ELIGIBILITY_COLOURS[isTrainingEligible(audience).eligible],
        });
      }
    }
    if (bars.length === 0) return { ...chart, parts: empty, legend: [] };
    return {
      ...chart,
      parts: [{ part: 'svg', svg: barsBeside(bars, chart.caption) }],
      legend: [
        { label: t('reportCountEligible'), colour: ELIGIBILITY_COLOURS.yes },
        { label: t('reportCountNotEligible'), colour: ELIGIBILITY_COLOURS.no },
        { label: t('reportCountUnknown'), colour: ELIGIBILITY_COLOURS.unknown },
      ],
    };
  }

  /** Per platform: eligible posts published before the objection (maybe trained on already), after it, or undated. */
  function objection(): Omit<Chart, 'id'> {
    const parts: ChartPart[] = [];
    for (const platform of platformsSeen(report)) {
      const objectedAt = firstObjectionAt(report, platform);
      if (!objectedAt) {
        parts.push(sentence(fillMessage(t('reportNoObjection'), platformName(platform))));
        continue;
      }
      const objected = Date.parse(objectedAt);
      let before = 0;
      let after = 0;
      let undated = 0;
      for (const finding of report.findings) {
        if (finding.platform !== platform || finding.eligible !== 'yes') continue;
        if (!finding.publishedAt) undated += 1;
        else if (Date.parse(finding.publishedAt) < objected) before += 1;
        else after += 1;
      }
      const date = Number.isFinite(objected) ? dates.format(objected) : '—';
      const heading = fillMessage(t('reportObjectedOn'), platformName(platform), date);
      const bars: Bar[] = [
        { label: t('reportBeforeObjection'), value: before, colour: ELIGIBILITY_COLOURS.yes },
        { label: t('reportAfterObjection'), value: after, colour: ELIGIBILITY_COLOURS.no },
        { label: t('reportDateUnknown'), value: undated, colour: ELIGIBILITY_COLOURS.unknown },
      ];
      parts.push(sentence(heading), { part: 'svg', svg: barsBelowLabels(bars, heading) });
    }
    return { className: 'chart objection', caption: t('reportChartObjection'), parts: parts.length ? parts : empty, legend: [] };
  }

  return {
    heading: t('reportChartsHeading'),
    charts: [perYear(), byAudience(), objection()].map((chart, i) => ({ id: `chart-${i + 1}`, ...chart })),
  };
}
