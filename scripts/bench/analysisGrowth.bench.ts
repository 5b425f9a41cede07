// How analysis cost grows (issue 10): `analyze` from scratch as the fleet grows, and the nightly increment as the
// archive grows (it should stay flat: closed periods are read from their published bundles). Run them with
// `npm run bench -- --scale 1,2,4 --only analysis-fleet-size,analysis-archive-length`. A full run leaves them out
// (analysis-90d and analysis-nightly in analysis.bench.ts give the figures at the usual sizes); --quick runs them.
// The fleet is the one analysis.bench.ts generates inside DuckDB (analysisFleet.sql).
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analyze } from '../../src/analysis/analyze.ts';
import { BundleStore } from '../../src/analysis/store/BundleStore.ts';
import { silentLogger } from '../../src/log/silentLogger.ts';
import { readSql } from '../../src/warehouse/readSql.ts';
import { Warehouse } from '../../src/warehouse/Warehouse.ts';
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

/** From scratch over 30 days (7 with --quick): 5,000 jobs a day on 20 machines (1,000 with --quick), × scale. */
const fleetSize = (p: BenchParams) => ({
  days: p.quick ? 7 : 30,
  perDay: Math.round((p.quick ? 1_000 : 5_000) * p.scale),
  machines: Math.max(2, Math.round(20 * p.scale)),
});

/** The nightly increment on an archive of 60 days (14 with --quick) × scale, at 5,000 jobs a day (1,000). */
const archiveLength = (p: BenchParams) => ({
  days: Math.max(3, Math.round((p.quick ? 14 : 60) * p.scale)),
  perDay: p.quick ? 1_000 : 5_000,
  machines: 20,
});

async function setupFleet(size: { days: number; perDay: number; machines: number }): Promise<State> {
  const dir = mkdtempSync(path.join(tmpdir(), 'almanac-bench-growth-'));
  const warehouse = await Warehouse.open(path.join(dir, 'bench.duckdb'), { holder: 'bench' });
  const params = { start_ms: START, days: size.days, per_day: size.perDay, machines: size.machines };
  for (const statement of readSql(import.meta.url, 'analysisFleet.sql').split(/;\s*\n/)) {
    if (!statement.trim()) continue;
    await warehouse.run(
      statement,
      Object.fromEntries(Object.entries(params).filter(([k]) => statement.includes(`$${k}`))),
    );
  }
  const [row] = await warehouse.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM jobs');
  return { dir, warehouse, days: size.days, jobs: row?.n ?? 0, baseline: new Set() };
}

async function analyzeAt(state: State, through?: string) {
  return analyze({
    db: state.warehouse,
    store: new BundleStore(path.join(state.dir, 'reports')),
    logger: silentLogger,
    now: START + state.days * DAY + 6 * 3_600_000,
    timeZone: 'UTC',
    ...(through ? { through } : {}),
    targets: { successRate: 0.99, machineVariation: 0.2, waitToRunRatio: 0.25 },
    pools: { fastMaxMs: 30_000, standardMaxMs: 180_000 },
    version: 'bench',
  });
}

/** Removes every published bundle (file and ledger row) that is not in `keep`. */
async function unpublish(state: State, keep: Set<string>): Promise<void> {
  for (const kind of ['daily', 'weekly', 'monthly']) {
    const folder = path.join(state.dir, 'reports', kind);
    if (!existsSync(folder)) continue;
    for (const file of readdirSync(folder)) {
      if (!keep.has(`${kind}/${file.replace(/\.json$/, '')}`)) rmSync(path.join(folder, file), { force: true });
    }
  }
  for (const r of await state.warehouse.all<{ kind: string; id: string }>('SELECT kind, id FROM report_publications')) {
    if (!keep.has(`${r.kind}/${r.id}`)) {
      await state.warehouse.run('DELETE FROM report_publications WHERE kind = $kind AND id = $id', r);
    }
  }
}

async function measure(state: State): Promise<Figure> {
  await unpublish(state, state.baseline);
  const result = await analyzeAt(state);
  return { value: result.seconds, unit: 's', notes: { jobs: state.jobs, bundles: result.written.length } };
}

async function teardown(state: State): Promise<void> {
  await state.warehouse.close();
  rmSync(state.dir, { recursive: true, force: true });
}

export const benchmarks: Benchmark<State>[] = [
  {
    id: 'analysis-fleet-size',
    stage: 'analysis',
    title: 'analyze 30 days from scratch, 5,000 jobs a day on 20 machines (× scale)',
    better: 'lower',
    growthOnly: true,
    grows: { what: 'jobs a day (machines grow with them)', size: (p) => fleetSize(p).perDay },
    setup: (p) => setupFleet(fleetSize(p)),
    run: measure,
    teardown,
    repetitions: { full: 3, quick: 1 },
  },
  {
    id: 'analysis-archive-length',
    stage: 'analysis',
    title: 'nightly increment on an archive of 60 days (× scale), 5,000 jobs a day',
    better: 'lower',
    growthOnly: true,
    grows: { what: 'days in the archive', size: (p) => archiveLength(p).days },
    async setup(p) {
      const state = await setupFleet(archiveLength(p));
      // Everything closed before the last day is already published, as after the previous night.
      const through = new Date(START + (state.days - 2) * DAY).toISOString().slice(0, 10);
      const published = await analyzeAt(state, through);
      state.baseline = new Set(published.written.map((w) => `${w.kind}/${w.id}`));
      return state;
    },
    run: measure,
    teardown,
    repetitions: { full: 3, quick: 1 },
  },
];
