// Model usage by machine as a heatmap (jobs that used the model on that machine).
import type { TopLevelSpec } from 'vega-lite';
import type { ChartModel } from './ChartModel.ts';
import { CHART_WIDTH, chartConfig } from './chartTheme.ts';
import { formatCount } from './formatNumber.ts';

export type ModelUsageCell = { machine: string; model: string; jobs: number };

const MAX_MACHINES = 30;
const MAX_MODELS = 20;

function topKeys(cells: ModelUsageCell[], key: 'machine' | 'model', limit: number): string[] {
  const totals = new Map<string, number>();
  for (const c of cells) totals.set(c[key], (totals.get(c[key]) ?? 0) + c.jobs);
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([k]) => k);
}

export function modelUsageChart(cells: ModelUsageCell[]): ChartModel {
  const used = cells.filter((c) => c.jobs > 0);
  const machines = topKeys(used, 'machine', MAX_MACHINES);
  const models = topKeys(used, 'model', MAX_MODELS);
  const shown = used.filter((c) => machines.includes(c.machine) && models.includes(c.model));
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: chartConfig,
    width: Math.min(CHART_WIDTH - 160, 22 * Math.max(machines.length, 1)),
    height: { step: 18 },
    data: { values: shown },
    mark: { type: 'rect', tooltip: true },
    encoding: {
      x: {
        field: 'machine',
        type: 'nominal',
        sort: machines,
        title: 'machine',
        axis: { labelAngle: -45, labelLimit: 90 },
      },
      y: { field: 'model', type: 'nominal', sort: models, title: null, axis: { labelLimit: 150 } },
      color: { field: 'jobs', type: 'quantitative', title: 'jobs', scale: { scheme: 'blues' } },
      tooltip: [{ field: 'machine' }, { field: 'model' }, { field: 'jobs', format: ',' }],
    },
  };
  const byModel = topKeys(used, 'model', 3);
  return {
    id: 'model-usage',
    title: 'Model usage by machine',
    caption: `Jobs per model and machine${machines.length < new Set(used.map((c) => c.machine)).size || models.length < new Set(used.map((c) => c.model)).size ? ` (the ${machines.length} busiest machines and ${models.length} most used models)` : ''}; stronger blue is more.`,
    alt:
      used.length === 0
        ? 'No job recorded a model in this period.'
        : `${new Set(used.map((c) => c.model)).size} models used on ${new Set(used.map((c) => c.machine)).size} machines. Most used: ${byModel
            .map((m) => `${m} (${formatCount(used.filter((c) => c.model === m).reduce((s, c) => s + c.jobs, 0))} jobs)`)
            .join(', ')}.`,
    spec,
    empty: used.length === 0,
    table: {
      columns: ['Machine', 'Model', 'Jobs'],
      rows: [...used]
        .sort((a, b) => (a.machine < b.machine ? -1 : a.machine > b.machine ? 1 : b.jobs - a.jobs))
        .map((c) => [c.machine, c.model, c.jobs]),
    },
  };
}
