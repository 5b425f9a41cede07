// Analysis benchmarks (issue 5): `almanac analyze` over a synthetic 50-machine fleet generated inside DuckDB.
// analysis-90d: 90 days at 20,000 jobs a day from scratch; analysis-nightly: the increment after a night (one new
// day, the week and month it touches, the open periods); analysis-10m: 10 million jobs (100 days at 100,000 a day)
// from scratch. The reference is a plain DuckDB rollup (day/week/month count, success rate, p50/p95/p99).
import { loadavg } from 'node:os';
import type { AnalyzeResult } from '../../src/analysis/analyze.ts';
import { readSql } from '../../src/warehouse/readSql.ts';
import {
  analyzeFleet,
  dayBeforeLast,
  setupFleet,
  teardownFleet,
  unpublish,
  type AnalysisFleet as State,
} from './analysisFleet.ts';
import type { Benchmark, BenchParams, Figure } from './Benchmark.ts';

/** The benchmarks' fleet: 50 machines. */
const fleet = (days: number, perDay: number) => setupFleet({ days, perDay, machines: 50 });

/** Runs `work` and returns its result with the process CPU seconds it used (user + system, all threads). */
async function withCpu<T>(work: () => Promise<T>): Promise<[T, number]> {
  const before = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(before);
  return [result, (used.user + used.system) / 1e6];
}

function figure(result: AnalyzeResult, state: State, cpuSeconds: number): Figure {
  return {
    value: result.seconds,
    unit: 's',
    notes: {
      // CPU time is steadier than wall time on a shared machine; on an idle 2-core machine wall ≈ CPU / 1.5–2.
      cpu_seconds: Math.round(cpuSeconds * 100) / 100,
      // Other processes compete for the two cores: the 1-minute load average says how much.
      load_average: Math.round(loadavg()[0]! * 10) / 10,
      jobs: state.jobs,
      bundles: result.written.length,
      largest_bundle_kb: Math.round(Math.max(0, ...result.written.map((w) => w.bytes)) / 1024),
    },
  };
}

const rollup: Benchmark<State>['reference'] = {
  title: 'plain DuckDB rollup (day/week/month: count, success, p50/p95/p99)',
  async run(state) {
    const started = performance.now();
    const [, cpu] = await withCpu(() => state.warehouse.all(readSql(import.meta.url, 'analysisRollup.sql')));
    return {
      value: (performance.now() - started) / 1000,
      unit: 's',
      notes: { cpu_seconds: Math.round(cpu * 100) / 100 },
    };
  },
};

const fromScratch = (days: (p: BenchParams) => number, perDay: (p: BenchParams) => number) => ({
  setup: (p: BenchParams) => fleet(days(p), perDay(p)),
  async run(state: State) {
    await unpublish(state, new Set());
    const [result, cpu] = await withCpu(() => analyzeFleet(state));
    return figure(result, state, cpu);
  },
});

export const benchmarks: Benchmark<State>[] = [
  {
    id: 'analysis-90d',
    stage: 'analysis',
    title: 'analyze 90 days, 50 machines, 20,000 jobs a day, from scratch',
    better: 'lower',
    target: { text: '< 10 s', met: (s) => s < 10 },
    ...fromScratch(
      (p) => (p.quick ? 30 : 90),
      (p) => (p.quick ? 5_000 : 20_000),
    ),
    reference: rollup,
    teardown: teardownFleet,
    repetitions: { full: 3, quick: 1 },
  },
  {
    id: 'analysis-nightly',
    stage: 'analysis',
    title: 'nightly increment: one new day and the week and month it touches',
    better: 'lower',
    target: { text: '< 2 s', met: (s) => s < 2 },
    async setup(p) {
      const state = await fleet(p.quick ? 30 : 91, p.quick ? 5_000 : 20_000);
      // Everything closed before the last day is already published.
      const result = await analyzeFleet(state, dayBeforeLast(state));
      state.baseline = new Set(result.written.map((w) => `${w.kind}/${w.id}`));
      return state;
    },
    async run(state) {
      await unpublish(state, state.baseline);
      const [result, cpu] = await withCpu(() => analyzeFleet(state));
      return figure(result, state, cpu);
    },
    teardown: teardownFleet,
    repetitions: { full: 3, quick: 1 },
  },
  {
    id: 'analysis-10m',
    stage: 'analysis',
    title: 'analyze 10 million jobs (100 days at 100,000 a day) from scratch',
    better: 'lower',
    target: { text: '< 60 s', met: (s) => s < 60 },
    ...fromScratch(
      (p) => (p.quick ? 20 : 100),
      (p) => (p.quick ? 50_000 : 100_000),
    ),
    reference: rollup,
    teardown: teardownFleet,
    repetitions: { full: 1, quick: 1 },
  },
];
