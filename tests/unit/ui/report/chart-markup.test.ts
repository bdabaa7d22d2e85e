// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { buildReport, ENGLISH_REPORT_STRINGS } from '../../../../src/report';
import { chartsHtml } from '../../../../src/report/html';
import { chartNodes } from '../../../../src/ui/report/chart-markup';
import { sampleInput } from '../../report/sample';

const render = (markup: string) => {
  const host = document.createElement('div');
  host.append(chartNodes(markup));
  return host;
};

describe('the charts on the report page', () => {
  it('are the charts of the HTML report, element for element', () => {
    const markup = chartsHtml(buildReport(sampleInput()), ENGLISH_REPORT_STRINGS, { timeZone: 'UTC' });
    const original = new DOMParser().parseFromString(markup, 'text/html').body;
    const rebuilt = render(markup);
    expect(rebuilt.innerHTML).toBe(original.innerHTML);
    expect(rebuilt.querySelector('svg')?.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(rebuilt.querySelector('svg')?.getAttribute('viewBox')).toMatch(/^0 0 \d+ \d+$/);
  });

  it('let nothing through that could run, load or restyle the page', () => {
    const hostile = [
      '<section id="charts" onclick="alert(1)"><h2 style="position:fixed">Charts</h2>',
      '<script>alert(1)</script><img src="x" onerror="alert(1)"><a href="javascript:alert(1)">link</a>',
      '<figure><svg viewBox="0 0 10 10" onload="alert(1)"><use href="#x"/><foreignObject><iframe></iframe></foreignObject>',
      '<rect width="5" height="5" fill="url(https://evil.example/x)" style="fill:red"/><text x="1" y="2">ok</text></svg>',
      '<ul class="legend"><li><span class="swatch" style="background:#c2410c"></span>Public</li>',
      '<li><span class="swatch" style="background:url(https://evil.example)"></span>Bad</li></ul></figure></section>',
    ].join('');
    const host = render(hostile);
    expect(host.querySelectorAll('script, img, a, use, foreignObject, iframe')).toHaveLength(0);
    expect(
      [...host.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.name)).filter((name) => name.startsWith('on')),
    ).toEqual([]);
    expect(host.querySelector('h2')?.hasAttribute('style')).toBe(false);
    expect([...host.querySelectorAll('[style]')].map((el) => el.getAttribute('style'))).toEqual(['background:#c2410c']);
    expect(host.querySelector('text')?.textContent).toBe('ok');
    // A paint that is not a plain colour could be fetched: it is dropped.
    expect(host.querySelector('rect')?.hasAttribute('fill')).toBe(false);
    expect(host.querySelector('rect')?.getAttribute('width')).toBe('5');
  });
});
