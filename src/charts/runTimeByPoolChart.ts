// Run time distribution per pool on a log scale (whisker p5-p95, box p25-p75, tick at the median),
// with the pool boundaries drawn as rules.
import type { TopLevelSpec } from 'vega-lite';
import type { ChartModel } from './ChartModel.ts';
import { CHART_WIDTH, chartConfig, palette, poolColors } from './chartTheme.ts';
import { formatCount, formatDurationMs } from './formatNumber.ts';

export type PoolRunTime = {
  pool: 'fast' | 'standard' | 'heavy';
  jobs: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
};

export type RunTimeByPoolInput = { pools: PoolRunTime[]; fastMaxMs: number; standardMaxMs: number };

const poolOrder = ['fast', 'standard', 'heavy'];

export function runTimeByPoolChart(input: RunTimeByPoolInput): ChartModel {
  const rows = poolOrder
    .map((p) => input.pools.find((r) => r.pool === p && r.jobs > 0))
    .filter((r): r is PoolRunTime => r !== undefined)
    .map((r) => ({ ...r, p5: Math.max(r.p5, 1), p25: Math.max(r.p25, 1), p50: Math.max(r.p50, 1) }));
  const y = { field: 'pool', type: 'nominal' as const, sort: poolOrder, title: null };
  const x = { type: 'quantitative' as const, scale: { type: 'log' as const }, title: 'run time (ms, log scale)' };
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: chartConfig,
    width: CHART_WIDTH,
    height: 40 * Math.max(rows.length, 1),
    data: { values: rows },
    layer: [
      { mark: { type: 'rule' }, encoding: { y, x: { ...x, field: 'p5' }, x2: { field: 'p95' } } },
      {
        mark: { type: 'bar', size: 16, tooltip: true },
        encoding: {
          y,
          x: { ...x, field: 'p25' },
          x2: { field: 'p75' },
          color: {
            field: 'pool',
            type: 'nominal',
            legend: null,
            scale: { domain: poolOrder, range: poolOrder.map((p) => poolColors[p] ?? palette.grey) },
          },
          tooltip: [
            { field: 'pool' },
            { field: 'jobs', format: ',' },
            { field: 'p50', title: 'median ms', format: ',.0f' },
            { field: 'p95', title: 'p95 ms', format: ',.0f' },
          ],
        },
      },
      {
        mark: { type: 'tick', color: 'currentColor', thickness: 2, size: 18 },
        encoding: { y, x: { ...x, field: 'p50' } },
      },
      {
        data: { values: [{ ms: input.fastMaxMs }, { ms: input.standardMaxMs }] },
        mark: { type: 'rule', strokeDash: [3, 3], color: palette.grey },
        encoding: { x: { field: 'ms', type: 'quantitative' } },
      },
    ],
  };
  const alt =
    rows.length === 0
      ? 'No completed jobs with a run time in this period.'
      : rows
          .map(
            (r) =>
              `${r.pool}: ${formatCount(r.jobs)} jobs, median ${formatDurationMs(r.p50)}, middle half ${formatDurationMs(r.p25)} to ${formatDurationMs(r.p75)}, p95 ${formatDurationMs(r.p95)}.`,
          )
          .join(' ');
  return {
    id: 'run-time-by-pool',
    title: 'Run time by pool',
    caption: `Run time per pool on a log scale: line from p5 to p95, box from p25 to p75, tick at the median. Dashed lines are the pool boundaries (${formatDurationMs(input.fastMaxMs)}, ${formatDurationMs(input.standardMaxMs)}).`,
    alt,
    spec,
    empty: rows.length === 0,
    table: {
      columns: ['Pool', 'Jobs', 'p5 ms', 'p25 ms', 'Median ms', 'p75 ms', 'p95 ms'],
      rows: rows.map((r) =>
        [r.pool, r.jobs, r.p5, r.p25, r.p50, r.p75, r.p95].map((v) => (typeof v === 'number' ? Math.round(v) : v)),
      ),
    },
  };
}
