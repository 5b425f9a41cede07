// Final failures by category, largest first.
import type { TopLevelSpec } from 'vega-lite';
import type { ChartModel } from './ChartModel.ts';
import { CHART_WIDTH, chartConfig, palette } from './chartTheme.ts';
import { formatCount, formatPercent } from './formatNumber.ts';

export type FailureCategory = { category: string; count: number; example: string | null };

export function failureTaxonomyChart(categories: FailureCategory[]): ChartModel {
  const rows = categories.filter((c) => c.count > 0).sort((a, b) => b.count - a.count);
  const total = rows.reduce((s, c) => s + c.count, 0);
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: chartConfig,
    width: CHART_WIDTH - 160,
    height: { step: 20 },
    data: { values: rows.map((r) => ({ ...r, share: total ? r.count / total : 0 })) },
    mark: { type: 'bar', color: palette.red, tooltip: true },
    encoding: {
      y: { field: 'category', type: 'nominal', sort: '-x', title: null, axis: { labelLimit: 160 } },
      x: { field: 'count', type: 'quantitative', title: 'failed jobs' },
      tooltip: [
        { field: 'category' },
        { field: 'count', title: 'failed jobs', format: ',' },
        { field: 'share', format: '.1%' },
        { field: 'example', title: 'example error' },
      ],
    },
  };
  return {
    id: 'failure-taxonomy',
    title: 'Failures by category',
    caption: 'Jobs that failed for good (no retry left), grouped by error category.',
    alt:
      total === 0
        ? 'No job failed in this period.'
        : `${formatCount(total)} failures in ${rows.length} categor${rows.length === 1 ? 'y' : 'ies'}. ${rows
            .slice(0, 3)
            .map((r) => `${r.category}: ${formatCount(r.count)} (${formatPercent(r.count / total)})`)
            .join('; ')}.`,
    spec,
    empty: total === 0,
    table: {
      columns: ['Category', 'Failed jobs', 'Share', 'Example error'],
      rows: rows.map((r) => [r.category, r.count, formatPercent(r.count / total), r.example]),
    },
  };
}
