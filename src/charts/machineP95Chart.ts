// Each machine's p95 run time against the fleet p95; outliers are coloured and labelled.
import type { TopLevelSpec } from 'vega-lite';
import type { ChartModel } from './ChartModel.ts';
import { CHART_WIDTH, chartConfig, palette } from './chartTheme.ts';
import { formatDurationMs } from './formatNumber.ts';

export type MachineP95 = { machine: string; jobs: number; p95Ms: number; outlier: boolean };
export type MachineP95Input = { machines: MachineP95[]; fleetP95Ms: number | null };

/** Above this many machines the bars get too thin to label; the table still lists all of them. */
const MAX_BARS = 40;

export function machineP95Chart(input: MachineP95Input): ChartModel {
  const sorted = [...input.machines].filter((m) => m.jobs > 0).sort((a, b) => b.p95Ms - a.p95Ms);
  const shown = sorted.slice(0, MAX_BARS).map((m) => ({ ...m, status: m.outlier ? 'outlier' : 'within range' }));
  const y = {
    field: 'machine',
    type: 'nominal' as const,
    sort: shown.map((m) => m.machine),
    title: null,
    axis: { labelLimit: 140 },
  };
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: chartConfig,
    width: CHART_WIDTH - 160,
    height: { step: 16 },
    data: { values: shown },
    layer: [
      {
        mark: { type: 'bar', tooltip: true },
        encoding: {
          y,
          x: { field: 'p95Ms', type: 'quantitative', title: 'p95 run time (ms)' },
          color: {
            field: 'status',
            type: 'nominal',
            title: null,
            scale: { domain: ['within range', 'outlier'], range: [palette.blue, palette.red] },
          },
          tooltip: [
            { field: 'machine' },
            { field: 'jobs', format: ',' },
            { field: 'p95Ms', title: 'p95 ms', format: ',.0f' },
            { field: 'status' },
          ],
        },
      },
      // Labels only when there are outliers: an empty text layer makes Vega warn.
      ...(shown.some((m) => m.outlier)
        ? [
            {
              transform: [{ filter: { field: 'outlier', equal: true } }],
              mark: { type: 'text' as const, align: 'left' as const, dx: 4, limit: 120 },
              encoding: { y, x: { field: 'p95Ms', type: 'quantitative' as const }, text: { field: 'machine' } },
            },
          ]
        : []),
      ...(input.fleetP95Ms === null
        ? []
        : [
            {
              data: { values: [{ fleet: input.fleetP95Ms }] },
              mark: { type: 'rule' as const, strokeDash: [4, 4], color: palette.orange },
              encoding: { x: { field: 'fleet', type: 'quantitative' as const } },
            },
          ]),
    ],
  };
  const outliers = sorted.filter((m) => m.outlier);
  const fleet = input.fleetP95Ms === null ? '' : ` The fleet p95 is ${formatDurationMs(input.fleetP95Ms)}.`;
  return {
    id: 'machine-p95',
    title: 'Machines against the fleet',
    caption: `p95 run time per machine${sorted.length > MAX_BARS ? ` (the ${MAX_BARS} slowest of ${sorted.length})` : ''}; the dashed line is the fleet p95 and outliers are red and labelled.`,
    alt:
      sorted.length === 0
        ? 'No machine finished jobs in this period.'
        : `${sorted.length} machines.${fleet} ${
            outliers.length
              ? `${outliers.length} outlier${outliers.length === 1 ? '' : 's'}: ${outliers
                  .slice(0, 5)
                  .map((m) => `${m.machine} (${formatDurationMs(m.p95Ms)})`)
                  .join(', ')}${outliers.length > 5 ? ' and more' : ''}.`
              : 'No outliers.'
          }`,
    spec,
    empty: sorted.length === 0,
    table: {
      columns: ['Machine', 'Jobs', 'p95 ms', 'Outlier'],
      rows: sorted.map((m) => [m.machine, m.jobs, Math.round(m.p95Ms), m.outlier ? 'yes' : 'no']),
    },
  };
}
