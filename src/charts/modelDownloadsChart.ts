// Model downloads per model: succeeded and failed.
import type { TopLevelSpec } from 'vega-lite';
import type { ChartModel } from './ChartModel.ts';
import { CHART_WIDTH, chartConfig, palette } from './chartTheme.ts';
import { formatCount, formatPercent } from './formatNumber.ts';

export type ModelDownloads = { model: string; ok: number; failed: number };

export function modelDownloadsChart(models: ModelDownloads[]): ChartModel {
  const rows = models.filter((m) => m.ok + m.failed > 0).sort((a, b) => b.ok + b.failed - (a.ok + a.failed));
  const long = rows.flatMap((r) => [
    { model: r.model, outcome: 'succeeded', downloads: r.ok },
    { model: r.model, outcome: 'failed', downloads: r.failed },
  ]);
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: chartConfig,
    width: CHART_WIDTH - 160,
    height: { step: 18 },
    data: { values: long },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      y: { field: 'model', type: 'nominal', sort: rows.map((r) => r.model), title: null, axis: { labelLimit: 160 } },
      x: { field: 'downloads', type: 'quantitative', stack: 'zero', title: 'downloads' },
      color: {
        field: 'outcome',
        type: 'nominal',
        title: null,
        scale: { domain: ['succeeded', 'failed'], range: [palette.teal, palette.red] },
      },
      tooltip: [{ field: 'model' }, { field: 'outcome' }, { field: 'downloads', format: ',' }],
    },
  };
  const ok = rows.reduce((s, r) => s + r.ok, 0);
  const failed = rows.reduce((s, r) => s + r.failed, 0);
  const worst = rows.filter((r) => r.failed > 0).sort((a, b) => b.failed - a.failed)[0];
  return {
    id: 'model-downloads',
    title: 'Model downloads',
    caption: 'Model downloads per model, succeeded and failed.',
    alt:
      rows.length === 0
        ? 'No model downloads in this period.'
        : `${formatCount(ok + failed)} downloads of ${rows.length} models, ${formatPercent(ok / (ok + failed))} succeeded.${
            worst ? ` Most failures: ${worst.model} (${formatCount(worst.failed)}).` : ''
          }`,
    spec,
    empty: rows.length === 0,
    table: {
      columns: ['Model', 'Succeeded', 'Failed'],
      rows: rows.map((r) => [r.model, r.ok, r.failed]),
    },
  };
}
