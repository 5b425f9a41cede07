// Run time distribution by pool on a log scale: one circle per job type at its p90 run time, in the row of
// the pool that p90 falls in, sized by job count. Job types that straddle two pools are hollow.
// The pool boundaries are drawn as dashed rules.
import type { TopLevelSpec } from 'vega-lite';
import type { ChartModel } from './ChartModel.ts';
import { CHART_WIDTH, chartConfig, palette, poolColors } from './chartTheme.ts';
import { formatCount, formatDurationMs } from './formatNumber.ts';
import { logTicks } from './logTicks.ts';

export type JobTypeRunTime = {
  name: string;
  pool: 'fast' | 'standard' | 'heavy';
  jobs: number;
  p90Ms: number;
  /** Under 80% of its jobs fall in one pool. */
  straddles: boolean;
};

export type RunTimeByPoolInput = { jobTypes: JobTypeRunTime[]; fastMaxMs: number; standardMaxMs: number };

const poolOrder = ['fast', 'standard', 'heavy'];

export function runTimeByPoolChart(input: RunTimeByPoolInput): ChartModel {
  const rows = input.jobTypes
    .filter((r) => r.jobs > 0 && Number.isFinite(r.p90Ms))
    .map((r) => ({ ...r, ms: Math.max(r.p90Ms, 1), split: r.straddles ? 'straddles pools' : 'clean' }))
    .sort((a, b) => poolOrder.indexOf(a.pool) - poolOrder.indexOf(b.pool) || a.ms - b.ms);
  const ticks = logTicks(
    Math.min(input.fastMaxMs, ...rows.map((r) => r.ms)),
    Math.max(input.standardMaxMs, ...rows.map((r) => r.ms)),
  );
  const x = {
    type: 'quantitative' as const,
    scale: { type: 'log' as const, domain: [ticks[0]!, ticks[ticks.length - 1]!] },
    axis: { values: ticks, format: '~s' },
    title: 'p90 run time (ms, log scale)',
  };
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: chartConfig,
    width: CHART_WIDTH,
    height: 120,
    layer: [
      {
        data: { values: rows },
        mark: { type: 'point', filled: true, strokeWidth: 2, tooltip: true },
        encoding: {
          y: { field: 'pool', type: 'nominal', sort: poolOrder, scale: { domain: poolOrder }, title: null },
          x: { ...x, field: 'ms' },
          size: { field: 'jobs', type: 'quantitative', legend: null },
          color: {
            field: 'pool',
            type: 'nominal',
            legend: null,
            scale: { domain: poolOrder, range: poolOrder.map((p) => poolColors[p] ?? palette.grey) },
          },
          fillOpacity: {
            field: 'split',
            type: 'ordinal',
            scale: { domain: ['clean', 'straddles pools'], range: [0.7, 0] },
            legend: null,
          },
          tooltip: [
            { field: 'name', title: 'job type' },
            { field: 'pool' },
            { field: 'jobs', format: ',' },
            { field: 'p90Ms', title: 'p90 ms', format: ',.0f' },
            { field: 'split', title: 'pool fit' },
          ],
        },
      },
      {
        data: { values: [{ ms: input.fastMaxMs }, { ms: input.standardMaxMs }] },
        mark: { type: 'rule', strokeDash: [3, 3], color: palette.grey },
        encoding: { x: { ...x, field: 'ms' } },
      },
    ],
  };
  const perPool = poolOrder.map((pool) => {
    const inPool = rows.filter((r) => r.pool === pool);
    return { pool, types: inPool.length, jobs: inPool.reduce((s, r) => s + r.jobs, 0) };
  });
  const straddling = rows.filter((r) => r.straddles);
  const alt =
    rows.length === 0
      ? 'No completed jobs with a run time in this period.'
      : `${perPool.map((p) => `${p.pool}: ${p.types} job type${p.types === 1 ? '' : 's'}, ${formatCount(p.jobs)} jobs`).join('; ')}.${
          straddling.length
            ? ` ${straddling.length} job type${straddling.length === 1 ? ' straddles' : 's straddle'} two pools: ${straddling
                .slice(0, 4)
                .map((r) => r.name)
                .join(', ')}${straddling.length > 4 ? ' and more' : ''}.`
            : ' Every job type falls cleanly in one pool.'
        }`;
  return {
    id: 'run-time-by-pool',
    title: 'Run time by pool',
    caption: `Each circle is a job type at its p90 run time (log scale), in the pool that p90 falls in; hollow circles straddle two pools. Dashed lines are the pool boundaries (${formatDurationMs(input.fastMaxMs)} and ${formatDurationMs(input.standardMaxMs)}).`,
    alt,
    spec,
    empty: rows.length === 0,
    table: {
      columns: ['Job type', 'Pool', 'Jobs', 'p90 ms', 'Pool fit'],
      rows: rows.map((r) => [r.name, r.pool, r.jobs, Math.round(r.p90Ms), r.split]),
    },
  };
}
