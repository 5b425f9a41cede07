// Chart models -> the SVG and compiled Vega spec a page embeds. Empty charts are not rendered.
import type { ChartModel } from '../charts/ChartModel.ts';
import { compileChart, renderChartSvg } from '../charts/renderChartSvg.ts';
import type { RenderedChart } from './PageView.ts';

export async function renderCharts(models: ChartModel[]): Promise<RenderedChart[]> {
  const out: RenderedChart[] = [];
  for (const m of models) {
    const base = { id: m.id, title: m.title, caption: m.caption, alt: m.alt, empty: m.empty, table: m.table };
    if (m.empty) {
      out.push({ ...base, svg: '', vega: '' });
      continue;
    }
    const vega = compileChart(m.spec);
    out.push({ ...base, svg: await renderChartSvg(vega, m.title), vega: JSON.stringify(vega) });
  }
  return out;
}
