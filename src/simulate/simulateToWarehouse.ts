import { decodeDownloadSpan } from '../sources/emp/decodeDownloadSpan.ts';
import { empKeys } from '../sources/emp/empKeys.ts';
import { toJobRow } from '../sources/emp/toJobRow.ts';
import { toModelDownloadRow } from '../sources/emp/toModelDownloadRow.ts';
import type { Warehouse } from '../warehouse/Warehouse.ts';
import { readSql } from '../warehouse/readSql.ts';
import { encodeDownloadSpans } from './encodeDownloadSpans.ts';
import { FleetEngine } from './FleetEngine.ts';
import { jobRecordAt } from './jobRecordAt.ts';
import type { SimDownload } from './SimJob.ts';
import type { SimOptions } from './SimOptions.ts';
import { SnapshotGrid } from './SnapshotGrid.ts';

const TABLES = [
  'jobs',
  'queue_snapshots',
  'worker_snapshots',
  'machine_snapshots',
  'model_downloads',
  'collection_runs',
  'rejects',
] as const;
const CHUNK_ROWS = 50_000;

export interface WarehouseSimulateSummary {
  jobs: number;
  rejects: number;
  downloads: number;
  snapshots: number;
  collections: number;
}

type Row = Record<string, unknown>;

/**
 * Writes the simulated history straight into the warehouse, as if a collector had read the emp keyspace every
 * `intervalMs` for the whole range: job rows (through the emp decoder, so they equal collected rows), queue, worker
 * and machine snapshots at each tick, model downloads and one collection run per tick. One transaction: the
 * source's previous rows are replaced atomically. `onDay` is called after each simulated day (progress).
 */
export async function simulateToWarehouse(
  options: SimOptions,
  warehouse: Warehouse,
  source: string,
  intervalMs: number,
  prefix = '',
  onDay?: (day: number, jobs: number) => void,
): Promise<WarehouseSimulateSummary> {
  const engine = new FleetEngine(options);
  const keys = empKeys(prefix);
  const asOf = options.end;
  const grid = new SnapshotGrid(engine.from, asOf, intervalMs, engine.fleet.workers.length);
  const summary: WarehouseSimulateSummary = { jobs: 0, rejects: 0, downloads: 0, snapshots: 0, collections: 0 };
  const downloads: SimDownload[] = [];
  await warehouse.transaction(async () => {
    for (const table of TABLES) await warehouse.run(readSql(import.meta.url, `clear_${table}.sql`), { source });
    for (const batch of engine.days()) {
      const rows: Row[] = [];
      const rejects: Row[] = [];
      for (const job of batch.jobs) {
        const collectedAt = grid.add(job, asOf);
        const decoded = jobRecordAt(job, asOf, engine.fleet, source, keys.job(job.id));
        if (decoded.ok) rows.push(toJobRow(decoded.value, collectedAt));
        else
          rejects.push({
            source,
            key: decoded.reject.key,
            reason: decoded.reject.reason,
            excerpt: decoded.reject.excerpt,
            seen_at: collectedAt,
          });
      }
      summary.jobs += await warehouse.append('jobs', rows);
      summary.rejects += await warehouse.append('rejects', rejects);
      for (const d of batch.downloads) downloads.push(d);
      onDay?.(Math.round((batch.dayStart - engine.firstDay) / 86_400_000), batch.jobs.length);
    }
    const downloadRows: Row[] = [];
    for (const entry of encodeDownloadSpans(downloads, asOf, engine.fleet, engine.catalog)) {
      const decoded = decodeDownloadSpan(entry.id, entry.fields, source, keys.telemetryEvents);
      if (decoded?.ok) downloadRows.push(toModelDownloadRow(decoded.value));
    }
    summary.downloads = await warehouse.append('model_downloads', downloadRows);
    await writeSnapshots(warehouse, grid, engine, source, summary);
  });
  return summary;
}

async function writeSnapshots(
  warehouse: Warehouse,
  grid: SnapshotGrid,
  engine: FleetEngine,
  source: string,
  summary: WarehouseSimulateSummary,
): Promise<void> {
  const cumulative = new Int32Array(64);
  let queues: Row[] = [];
  let workers: Row[] = [];
  let machines: Row[] = [];
  const runs: Row[] = [];
  const flush = async (): Promise<void> => {
    summary.snapshots += await warehouse.append('queue_snapshots', queues);
    summary.snapshots += await warehouse.append('worker_snapshots', workers);
    summary.snapshots += await warehouse.append('machine_snapshots', machines);
    queues = [];
    workers = [];
    machines = [];
  };
  for (let i = 0; i < grid.ticks; i++) {
    const t = grid.tickAt(i);
    const q = grid.queueRows(i, source, cumulative);
    const wm = grid.workerAndMachineRows(i, source, engine.fleet, engine.incidents);
    for (const r of q) queues.push(r);
    for (const r of wm.workers) workers.push(r);
    for (const r of wm.machines) machines.push(r);
    runs.push({
      run_id: `sim-${source}-${t}`,
      source,
      started_at: t,
      finished_at: t + 1500,
      status: 'ok',
      jobs_written: grid.jobsWrittenAt(i),
      snapshots_written: q.length + wm.workers.length + wm.machines.length,
      rejects: 0,
      error: null,
    });
    if (workers.length >= CHUNK_ROWS) await flush();
  }
  await flush();
  summary.collections = await warehouse.append('collection_runs', runs);
}
