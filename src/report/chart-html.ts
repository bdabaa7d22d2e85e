import type { ChartShape, ChartsSection, ChartSvg } from './chart-model';
import { escapeHtml } from './text';

// The charts section of the HTML file, drawn from its model (src/report/chart-model.ts): inline SVG,
// every text escaped here, on its way into the markup.

function shapeHtml(shape: ChartShape): string {
  switch (shape.shape) {
    case 'line':
      return `<line x1="${shape.x1}" y1="${shape.y1}" x2="${shape.x2}" y2="${shape.y2}" stroke="${shape.stroke}" stroke-width="1"/>`;
    case 'rect': {
      const box = `x="${shape.x}" y="${shape.y}" width="${shape.width}" height="${shape.height}" fill="${shape.fill}"`;
      return shape.title === undefined ? `<rect ${box}/>` : `<rect ${box}><title>${escapeHtml(shape.title)}</title></rect>`;
    }
    case 'text': {
      const anchor = shape.anchor ? ` text-anchor="${shape.anchor}"` : '';
      const size = shape.fontSize === undefined ? '' : ` font-size="${shape.fontSize}"`;
      return `<text x="${shape.x}" y="${shape.y}"${anchor}${size}>${escapeHtml(shape.text)}</text>`;
    }
  }
}

function svgHtml(svg: ChartSvg): string {
  return `<svg viewBox="0 0 ${svg.width} ${svg.height}" role="img" aria-label="${escapeHtml(svg.label)}">\n${svg.shapes.map(shapeHtml).join('\n')}\n</svg>`;
}

export function chartsSectionHtml(section: ChartsSection): string {
  const charts = section.charts.map((chart) => {
    const body = chart.parts.map((part) => (part.part === 'svg' ? svgHtml(part.svg) : `<p>${escapeHtml(part.text)}</p>`)).join('\n');
    const legend = chart.legend.length
      ? `\n<ul class="legend">${chart.legend.map((e) => `<li><span class="swatch" style="background:${e.colour}"></span>${escapeHtml(e.label)}</li>`).join('')}</ul>`
      : '';
    return `<figure class="${chart.className}" aria-labelledby="${chart.id}"><figcaption id="${chart.id}">${escapeHtml(chart.caption)}</figcaption>\n${body}${legend}\n</figure>`;
  });
  return ['<section id="charts">', `<h2>${escapeHtml(section.heading)}</h2>`, ...charts, '</section>'].join('\n');
}
