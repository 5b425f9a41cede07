// Recent actuals and the forecast with its interval (shaded band).
import type { TopLevelSpec } from 'vega-lite';
import type { ChartModel } from './ChartModel.ts';
import { CHART_WIDTH, chartConfig, palette } from './chartTheme.ts';
import { formatCount } from './formatNumber.ts';
import { zonedLabel, zonedWallMs } from './zonedTime.ts';
import { withoutEmptyLayers } from './withoutEmptyLayers.ts';

export type ForecastPoint = {
  at: string;
  actual: number | null;
  forecast: number | null;
  lo: number | null;
  hi: number | null;
};
export type ForecastInput = { metric: string; points: ForecastPoint[]; timeZone: string };

export function forecastChart(input: ForecastInput): ChartModel {
  const rows = input.points.map((p) => ({
    ...p,
    t: zonedWallMs(p.at, input.timeZone),
    day: zonedLabel(p.at, input.timeZone, false),
  }));
  const x = {
    field: 't',
    type: 'temporal' as const,
    timeUnit: 'utcyearmonthdate' as const,
    title: null,
    axis: { format: '%b %d', labelOverlap: true },
  };
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: chartConfig,
    width: CHART_WIDTH,
    height: 160,
    layer: withoutEmptyLayers([
      {
        data: { values: rows.filter((r) => r.lo !== null && r.hi !== null) },
        mark: { type: 'area', opacity: 0.25, color: palette.purple },
        encoding: { x, y: { field: 'lo', type: 'quantitative', title: input.metric }, y2: { field: 'hi' } },
      },
      {
        data: { values: rows.filter((r) => r.forecast !== null) },
        mark: { type: 'line', strokeDash: [5, 3], color: palette.purple, point: true, tooltip: true },
        encoding: {
          x,
          y: { field: 'forecast', type: 'quantitative' },
          tooltip: [
            { field: 'day' },
            { field: 'forecast', format: ',.0f' },
            { field: 'lo', title: 'low', format: ',.0f' },
            { field: 'hi', title: 'high', format: ',.0f' },
          ],
        },
      },
      {
        data: { values: rows.filter((r) => r.actual !== null) },
        mark: { type: 'line', color: palette.blue, point: true, tooltip: true },
        encoding: {
          x,
          y: { field: 'actual', type: 'quantitative' },
          tooltip: [{ field: 'day' }, { field: 'actual', format: ',.0f' }],
        },
      },
    ]),
  };
  const fc = rows.filter((r) => r.forecast !== null);
  const last = fc[fc.length - 1];
  return {
    id: 'forecast',
    title: `Forecast: ${input.metric}`,
    caption: `Recent ${input.metric} (solid) and the forecast (dashed) with its interval (shaded).`,
    alt:
      fc.length === 0 || !last
        ? `No forecast of ${input.metric} is available.`
        : `The forecast of ${input.metric} runs to ${last.day}, ending near ${formatCount(last.forecast ?? 0)}${
            last.lo !== null && last.hi !== null ? ` (between ${formatCount(last.lo)} and ${formatCount(last.hi)})` : ''
          }.`,
    spec,
    empty: rows.length === 0,
    table: {
      columns: ['Day', 'Actual', 'Forecast', 'Low', 'High'],
      rows: rows.map((r) => [
        r.day,
        r.actual,
        r.forecast === null ? null : Math.round(r.forecast),
        r.lo === null ? null : Math.round(r.lo),
        r.hi === null ? null : Math.round(r.hi),
      ]),
    },
  };
}
