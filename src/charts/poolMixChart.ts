// Share of jobs per pool over time (stacked to 100%).
import type { TopLevelSpec } from 'vega-lite';
import type { ChartModel } from './ChartModel.ts';
import { CHART_WIDTH, chartConfig, palette, poolColors } from './chartTheme.ts';
import { formatPercent } from './formatNumber.ts';
import { zonedLabel, zonedWallMs } from './zonedTime.ts';

export type PoolMixPoint = { at: string; fast: number; standard: number; heavy: number };
export type PoolMixInput = { points: PoolMixPoint[]; timeZone: string; granularity: 'hour' | 'day' };

const pools = ['fast', 'standard', 'heavy'] as const;

export function poolMixChart(input: PoolMixInput): ChartModel {
  const withTime = input.granularity === 'hour';
  const long = input.points.flatMap((p) =>
    pools.map((pool) => ({
      t: zonedWallMs(p.at, input.timeZone),
      label: zonedLabel(p.at, input.timeZone, withTime),
      pool,
      jobs: p[pool],
    })),
  );
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: chartConfig,
    width: CHART_WIDTH,
    height: 120,
    data: { values: long },
    mark: { type: 'area', tooltip: true },
    encoding: {
      x: {
        field: 't',
        type: 'temporal',
        timeUnit: withTime ? 'utcyearmonthdatehours' : 'utcyearmonthdate',
        title: null,
        axis: { format: withTime ? '%H:%M' : '%b %d', labelOverlap: true },
      },
      y: { field: 'jobs', type: 'quantitative', stack: 'normalize', title: 'share of jobs', axis: { format: '.0%' } },
      color: {
        field: 'pool',
        type: 'nominal',
        title: null,
        scale: { domain: [...pools], range: pools.map((p) => poolColors[p] ?? palette.grey) },
      },
      order: { field: 'pool', sort: 'ascending' },
      tooltip: [{ field: 'label', title: 'time' }, { field: 'pool' }, { field: 'jobs', format: ',' }],
    },
  };
  const totals = pools.map((pool) => input.points.reduce((s, p) => s + p[pool], 0));
  const all = totals.reduce((s, n) => s + n, 0);
  return {
    id: 'pool-mix',
    title: 'Pool mix',
    caption: 'Share of finished jobs that fall in the fast, standard and heavy pools.',
    alt:
      all === 0
        ? 'No jobs to place in pools in this period.'
        : `Over the period ${pools.map((p, i) => `${formatPercent((totals[i] ?? 0) / all)} of jobs were ${p}`).join(', ')}.`,
    spec,
    empty: all === 0,
    table: {
      columns: [withTime ? 'Hour' : 'Day', 'Fast', 'Standard', 'Heavy'],
      rows: input.points.map((p) => [zonedLabel(p.at, input.timeZone, withTime), p.fast, p.standard, p.heavy]),
    },
  };
}
