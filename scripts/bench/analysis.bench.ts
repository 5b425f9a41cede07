// Analysis benchmarks (issue 5): `almanac analyze` over a synthetic 50-machine fleet generated inside DuckDB.
// analysis-90d: 90 days at 20,000 jobs a day from scratch; analysis-nightly: the increment after a night (one new
// day, the week and month it touches, the open periods); analysis-10m: 10 million jobs (100 days at 100,000 a day)
// from scratch. The reference is a plain DuckDB rollup (day/week/month count, success rate, p50/p95/p99).
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { analyze, type AnalyzeResult } from '../../src/analysis/analyze.ts';
import { BundleStore } from '../../src/analysis/store/BundleStore.ts';
import { silentLogger } from '../../src/log/silentLogger.ts';
import { Warehouse } from '../../src/warehouse/Warehouse.ts';
import { readSql } from '../../src/warehouse/readSql.ts';
import type { Benchmark, BenchParams, Figure } from './Benchmark.ts';

const DAY = 86_400_000;
const START = Date.UTC(2026, 7, 1);

interface State {
  dir: string;
  warehouse: Warehouse;
  days: number;
  jobs: number;
  /** Bundles published before the measured run (kept between repetitions). */
  baseline: Set<string>;
}

async function generate(w: Warehouse, days: number, perDay: number): Promise<number> {
  const params = { start_ms: START, days, per_day: perDay, machines: 50 };
  for (const statement of readSql(import.meta.url, 'analysisFleet.sql').split(/;\s*\n/)) {
    if (!statement.trim()) continue;
    await w.run(statement, Object.fromEntries(Object.entries(params).filter(([k]) => statement.includes(`$${k}`))));
  }
  const [row] = await w.all<{ n: number }>('SELECT count(*) AS n FROM jobs');
  return row?.n ?? 0;
}

function options(state: State, now: number, through?: string) {
  return {
    db: state.warehouse,
    store: new BundleStore(path.join(state.dir, 'reports')),
    logger: silentLogger,
    now,
    timeZone: 'UTC',
    ...(through ? { through } : {}),
    targets: { successRate: 0.99, machineVariation: 0.2, waitToRunRatio: 0.25 },
    pools: { fastMaxMs: 30_000, standardMaxMs: 180_000 },
    version: 'bench',
  };
}

/** Removes every published bundle (file and ledger row) that is not in `keep`. */
async function unpublish(state: State, keep: Set<string>): Promise<void> {
  const reports = path.join(state.dir, 'reports');
  for (const kind of ['daily', 'weekly', 'monthly']) {
    const folder = path.join(reports, kind);
    if (!existsSync(folder)) continue;
    for (const file of readdirSync(folder)) {
      if (!keep.has(`${kind}/${file.replace(/\.json$/, '')}`)) rmSync(path.join(folder, file), { force: true });
    }
  }
  const rows = await state.warehouse.all<{ kind: string; id: string }>('SELECT kind, id FROM report_publications');
  for (const r of rows) {
    if (!keep.has(`${r.kind}/${r.id}`)) {
      await state.warehouse.run('DELETE FROM report_publications WHERE kind = $kind AND id = $id', r);
    }
  }
}

async function setupFleet(days: number, perDay: number): Promise<State> {
  const dir = mkdtempSync(path.join(tmpdir(), 'almanac-bench-analysis-'));
  const warehouse = await Warehouse.open(path.join(dir, 'bench.duckdb'), { holder: 'bench' });
  const jobs = await generate(warehouse, days, perDay);
  return { dir, warehouse, days, jobs, baseline: new Set() };
}

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

async function teardown(state: State): Promise<void> {
  await state.warehouse.close();
  rmSync(state.dir, { recursive: true, force: true });
}

const fromScratch = (days: (p: BenchParams) => number, perDay: (p: BenchParams) => number) => ({
  setup: (p: BenchParams) => setupFleet(days(p), perDay(p)),
  async run(state: State) {
    await unpublish(state, new Set());
    const [result, cpu] = await withCpu(() => analyze(options(state, START + state.days * DAY + 6 * 3_600_000)));
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
    teardown,
    repetitions: { full: 3, quick: 1 },
  },
  {
    id: 'analysis-nightly',
    stage: 'analysis',
    title: 'nightly increment: one new day and the week and month it touches',
    better: 'lower',
    target: { text: '< 2 s', met: (s) => s < 2 },
    async setup(p) {
      const days = p.quick ? 30 : 91;
      const state = await setupFleet(days, p.quick ? 5_000 : 20_000);
      // Everything closed before the last day is already published.
      const through = new Date(START + (days - 2) * DAY).toISOString().slice(0, 10);
      const result = await analyze(options(state, START + days * DAY + 6 * 3_600_000, through));
      state.baseline = new Set(result.written.map((w) => `${w.kind}/${w.id}`));
      return state;
    },
    async run(state) {
      await unpublish(state, state.baseline);
      const [result, cpu] = await withCpu(() => analyze(options(state, START + state.days * DAY + 6 * 3_600_000)));
      return figure(result, state, cpu);
    },
    teardown,
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
    teardown,
    repetitions: { full: 1, quick: 1 },
  },
];
