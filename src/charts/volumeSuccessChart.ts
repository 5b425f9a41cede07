// Volume (completed and failed jobs) and success rate over the period, with the target line and anomalies.
import type { TopLevelSpec } from 'vega-lite';
import type { ChartModel } from './ChartModel.ts';
import { CHART_WIDTH, chartConfig, palette } from './chartTheme.ts';
import { formatCount, formatPercent } from './formatNumber.ts';
import { zonedLabel, zonedWallMs } from './zonedTime.ts';
import { withoutEmptyLayers } from './withoutEmptyLayers.ts';

export type VolumePoint = { at: string; completed: number; failed: number };
export type AnomalyMark = { at: string; label: string };

export type VolumeSuccessInput = {
  points: VolumePoint[];
  /** Success-rate target as a fraction (0.99). */
  target: number;
  anomalies: AnomalyMark[];
  timeZone: string;
  granularity: 'hour' | 'day';
};

export function volumeSuccessChart(input: VolumeSuccessInput): ChartModel {
  const { points, target, anomalies, timeZone, granularity } = input;
  const withTime = granularity === 'hour';
  const rows = points.map((p) => {
    const total = p.completed + p.failed;
    return {
      t: zonedWallMs(p.at, timeZone),
      label: zonedLabel(p.at, timeZone, withTime),
      completed: p.completed,
      failed: p.failed,
      rate: total > 0 ? p.completed / total : null,
    };
  });
  const volume = rows.flatMap((r) => [
    { t: r.t, label: r.label, outcome: 'completed', jobs: r.completed },
    { t: r.t, label: r.label, outcome: 'failed', jobs: r.failed },
  ]);
  const marks = anomalies.map((a) => {
    const t = zonedWallMs(a.at, timeZone);
    const rate = rows.find((r) => r.t === t)?.rate ?? target;
    return { t, rate, label: zonedLabel(a.at, timeZone, withTime), anomaly: a.label };
  });
  const unit = granularity === 'hour' ? 'utcyearmonthdatehours' : 'utcyearmonthdate';
  const axisFormat = granularity === 'hour' ? '%H:%M' : '%b %d';
  const x = {
    field: 't',
    type: 'temporal' as const,
    timeUnit: unit as 'utcyearmonthdatehours',
    title: null,
    axis: { format: axisFormat, labelOverlap: true },
  };

  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: chartConfig,
    vconcat: [
      {
        width: CHART_WIDTH,
        height: 140,
        data: { values: volume },
        mark: { type: 'bar', tooltip: true },
        encoding: {
          x,
          y: { field: 'jobs', type: 'quantitative', title: 'jobs', stack: 'zero' },
          color: {
            field: 'outcome',
            type: 'nominal',
            title: null,
            scale: { domain: ['completed', 'failed'], range: [palette.blue, palette.red] },
          },
          tooltip: [
            { field: 'label', title: 'time' },
            { field: 'outcome', title: 'outcome' },
            { field: 'jobs', title: 'jobs', format: ',' },
          ],
        },
      },
      {
        width: CHART_WIDTH,
        height: 110,
        layer: withoutEmptyLayers([
          {
            data: { values: rows.filter((r) => r.rate !== null) },
            mark: { type: 'line', point: { color: palette.green }, tooltip: true, color: palette.green },
            encoding: {
              x,
              y: {
                field: 'rate',
                type: 'quantitative',
                title: 'success rate',
                axis: { format: '.1%', tickCount: 4 },
                scale: { zero: false },
              },
              tooltip: [
                { field: 'label', title: 'time' },
                { field: 'rate', title: 'success rate', format: '.2%' },
                { field: 'completed', title: 'completed', format: ',' },
                { field: 'failed', title: 'failed', format: ',' },
              ],
            },
          },
          {
            data: { values: [{ target }] },
            mark: { type: 'rule', strokeDash: [4, 4], color: palette.orange },
            encoding: { y: { field: 'target', type: 'quantitative' } },
          },
          {
            data: { values: marks },
            mark: { type: 'point', shape: 'diamond', size: 90, filled: true, color: palette.red, tooltip: true },
            encoding: {
              x,
              y: { field: 'rate', type: 'quantitative' },
              tooltip: [
                { field: 'label', title: 'time' },
                { field: 'anomaly', title: 'anomaly' },
              ],
            },
          },
        ]),
      },
    ],
  };

  const completed = rows.reduce((s, r) => s + r.completed, 0);
  const failed = rows.reduce((s, r) => s + r.failed, 0);
  const peak = rows.reduce<(typeof rows)[number] | undefined>(
    (best, r) => (!best || r.completed + r.failed > best.completed + best.failed ? r : best),
    undefined,
  );
  const rated = rows.filter((r) => r.rate !== null) as ((typeof rows)[number] & { rate: number })[];
  const below = rated.filter((r) => r.rate < target).length;
  const per = granularity === 'hour' ? 'hour' : 'day';
  const alt =
    rows.length === 0
      ? 'No jobs finished in this period.'
      : [
          `${formatCount(completed + failed)} jobs finished (${formatCount(completed)} completed, ${formatCount(failed)} failed) over ${rows.length} ${per}s.`,
          peak ? `The busiest ${per} was ${peak.label} with ${formatCount(peak.completed + peak.failed)} jobs.` : '',
          rated.length
            ? `Success rate ranged from ${formatPercent(Math.min(...rated.map((r) => r.rate)))} to ${formatPercent(Math.max(...rated.map((r) => r.rate)))}; ${below} of ${rated.length} ${per}s were below the ${formatPercent(target)} target.`
            : '',
          marks.length ? `${marks.length} anomal${marks.length === 1 ? 'y is' : 'ies are'} marked.` : '',
        ]
          .filter(Boolean)
          .join(' ');

  return {
    id: 'volume-success',
    title: 'Volume and success rate',
    caption: `Jobs finished per ${per} (completed and failed) and the success rate against the ${formatPercent(target)} target (dashed). Diamonds mark anomalies.`,
    alt,
    spec,
    empty: rows.length === 0,
    table: {
      columns: [per === 'hour' ? 'Hour' : 'Day', 'Completed', 'Failed', 'Success rate', 'Anomaly'],
      rows: rows.map((r) => [
        r.label,
        r.completed,
        r.failed,
        r.rate === null ? null : formatPercent(r.rate, 2),
        marks
          .filter((m) => m.t === r.t)
          .map((m) => m.anomaly)
          .join('; ') || null,
      ]),
    },
  };
}
