// Queue wait against run time per job type (log-log): points above the diagonal wait longer than they run,
// which is the signature of a bottleneck.
import type { TopLevelSpec } from 'vega-lite';
import type { ChartModel } from './ChartModel.ts';
import { CHART_WIDTH, chartConfig, palette } from './chartTheme.ts';
import { formatDurationMs } from './formatNumber.ts';
import { logTicks } from './logTicks.ts';

const RUN_TITLE = 'run time p95 (ms, log scale)';
const WAIT_TITLE = 'queue wait p95 (ms, log scale)';

export type WaitRunPoint = { name: string; jobs: number; waitMs: number; runMs: number };

export function waitVsRunChart(points: WaitRunPoint[]): ChartModel {
  const rows = points
    .filter((p) => p.jobs > 0)
    .map((p) => ({ ...p, wait: Math.max(p.waitMs, 1), run: Math.max(p.runMs, 1) }));
  const max = rows.reduce((m, r) => Math.max(m, r.wait, r.run), 10);
  const min = rows.reduce((m, r) => Math.min(m, r.wait, r.run), max);
  const ticks = logTicks(min, max);
  const scale = { type: 'log' as const, domain: [ticks[0]!, ticks[ticks.length - 1]!] };
  const axis = { values: ticks, format: '~s' };
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: chartConfig,
    width: CHART_WIDTH,
    height: 260,
    layer: [
      {
        data: {
          values: [
            { a: ticks[0]!, b: ticks[0]! },
            { a: ticks[ticks.length - 1]!, b: ticks[ticks.length - 1]! },
          ],
        },
        mark: { type: 'line', strokeDash: [3, 3], color: palette.grey },
        encoding: {
          x: { field: 'a', type: 'quantitative', scale, axis, title: RUN_TITLE },
          y: { field: 'b', type: 'quantitative', scale, axis, title: WAIT_TITLE },
        },
      },
      {
        data: { values: rows },
        mark: { type: 'circle', opacity: 0.75, color: palette.blue, tooltip: true },
        encoding: {
          x: { field: 'run', type: 'quantitative', scale, axis, title: RUN_TITLE },
          y: { field: 'wait', type: 'quantitative', scale, axis, title: WAIT_TITLE },
          size: { field: 'jobs', type: 'quantitative', title: 'jobs', legend: null },
          tooltip: [
            { field: 'name', title: 'job type' },
            { field: 'jobs', format: ',' },
            { field: 'waitMs', title: 'wait p95 ms', format: ',.0f' },
            { field: 'runMs', title: 'run p95 ms', format: ',.0f' },
          ],
        },
      },
    ],
  };
  const waitingMore = rows.filter((r) => r.wait > r.run);
  const worst = [...waitingMore].sort((a, b) => b.wait / b.run - a.wait / a.run)[0];
  return {
    id: 'wait-vs-run',
    title: 'Queue wait against run time',
    caption:
      'Each circle is a job type, sized by job count. Above the dashed diagonal, jobs wait longer than they run.',
    alt:
      rows.length === 0
        ? 'No job types with finished jobs in this period.'
        : waitingMore.length === 0
          ? `${rows.length} job type${rows.length === 1 ? '' : 's'}; none waits longer in the queue than it runs.`
          : `${rows.length} job type${rows.length === 1 ? '' : 's'}; ${waitingMore.length} wait${waitingMore.length === 1 ? 's' : ''} longer in the queue than ${waitingMore.length === 1 ? 'it runs' : 'they run'}, the largest gap being ${worst?.name} (wait ${formatDurationMs(worst?.wait ?? 0)}, run ${formatDurationMs(worst?.run ?? 0)}).`,
    spec,
    empty: rows.length === 0,
    table: {
      columns: ['Job type', 'Jobs', 'Wait p95 ms', 'Run p95 ms'],
      rows: rows.map((r) => [r.name, r.jobs, Math.round(r.waitMs), Math.round(r.runMs)]),
    },
  };
}
