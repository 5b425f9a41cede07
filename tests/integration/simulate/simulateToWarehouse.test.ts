// Real DuckDB files in a temp dir, real Redis (shared, random prefix) for the Redis-vs-warehouse equality check.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJobHash } from '../../../src/sources/emp/decodeJobHash.ts';
import { empKeys } from '../../../src/sources/emp/empKeys.ts';
import { toJobRow } from '../../../src/sources/emp/toJobRow.ts';
import { seedOf } from '../../../src/simulate/Prng.ts';
import { simulateToWarehouse } from '../../../src/simulate/simulateToWarehouse.ts';
import { Warehouse } from '../../../src/warehouse/Warehouse.ts';
import { connectTestRedis, deletePrefix, randomPrefix, scanKeys, simulateIntoRedis } from './redisHelpers.ts';

const options = {
  seed: seedOf('warehouse'),
  end: Date.UTC(2026, 10, 21, 18, 0),
  days: 3,
  machines: 12,
  jobsPerDay: 4000,
};
const TABLES = [
  'jobs',
  'queue_snapshots',
  'worker_snapshots',
  'machine_snapshots',
  'model_downloads',
  'collection_runs',
];
const JOB_COLUMNS = [
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
  'service',
  'workflow_id',
  'error_reason',
];
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'almanac-sim-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function simulateInto(file: string): Promise<Warehouse> {
  const warehouse = await Warehouse.open(path.join(dir, file), { holder: 'test' });
  await simulateToWarehouse(options, warehouse, 'sim', 15 * 60_000);
  return warehouse;
}

async function tableDigest(warehouse: Warehouse, table: string): Promise<string> {
  const rows = await warehouse.all(`SELECT * FROM ${table} ORDER BY ALL`);
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

describe('simulate --warehouse', () => {
  // Generous timeouts: four simulations and DuckDB writes on a shared 2-core machine.
  it('writes every core table, identically for the same seed and end', { timeout: 240_000 }, async () => {
    const a = await simulateInto('a.duckdb');
    const b = await simulateInto('b.duckdb');
    try {
      for (const table of TABLES) {
        const [{ n }] = (await a.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table}`)) as [{ n: number }];
        expect(n, table).toBeGreaterThan(0);
        expect(await tableDigest(b, table), table).toBe(await tableDigest(a, table));
      }
      // Running again replaces the source's rows rather than adding to them.
      const before = await a.all('SELECT count(*)::INTEGER AS n FROM jobs');
      await simulateToWarehouse(options, a, 'sim', 15 * 60_000);
      expect(await a.all('SELECT count(*)::INTEGER AS n FROM jobs')).toEqual(before);
      const states = await a.all<{ status: string }>('SELECT DISTINCT status FROM jobs ORDER BY 1');
      expect(states.map((s) => s.status)).toEqual(
        expect.arrayContaining(['active', 'cancelled', 'completed', 'failed']),
      );
      const snapshots = await a.all<{ w: number; busy: number }>(
        "SELECT sum(waiting)::INTEGER AS w, (SELECT count(*)::INTEGER FROM worker_snapshots WHERE status = 'busy') AS busy FROM queue_snapshots",
      );
      expect(snapshots[0]!.busy).toBeGreaterThan(0);
    } finally {
      await a.close();
      await b.close();
    }
  });

  describe('rows equal what a collector decodes from the same seed in Redis', () => {
    let redis: Redis;
    let prefix: string;
    beforeAll(async () => {
      redis = await connectTestRedis();
      prefix = randomPrefix();
    });
    afterAll(async () => {
      await deletePrefix(redis, prefix);
      await redis.quit();
    });

    it('decoding the simulated keyspace gives exactly the warehouse job rows', { timeout: 240_000 }, async () => {
      await simulateIntoRedis(options, prefix);
      const keys = empKeys(prefix);
      const jobKeys = (await scanKeys(redis, `${prefix}job:`)).filter((k) => !k.endsWith(':progress'));
      const failed = await redis.hgetall(keys.failed);
      const collected: Record<string, unknown>[] = [];
      for (let i = 0; i < jobKeys.length; i += 1000) {
        const slice = jobKeys.slice(i, i + 1000);
        const hashes = ((await slice.reduce((p, k) => p.hgetall(k), redis.pipeline()).exec()) ?? []).map(
          ([, h]) => h as Record<string, string>,
        );
        const attestationKeys = hashes.map((h) =>
          keys.failureAttestation(h['id'] ?? '', h['workflow_id'] ?? '', 'permanent'),
        );
        const attestations = ((await attestationKeys.reduce((p, k) => p.get(k), redis.pipeline()).exec()) ?? []).map(
          ([, v]) => v as string | null,
        );
        hashes.forEach((h, j) => {
          const r = decodeJobHash(h, {
            source: 'sim',
            key: slice[j]!,
            failedEntry: failed[h['id'] ?? ''] ?? null,
            failureAttestation: attestations[j],
          });
          if (!r.ok) throw new Error(r.reject.reason);
          collected.push(toJobRow(r.value, 0));
        });
      }
      const warehouse = await simulateInto('c.duckdb');
      try {
        const rows = await warehouse.all<Record<string, unknown>>(
          `SELECT ${JOB_COLUMNS.join(', ')} FROM jobs ORDER BY job_id`,
        );
        const normalize = (r: Record<string, unknown>) =>
          JOB_COLUMNS.map((c) => {
            const v = r[c];
            if (c.endsWith('_at'))
              return v === null || v === undefined ? null : new Date(v as string | number).getTime();
            return v === undefined ? null : v;
          });
        collected.sort((x, y) => ((x['job_id'] as string) < (y['job_id'] as string) ? -1 : 1));
        expect(rows.length).toBe(collected.length);
        expect(rows.map(normalize)).toEqual(collected.map(normalize));
      } finally {
        await warehouse.close();
      }
    });
  });
});
