import type { ChartShape, ChartsSection, ChartSvg } from '../../report';

/**
 * The charts of the HTML report, drawn by Preact from the same model (src/report/chart-model.ts): every
 * label is a text node, and nothing is ever parsed as markup.
 */
function Shape({ shape }: { shape: ChartShape }) {
  switch (shape.shape) {
    case 'line':
      return <line x1={shape.x1} y1={shape.y1} x2={shape.x2} y2={shape.y2} stroke={shape.stroke} stroke-width="1" />;
    case 'rect':
      return (
        <rect x={shape.x} y={shape.y} width={shape.width} height={shape.height} fill={shape.fill}>
          {shape.title === undefined ? null : <title>{shape.title}</title>}
        </rect>
      );
    case 'text':
      return (
        <text x={shape.x} y={shape.y} text-anchor={shape.anchor} font-size={shape.fontSize}>
          {shape.text}
        </text>
      );
  }
}

function Drawing({ svg }: { svg: ChartSvg }) {
  return (
    <svg viewBox={`0 0 ${svg.width} ${svg.height}`} role="img" aria-label={svg.label}>
      {svg.shapes.map((shape, i) => (
        <Shape key={i} shape={shape} />
      ))}
    </svg>
  );
}

export function ChartsView({ section, findings }: { section: ChartsSection; findings: number }) {
  // data-findings says which data the charts were drawn from (the browser tests wait for it).
  return (
    <div class="charts card" data-section="charts" data-findings={findings}>
      <section id="charts">
        <h2>{section.heading}</h2>
        {section.charts.map((chart) => (
          <figure key={chart.id} class={chart.className} aria-labelledby={chart.id}>
            <figcaption id={chart.id}>{chart.caption}</figcaption>
            {chart.parts.map((part, i) => (part.part === 'svg' ? <Drawing key={i} svg={part.svg} /> : <p key={i}>{part.text}</p>))}
            {chart.legend.length > 0 && (
              <ul class="legend">
                {chart.legend.map((entry) => (
                  <li key={entry.label}>
                    <span class="swatch" style={{ background: entry.colour }} />
                    {entry.label}
                  </li>
                ))}
              </ul>
            )}
          </figure>
        ))}
      </section>
    </div>
  );
}
