import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../../src/config/Config.ts';
import { checkWarehouse } from '../../../src/doctor/checkWarehouse.ts';
import { listMigrations } from '../../../src/warehouse/listMigrations.ts';
import { Warehouse } from '../../../src/warehouse/Warehouse.ts';
import { tempDir } from '../../helpers/tempDir.ts';

const row = (id: string, status = 'completed') => ({
  source: 's',
  queue: 'q',
  job_id: id,
  status,
  created_at: Date.UTC(2026, 10, 21, 6),
  collected_at: Date.UTC(2026, 10, 21, 7),
  models: [],
});

describe('the jobs key (source, queue, job_id)', () => {
  it('is upgraded from the indexed table of older warehouses with every row kept', async () => {
    const file = path.join(tempDir('almanac-jobs-key'), 'w.duckdb');
    // A warehouse as the previous release left it: migrations up to 070, jobs with its PRIMARY KEY, two rows.
    const instance = await DuckDBInstance.create(file);
    const connection = await instance.connect();
    await connection.run(
      'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)',
    );
    for (const migration of listMigrations().filter((m) => m.version <= 70)) {
      await connection.run(migration.sql);
      await connection.run(`INSERT INTO schema_migrations VALUES (${migration.version}, '${migration.name}', now())`);
    }
    await connection.run(
      "INSERT INTO jobs (source, queue, job_id, status, collected_at, models) VALUES ('s', 'q', '1', 'completed', now(), ['a']), ('s', 'q', '2', 'failed', now(), [])",
    );
    const before = await connection.runAndReadAll(
      "SELECT count(*) FROM duckdb_constraints() WHERE table_name = 'jobs' AND constraint_type = 'PRIMARY KEY'",
    );
    expect(Number(before.getRows()[0]![0])).toBe(1);
    connection.closeSync();
    instance.closeSync();

    const warehouse = await Warehouse.open(file);
    try {
      const keys = await warehouse.all<{ n: number }>(
        "SELECT count(*) AS n FROM duckdb_constraints() WHERE table_name = 'jobs' AND constraint_type = 'PRIMARY KEY'",
      );
      // No ART index: it has to live in memory and ran a 256 MB limit out at about two million jobs.
      expect(keys).toEqual([{ n: 0 }]);
      expect(await warehouse.all('SELECT job_id, status, models FROM jobs ORDER BY job_id')).toEqual([
        { job_id: '1', status: 'completed', models: ['a'] },
        { job_id: '2', status: 'failed', models: [] },
      ]);
      const columns = await warehouse.all<{ column_name: string }>(
        "SELECT column_name FROM duckdb_columns() WHERE table_name = 'jobs' ORDER BY column_index",
      );
      expect(columns.map((c) => c.column_name).slice(0, 3)).toEqual(['source', 'queue', 'job_id']);
    } finally {
      await warehouse.close();
    }
  });

  it('is checked by doctor, which names repeated keys', async () => {
    const file = path.join(tempDir('almanac-jobs-key'), 'w.duckdb');
    const config = { paths: { warehouse: file } } as Config;
    const warehouse = await Warehouse.open(file);
    try {
      await warehouse.append('jobs', [row('1'), row('2')]);
    } finally {
      await warehouse.close();
    }
    expect(await checkWarehouse(config)).toMatchObject({ ok: true, detail: expect.stringContaining('2 jobs') });

    const again = await Warehouse.open(file);
    try {
      await again.append('jobs', [row('1', 'failed')]);
    } finally {
      await again.close();
    }
    expect(await checkWarehouse(config)).toMatchObject({
      ok: false,
      detail: expect.stringContaining("1 job rows that repeat another row's (source, queue, job_id)"),
    });
  });
});
