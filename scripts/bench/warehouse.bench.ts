// Warehouse writes: the Appender (what every stage uses) against prepared row INSERTs, same rows, same transaction.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Warehouse } from '../../src/warehouse/Warehouse.ts';
import { timestampTZ } from '../../src/warehouse/toDuckValue.ts';
import type { Benchmark, BenchParams } from './Benchmark.ts';

interface State {
  dir: string;
  warehouse: Warehouse;
  rows: Record<string, unknown>[];
}

const columns = [
  'source',
  'queue',
  'job_id',
  'name',
  'status',
  'machine_id',
  'attempts',
  'created_at',
  'finished_at',
  'run_ms',
  'collected_at',
];

function makeRows(count: number): Record<string, unknown>[] {
  const start = Date.UTC(2026, 10, 1);
  return Array.from({ length: count }, (_, i) => ({
    source: 'bench',
    queue: 'default',
    job_id: `job-${i}`,
    name: i % 3 ? 'comfyui.txt2img' : 'openai.chat',
    status: i % 50 ? 'completed' : 'failed',
    machine_id: `m-${i % 50}`,
    attempts: 1 + (i % 3 === 0 ? 1 : 0),
    created_at: start + i * 1000,
    finished_at: start + i * 1000 + 12_000,
    run_ms: 12_000,
    collected_at: start + 86_400_000,
  }));
}

const size = (params: BenchParams) => (params.quick ? 20_000 : 200_000);

async function setup(params: BenchParams): Promise<State> {
  const dir = mkdtempSync(path.join(tmpdir(), 'almanac-bench-wh-'));
  const warehouse = await Warehouse.open(path.join(dir, 'bench.duckdb'), { holder: 'bench' });
  return { dir, warehouse, rows: makeRows(size(params)) };
}

export const benchmarks: Benchmark<State>[] = [
  {
    id: 'warehouse-append',
    stage: 'warehouse',
    title: 'append job rows (Appender, one transaction)',
    better: 'higher',
    target: { text: '>= 2x row INSERTs', met: (rate, insertRate) => insertRate !== null && rate >= 2 * insertRate },
    setup,
    async run({ warehouse, rows }) {
      await warehouse.run('DELETE FROM jobs');
      const started = performance.now();
      await warehouse.transaction(() => warehouse.append('jobs', rows));
      return {
        value: rows.length / ((performance.now() - started) / 1000),
        unit: 'rows/s',
        notes: { rows: rows.length },
      };
    },
    reference: {
      title: 'prepared INSERT per row',
      // Row INSERTs are so slow that a tenth of the rows gives a stable rate in reasonable time.
      async run({ warehouse, rows: all }) {
        const rows = all.slice(0, Math.ceil(all.length / 10));
        await warehouse.run('DELETE FROM jobs');
        const started = performance.now();
        await warehouse.transaction(async () => {
          const insert = await warehouse.connection.prepare(
            `INSERT INTO jobs (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
          );
          for (const row of rows) {
            insert.bind(
              columns.map((c) => (c.endsWith('_at') ? timestampTZ(row[c] as number) : (row[c] as string | number))),
            );
            await insert.run();
          }
        });
        return { value: rows.length / ((performance.now() - started) / 1000), unit: 'rows/s' };
      },
    },
    async teardown({ dir, warehouse }) {
      await warehouse.close();
      rmSync(dir, { recursive: true, force: true });
    },
  },
];
