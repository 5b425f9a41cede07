// The synthetic fleet the analysis benchmarks share (analysis.bench.ts, analysisGrowth.bench.ts): generated inside
// DuckDB by analysisFleet.sql into a temp warehouse, analyzed with the defaults a UTC install has.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analyze, type AnalyzeResult } from '../../src/analysis/analyze.ts';
import { BundleStore } from '../../src/analysis/store/BundleStore.ts';
import { silentLogger } from '../../src/log/silentLogger.ts';
import { readSql } from '../../src/warehouse/readSql.ts';
import { Warehouse } from '../../src/warehouse/Warehouse.ts';

export const DAY = 86_400_000;
/** The fleet's first day. */
export const START = Date.UTC(2026, 7, 1);

export interface AnalysisFleet {
  dir: string;
  warehouse: Warehouse;
  days: number;
  jobs: number;
  /** Bundles published before the measured run (kept between repetitions). */
  baseline: Set<string>;
}

export async function setupFleet(size: { days: number; perDay: number; machines: number }): Promise<AnalysisFleet> {
  const dir = mkdtempSync(path.join(tmpdir(), 'almanac-bench-analysis-'));
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

/** `almanac analyze` on the fleet at 06:00 UTC the morning after its last day (or as of the end of `through`). */
export function analyzeFleet(fleet: AnalysisFleet, through?: string): Promise<AnalyzeResult> {
  return analyze({
    db: fleet.warehouse,
    store: new BundleStore(path.join(fleet.dir, 'reports')),
    logger: silentLogger,
    now: START + fleet.days * DAY + 6 * 3_600_000,
    timeZone: 'UTC',
    ...(through ? { through } : {}),
    targets: { successRate: 0.99, machineVariation: 0.2, waitToRunRatio: 0.25 },
    pools: { fastMaxMs: 30_000, standardMaxMs: 180_000 },
    version: 'bench',
  });
}

/** The local date two days before the fleet's end: analyzing through it publishes all but the last night's work. */
export function dayBeforeLast(fleet: AnalysisFleet): string {
  return new Date(START + (fleet.days - 2) * DAY).toISOString().slice(0, 10);
}

/** Removes every published bundle (file and ledger row) that is not in `keep`. */
export async function unpublish(fleet: AnalysisFleet, keep: Set<string>): Promise<void> {
  for (const kind of ['daily', 'weekly', 'monthly']) {
    const folder = path.join(fleet.dir, 'reports', kind);
    if (!existsSync(folder)) continue;
    for (const file of readdirSync(folder)) {
      if (!keep.has(`${kind}/${file.replace(/\.json$/, '')}`)) rmSync(path.join(folder, file), { force: true });
    }
  }
  for (const r of await fleet.warehouse.all<{ kind: string; id: string }>('SELECT kind, id FROM report_publications')) {
    if (!keep.has(`${r.kind}/${r.id}`)) {
      await fleet.warehouse.run('DELETE FROM report_publications WHERE kind = $kind AND id = $id', r);
    }
  }
}

export async function teardownFleet(fleet: AnalysisFleet): Promise<void> {
  await fleet.warehouse.close();
  rmSync(fleet.dir, { recursive: true, force: true });
}
