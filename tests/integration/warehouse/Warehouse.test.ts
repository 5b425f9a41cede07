import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { listMigrations } from '../../../src/warehouse/listMigrations.ts';
import { Warehouse } from '../../../src/warehouse/Warehouse.ts';
import { tempDir } from '../../helpers/tempDir.ts';

const dir = tempDir('almanac-warehouse');
let counter = 0;
const freshFile = () => path.join(dir, `w${++counter}`, 'almanac.duckdb');

const coreColumns: Record<string, string[]> = {
  jobs: [
    'source',
    'queue',
    'job_id',
    'name',
    'status',
    'priority',
    'machine_id',
    'worker_id',
    'attempts',
    'created_at',
    'started_at',
    'finished_at',
    'wait_ms',
    'run_ms',
    'error_type',
    'error_message',
    'models',
    'collected_at',
  ],
  queue_snapshots: [
    'taken_at',
    'source',
    'queue',
    'waiting',
    'active',
    'delayed',
    'completed',
    'failed',
    'oldest_waiting_ms',
  ],
  worker_snapshots: ['taken_at', 'source', 'worker_id', 'machine_id', 'status', 'current_job_id'],
  machine_snapshots: [
    'taken_at',
    'source',
    'machine_id',
    'phase',
    'gpu_count',
    'workers',
    'services_healthy',
    'services_total',
  ],
  model_downloads: ['source', 'machine_id', 'model', 'started_at', 'finished_at', 'bytes', 'ok', 'error'],
  collection_runs: [
    'run_id',
    'source',
    'started_at',
    'finished_at',
    'status',
    'jobs_written',
    'snapshots_written',
    'rejects',
    'error',
  ],
  coverage_gaps: ['source', 'queue', 'gap_from', 'gap_to', 'reason'],
  rejects: ['source', 'key', 'reason', 'excerpt', 'seen_at'],
};

describe('Warehouse', () => {
  it('creates the file and its folder with the core tables of the architecture, in order', async () => {
    const file = freshFile();
    const warehouse = await Warehouse.open(file);
    try {
      expect(existsSync(file)).toBe(true);
      for (const [table, columns] of Object.entries(coreColumns)) {
        const rows = await warehouse.all<{ column_name: string }>(
          'SELECT column_name FROM duckdb_columns() WHERE table_name = $t ORDER BY column_index',
          { t: table },
        );
        expect(rows.map((r) => r.column_name).slice(0, columns.length), table).toEqual(columns);
      }
      const jobTypes = await warehouse.all<{ column_name: string; data_type: string }>(
        "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'jobs'",
      );
      const typeOf = Object.fromEntries(jobTypes.map((r) => [r.column_name, r.data_type]));
      expect(typeOf.created_at).toBe('TIMESTAMP WITH TIME ZONE');
      expect(typeOf.models).toBe('VARCHAR[]');
      expect(await warehouse.schemaVersion()).toBe(listMigrations().at(-1)!.version);
    } finally {
      await warehouse.close();
    }
  });

  it('appends typed rows inside a transaction and rolls all of them back on error', async () => {
    const warehouse = await Warehouse.open(freshFile());
    try {
      const row = (id: string) => ({
        source: 's',
        queue: 'q',
        job_id: id,
        status: 'completed',
        created_at: Date.UTC(2026, 10, 21, 6),
        finished_at: new Date(Date.UTC(2026, 10, 21, 6, 1)),
        run_ms: 1500,
        models: ['sdxl.safetensors'],
        collected_at: Date.UTC(2026, 10, 21, 7),
      });
      await warehouse.transaction(() => warehouse.append('jobs', [row('1'), row('2')]));
      await expect(
        warehouse.transaction(async () => {
          await warehouse.append('jobs', [row('3')]);
          await warehouse.append('jobs', [{ ...row('4'), status: 'bogus' }]); // fails the status CHECK
        }),
      ).rejects.toThrow(/constraint|check/i);
      const rows = await warehouse.all('SELECT job_id, created_at, run_ms, models, status FROM jobs ORDER BY job_id');
      expect(rows).toEqual([
        {
          job_id: '1',
          created_at: new Date('2026-11-21T06:00:00Z'),
          run_ms: 1500,
          models: ['sdxl.safetensors'],
          status: 'completed',
        },
        {
          job_id: '2',
          created_at: new Date('2026-11-21T06:00:00Z'),
          run_ms: 1500,
          models: ['sdxl.safetensors'],
          status: 'completed',
        },
      ]);
    } finally {
      await warehouse.close();
    }
  });

  it('refuses a status outside the contract', async () => {
    const warehouse = await Warehouse.open(freshFile());
    try {
      await expect(
        warehouse.append('jobs', [{ source: 's', queue: 'q', job_id: 'x', status: 'done', collected_at: 0 }]),
      ).rejects.toThrow(/CHECK/i);
    } finally {
      await warehouse.close();
    }
  });

  it('upgrades an old warehouse on open', async () => {
    const file = freshFile();
    // An "old" warehouse: a DuckDB file from before any migration.
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.dirname(file), { recursive: true });
    const instance = await DuckDBInstance.create(file);
    const connection = await instance.connect();
    await connection.run(
      'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)',
    );
    connection.closeSync();
    instance.closeSync();

    const warehouse = await Warehouse.open(file);
    try {
      expect(await warehouse.schemaVersion()).toBe(listMigrations().at(-1)!.version);
      expect(await warehouse.all('SELECT count(*) AS n FROM jobs')).toEqual([{ n: 0 }]);
    } finally {
      await warehouse.close();
    }
  });

  it('refuses a warehouse written by a newer version, for writing and for reading', async () => {
    const file = freshFile();
    const warehouse = await Warehouse.open(file);
    await warehouse.run("INSERT INTO schema_migrations VALUES (999, 'from_the_future', now())");
    await warehouse.close();
    const tooNew = expect.objectContaining({
      code: 'WarehouseTooNew',
      message: expect.stringContaining('schema version 999'),
    });
    await expect(Warehouse.open(file)).rejects.toThrow(tooNew);
    await expect(Warehouse.open(file, { readOnly: true })).rejects.toThrow(tooNew);
  });

  it('opens read-only without a lock and refuses writes', async () => {
    const file = freshFile();
    const reader = await Warehouse.open(file, { readOnly: true });
    try {
      expect(existsSync(`${file}.lock`)).toBe(false);
      await expect(reader.run("INSERT INTO rejects VALUES ('s', 'k', 'r', 'e', now())")).rejects.toThrow(
        expect.objectContaining({ code: 'WarehouseReadOnly' }),
      );
    } finally {
      await reader.close();
    }
  });

  it('refuses a second writer in another process, naming the file and the holder', async () => {
    const file = freshFile();
    const holder = await Warehouse.open(file, { holder: 'almanac collect' });
    try {
      const result = await openInChild(file);
      expect(result.code).toBe(1);
      expect(result.output).toContain(
        `WarehouseLocked: The warehouse ${file} is in use by \`almanac collect\` (PID ${process.pid}`,
      );
    } finally {
      await holder.close();
    }
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it("translates DuckDB's own lock conflict when the lock file is missing", async () => {
    const file = freshFile();
    const holder = await Warehouse.open(file);
    try {
      const { unlinkSync } = await import('node:fs');
      unlinkSync(`${file}.lock`);
      const result = await openInChild(file);
      expect(result.code).toBe(1);
      expect(result.output).toMatch(
        new RegExp(`WarehouseLocked: The warehouse ${file} is in use by .*PID ${process.pid}`),
      );
    } finally {
      await holder.close();
    }
  });

  it('takes over a stale lock left by a process that is gone', async () => {
    const file = freshFile();
    await (await Warehouse.open(file)).close();
    writeFileSync(
      `${file}.lock`,
      JSON.stringify({
        pid: 2 ** 22 + 17,
        host: (await import('node:os')).hostname(),
        command: 'almanac collect',
        startedAt: '2026-11-20T00:00:00Z',
      }),
    );
    const warehouse = await Warehouse.open(file);
    await warehouse.close();
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});

function openInChild(file: string): Promise<{ code: number | null; output: string }> {
  const script = `
    import { Warehouse } from ${JSON.stringify(new URL('../../../src/warehouse/Warehouse.ts', import.meta.url).href)};
    try { await Warehouse.open(${JSON.stringify(file)}, { holder: 'almanac analyze' }); process.exit(0); }
    catch (e) { process.stdout.write(e.code + ': ' + e.message); process.exit(1); }`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}
