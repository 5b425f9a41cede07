// Readiness scores over time: production and each pool, 0-100.
import type { TopLevelSpec } from 'vega-lite';
import type { ChartModel } from './ChartModel.ts';
import { CHART_WIDTH, chartConfig, palette, poolColors } from './chartTheme.ts';
import { zonedLabel, zonedWallMs } from './zonedTime.ts';

export type ReadinessPoint = { at: string; series: 'production' | 'fast' | 'standard' | 'heavy'; score: number | null };
export type ReadinessTrendInput = { points: ReadinessPoint[]; timeZone: string };

const order = ['production', 'fast', 'standard', 'heavy'];

export function readinessTrendChart(input: ReadinessTrendInput): ChartModel {
  const rows = input.points
    .filter((p): p is ReadinessPoint & { score: number } => p.score !== null)
    .map((p) => ({
      t: zonedWallMs(p.at, input.timeZone),
      day: zonedLabel(p.at, input.timeZone, false),
      series: p.series,
      score: p.score,
    }));
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: chartConfig,
    width: CHART_WIDTH,
    height: 160,
    data: { values: rows },
    mark: { type: 'line', point: true, tooltip: true },
    encoding: {
      x: {
        field: 't',
        type: 'temporal',
        timeUnit: 'utcyearmonthdate',
        title: null,
        axis: { format: '%b %d', labelOverlap: true },
      },
      y: { field: 'score', type: 'quantitative', title: 'score', scale: { domain: [0, 100] } },
      color: {
        field: 'series',
        type: 'nominal',
        title: null,
        scale: { domain: order, range: order.map((s) => poolColors[s] ?? palette.grey) },
      },
      tooltip: [{ field: 'day' }, { field: 'series' }, { field: 'score', format: '.0f' }],
    },
  };
  const days = [...new Set(rows.map((r) => r.day))].sort();
  const first = days[0];
  const last = days[days.length - 1];
  const change = order
    .map((s) => {
      const a = rows.find((r) => r.series === s && r.day === first);
      const b = rows.find((r) => r.series === s && r.day === last);
      return a && b ? `${s} ${Math.round(a.score)} → ${Math.round(b.score)}` : null;
    })
    .filter(Boolean);
  const table = days.map((d) => [
    d,
    ...order.map((s) => {
      const r = rows.find((x) => x.series === s && x.day === d);
      return r ? Math.round(r.score) : null;
    }),
  ]);
  return {
    id: 'readiness-trend',
    title: 'Readiness trend',
    caption: 'Production and pool readiness scores (0-100) day by day.',
    alt: rows.length === 0 ? 'No readiness scores yet.' : `From ${first} to ${last}: ${change.join(', ')}.`,
    spec,
    empty: rows.length === 0,
    table: { columns: ['Day', 'Production', 'Fast', 'Standard', 'Heavy'], rows: table },
  };
}
