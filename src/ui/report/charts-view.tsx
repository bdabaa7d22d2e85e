import { useEffect, useRef } from 'preact/hooks';
import { chartNodes } from './chart-markup';

/** The charts of the HTML report (src/report/html.ts draws them), rebuilt through an allow-list. */
export function ChartsView({ markup, findings }: { markup: string; findings: number }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    host.current?.replaceChildren(chartNodes(markup));
  }, [markup]);
  // data-findings says which data the charts were drawn from (the browser tests wait for it).
  return <div class="charts card" data-section="charts" data-findings={findings} ref={host} />;
}
