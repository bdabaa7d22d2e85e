// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { buildReport, chartsSection, ENGLISH_REPORT_STRINGS, toHtml, type ReportStrings } from '../../../../src/report';
import { ChartsView } from '../../../../src/ui/report/charts-view';
import { sampleInput } from '../../report/sample';
import { mount } from '../render';

/** An element as a comparable text: its name, its attributes sorted (a style as the browser reads it), its children; no blank text. */
function shape(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent!.trim() === '' ? '' : JSON.stringify(node.textContent);
  const element = node as Element;
  const attributes = [...element.attributes]
    .map((a) => `${a.name}=${a.name === 'style' ? (element as HTMLElement).style.cssText : a.value}`)
    .sort()
    .join(' ');
  const children = [...element.childNodes].map(shape).filter(Boolean).join(',');
  return `<${element.namespaceURI === 'http://www.w3.org/2000/svg' ? 'svg:' : ''}${element.localName} ${attributes}>[${children}]`;
}

/** The charts section of the HTML file, parsed as a browser opens the file. */
function chartsOfTheFile(strings: ReportStrings): Element {
  const html = toHtml(buildReport(sampleInput()), strings, { timeZone: 'UTC' });
  return new DOMParser().parseFromString(html, 'text/html').querySelector('section#charts')!;
}

describe('the charts on the Glasshouse page', () => {
  it('are the charts of the HTML file, element for element: one model, two renderers', async () => {
    const report = buildReport(sampleInput());
    const root = await mount(<ChartsView section={chartsSection(report, ENGLISH_REPORT_STRINGS, { timeZone: 'UTC' })} findings={5} />);
    const drawn = root.querySelector('section#charts')!;
    expect(shape(drawn)).toBe(shape(chartsOfTheFile(ENGLISH_REPORT_STRINGS)));
    expect(drawn.querySelectorAll('figure')).toHaveLength(3);
    expect(drawn.querySelector('svg')?.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(drawn.querySelector('svg')?.getAttribute('viewBox')).toMatch(/^0 0 \d+ \d+$/);
  });

  it('shows hostile words as words in both: a translation or a name never becomes markup', async () => {
    const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const strings: ReportStrings = {
      ...ENGLISH_REPORT_STRINGS,
      reportChartPerYear: hostile,
      platform_facebook: `${hostile}&amp;`,
      reportNoObjection: `$1 ${hostile}`,
      reportCountEligible: hostile,
    };
    const report = buildReport(sampleInput());
    const root = await mount(<ChartsView section={chartsSection(report, strings, { timeZone: 'UTC' })} findings={5} />);
    for (const drawn of [root.querySelector('section#charts')!, chartsOfTheFile(strings)]) {
      expect(drawn.querySelectorAll('img, script')).toHaveLength(0);
      expect(drawn.querySelector('figcaption')?.textContent).toBe(hostile);
      expect(drawn.querySelector('rect title')?.textContent).toBe(`${hostile}&amp;: 1`);
      expect(drawn.querySelector('.legend li')?.textContent).toBe(`${hostile}&amp;`);
    }
    expect(shape(root.querySelector('section#charts')!)).toBe(shape(chartsOfTheFile(strings)));
  });
});
