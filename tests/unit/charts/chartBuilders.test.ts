import { describe, expect, it } from 'vitest';
import { volumeSuccessChart } from '../../../src/charts/volumeSuccessChart.ts';
import { runTimeByPoolChart } from '../../../src/charts/runTimeByPoolChart.ts';
import { poolMixChart } from '../../../src/charts/poolMixChart.ts';
import { waitVsRunChart } from '../../../src/charts/waitVsRunChart.ts';
import { machineP95Chart } from '../../../src/charts/machineP95Chart.ts';
import { failureTaxonomyChart } from '../../../src/charts/failureTaxonomyChart.ts';
import { modelUsageChart } from '../../../src/charts/modelUsageChart.ts';
import { modelDownloadsChart } from '../../../src/charts/modelDownloadsChart.ts';
import { readinessTrendChart } from '../../../src/charts/readinessTrendChart.ts';
import { forecastChart } from '../../../src/charts/forecastChart.ts';
import { compileChart, renderChartSvg } from '../../../src/charts/renderChartSvg.ts';
import type { ChartModel } from '../../../src/charts/ChartModel.ts';

const tz = 'Europe/Berlin';
const hostile = '</script><img src=x onerror=alert(1)>"\'{{datum.x}}${alert(2)}';
const hours = Array.from({ length: 24 }, (_, i) => new Date(Date.UTC(2026, 10, 20, 23 + i)).toISOString());
const days = Array.from({ length: 7 }, (_, i) => new Date(Date.UTC(2026, 10, 15 + i, 23)).toISOString());

function allCharts(name: string): ChartModel[] {
  return [
    volumeSuccessChart({
      points: hours.map((at, i) => ({ at, completed: 100 + i, failed: i % 4 })),
      target: 0.99,
      anomalies: [{ at: hours[3]!, label: name }],
      timeZone: tz,
      granularity: 'hour',
    }),
    runTimeByPoolChart({
      jobTypes: [
        { name, pool: 'fast', jobs: 10, p90Ms: 20000, straddles: true },
        { name: 'upscale', pool: 'heavy', jobs: 3, p90Ms: 400000, straddles: false },
      ],
      fastMaxMs: 30000,
      standardMaxMs: 180000,
    }),
    poolMixChart({
      points: days.map((at) => ({ at, fast: 5, standard: 3, heavy: 1 })),
      timeZone: tz,
      granularity: 'day',
    }),
    waitVsRunChart([
      { name, jobs: 10, waitMs: 5000, runMs: 1000 },
      { name: 'render', jobs: 20, waitMs: 100, runMs: 60000 },
    ]),
    machineP95Chart({
      machines: [
        { machine: name, jobs: 10, p95Ms: 90000, outlier: true },
        { machine: 'm-2', jobs: 12, p95Ms: 30000, outlier: false },
      ],
      fleetP95Ms: 35000,
    }),
    failureTaxonomyChart([
      { category: name, count: 4, example: name },
      { category: 'timeout', count: 9, example: null },
    ]),
    modelUsageChart([
      { machine: name, model: name, jobs: 3 },
      { machine: 'm-2', model: 'sdxl', jobs: 8 },
    ]),
    modelDownloadsChart([{ model: name, ok: 3, failed: 1 }]),
    readinessTrendChart({
      points: days.flatMap((at, i) => [
        { at, series: 'production' as const, score: 60 + i },
        { at, series: 'fast' as const, score: 40 + i },
      ]),
      timeZone: tz,
    }),
    forecastChart({
      metric: 'jobs per day',
      points: days.map((at, i) =>
        i < 5
          ? { at, actual: 1000 + i, forecast: null, lo: null, hi: null }
          : { at, actual: null, forecast: 1100, lo: 900, hi: 1300 },
      ),
      timeZone: tz,
    }),
  ];
}

describe('chart builders', () => {
  it('produce unique ids, captions, text alternatives and tables', () => {
    const charts = allCharts('gpu-01');
    expect(new Set(charts.map((c) => c.id)).size).toBe(charts.length);
    for (const c of charts) {
      expect(c.caption.length, c.id).toBeGreaterThan(10);
      expect(c.alt.length, c.id).toBeGreaterThan(10);
      expect(c.empty, c.id).toBe(false);
      expect(c.table.rows.length, c.id).toBeGreaterThan(0);
      for (const row of c.table.rows) expect(row.length, c.id).toBe(c.table.columns.length);
    }
  });

  it('states the data in the text alternative', () => {
    const [volume] = allCharts('x');
    expect(volume!.alt).toContain('2,712 jobs finished');
    expect(volume!.alt).toContain('below the 99.0% target');
    // Axis labels are in the report zone: the first hour is midnight in Berlin.
    expect(volume!.table.rows[0]![0]).toBe('2026-11-21 00:00');
  });

  it('say so when a series is empty', () => {
    const c = failureTaxonomyChart([]);
    expect(c.empty).toBe(true);
    expect(c.alt).toBe('No job failed in this period.');
    expect(
      volumeSuccessChart({ points: [], target: 0.99, anomalies: [], timeZone: tz, granularity: 'day' }).empty,
    ).toBe(true);
  });

  it('render every chart to SVG with hostile text escaped and no Vega-Lite warnings', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      for (const c of allCharts(hostile)) {
        const svg = await renderChartSvg(compileChart(c.spec), c.title);
        expect(svg.startsWith('<svg role="img"'), c.id).toBe(true);
        expect(svg, c.id).not.toMatch(/<script|<img|<foreignObject/i);
        expect(svg, c.id).toMatch(/viewBox="0 0 \d+/);
      }
    } finally {
      console.warn = original;
    }
    expect(warnings).toEqual([]);
  });

  it('render sparse real-world series (no anomalies, no outliers, no forecast) without Vega warnings', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      const charts = [
        volumeSuccessChart({
          points: hours.slice(0, 3).map((at) => ({ at, completed: 0, failed: 0 })),
          target: 0.99,
          anomalies: [],
          timeZone: tz,
          granularity: 'hour',
        }),
        machineP95Chart({ machines: [{ machine: 'm-1', jobs: 3, p95Ms: 1000, outlier: false }], fleetP95Ms: null }),
        forecastChart({
          metric: 'jobs',
          points: days.map((at) => ({ at, actual: 5, forecast: null, lo: null, hi: null })),
          timeZone: tz,
        }),
      ];
      for (const c of charts) {
        const view = compileChart(c.spec);
        await renderChartSvg(view, c.title);
      }
    } finally {
      console.warn = original;
    }
    expect(warnings).toEqual([]);
  });

  it('shows hostile labels as text, not markup', async () => {
    const c = failureTaxonomyChart([{ category: hostile, count: 4, example: null }]);
    const svg = await renderChartSvg(compileChart(c.spec), c.title);
    expect(svg).toContain('&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('refuses specs that load data from a URL', async () => {
    const c = failureTaxonomyChart([{ category: 'a', count: 1, example: null }]);
    const spec = { ...c.spec, data: { url: 'file:///etc/passwd' } } as typeof c.spec;
    await expect(renderChartSvg(compileChart(spec), 't')).rejects.toThrow(/must not load external data/);
  });
});
