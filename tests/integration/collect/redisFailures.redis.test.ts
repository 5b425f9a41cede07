// Integration: a collector that only reads (proved by a read-only ACL user), that never leaks credentials, and
// that fails cleanly when Redis is unreachable or lost mid-run, then catches up. Uses a private redis-server.
import { Queue, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WarehouseSession } from '../../../src/collect/WarehouseSession.ts';
import { RedisEmpSink } from '../../../src/simulate/RedisEmpSink.ts';
import { simulateToRedis } from '../../../src/simulate/simulateToRedis.ts';
import type { Warehouse } from '../../../src/warehouse/Warehouse.ts';
import { startPrivateRedis, type PrivateRedis } from './privateRedis.ts';
import { collectOnce, empSource, tempWarehouse, type TempWarehouse } from './testWarehouse.ts';

const SECRET = 'r3ad-0nly-s3cret';
const LIMITS = { scanCount: 50, batchSize: 20, unitRows: 200 };

async function everyText(w: Warehouse): Promise<string> {
  const tables = ['collection_runs', 'rejects', 'checkpoints', 'coverage_gaps', 'jobs'];
  const parts: string[] = [];
  for (const table of tables) parts.push(JSON.stringify(await w.all(`SELECT * FROM ${table}`)));
  return parts.join('\n');
}

describe('collector safety against a real Redis', () => {
  let redis: PrivateRedis;
  let temp: TempWarehouse;
  let jobs = 0;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    temp = tempWarehouse('failures');
    const end = Date.parse('2026-11-20T12:00:00Z');
    jobs = (
      await simulateToRedis({ seed: 3, end, days: 2, machines: 5, jobsPerDay: 1500 }, new RedisEmpSink(redis.admin), '')
    ).jobs;
    // A read-only user: every read command but KEYS, no writes, nothing blocking.
    await redis.admin.call(
      'ACL',
      'SETUSER',
      'reader',
      'on',
      `>${SECRET}`,
      '~*',
      '&*',
      '-@all',
      '+@read',
      '-keys',
      '-@blocking',
      '+info',
      '+ping',
      '+client|setname',
      '+client|list',
      '+scan',
      '+hscan',
    );
  }, 120_000);

  afterAll(async () => {
    await redis.stop();
    temp.remove();
  });

  it('collects emp and BullMQ as a read-only user (no writes, no KEYS, no blocking commands)', async () => {
    const queue = new Queue('ro-check', { connection: { host: '127.0.0.1', port: redis.port } });
    const worker = new Worker('ro-check', async () => 'ok', {
      connection: { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null },
      metrics: { maxDataPoints: 10 },
    });
    const done = new Promise<void>((resolve) => {
      let n = 0;
      worker.on('completed', () => ++n === 5 && resolve());
    });
    await queue.addBulk(Array.from({ length: 5 }, (_, i) => ({ name: 'n', data: { i } })));
    await done;
    await worker.close();
    await queue.close();

    const readOnlyUrl = `redis://reader:${SECRET}@127.0.0.1:${redis.port}`;
    const w = await temp.open();
    try {
      const e = await collectOnce(w, empSource(readOnlyUrl, 'ro-emp'), LIMITS);
      expect(e.error).toBeUndefined();
      expect(e.summary.jobsNew).toBe(jobs);
      const b = await collectOnce(
        w,
        { ...empSource(readOnlyUrl, 'ro-bull'), layout: 'bullmq', prefix: 'bull' },
        LIMITS,
      );
      expect(b.error).toBeUndefined();
      expect(b.summary.jobsNew).toBe(5);
      // ...and the same user is refused a write, so the check above is real.
      const denied = await redis.admin.call('ACL', 'DRYRUN', 'reader', 'SET', 'x', '1');
      expect(String(denied)).toMatch(/no permissions/);
      expect(String(await redis.admin.call('ACL', 'DRYRUN', 'reader', 'KEYS', '*'))).toMatch(/no permissions/);
      expect(await everyText(w)).not.toContain(SECRET);
    } finally {
      await w.close();
    }
  });

  it('records an unreachable Redis as a failed run, without the password', async () => {
    const w = await temp.open();
    try {
      const down = await collectOnce(w, empSource(`redis://u:${SECRET}@127.0.0.1:1`, 'down'), LIMITS);
      expect(down.summary.status).toBe('failed');
      expect((down.error as { code?: string }).code).toBe('RedisUnreachable');
      const run = await w.all<{ status: string; error: string }>(
        "SELECT status, error FROM collection_runs WHERE source = 'down'",
      );
      expect(run).toEqual([{ status: 'failed', error: expect.stringContaining('refused') as string }]);
      expect(run[0]!.error).toContain('***');
      const wrong = await collectOnce(
        w,
        empSource(`redis://reader:not-${SECRET}@127.0.0.1:${redis.port}`, 'down'),
        LIMITS,
      );
      expect((wrong.error as { code?: string }).code).toBe('RedisAuthFailed');
      expect(await everyText(w)).not.toContain(SECRET);
    } finally {
      await w.close();
    }
  });

  it('fails cleanly when the connection is lost mid-run, writes no snapshot, and the next run catches up', async () => {
    const w = await temp.open();
    try {
      // Cut every client connection once the pass is well under way (the third unit commits).
      const commit = WarehouseSession.prototype.commit;
      let units = 0;
      WarehouseSession.prototype.commit = async function (unit) {
        if (++units === 3) await redis.admin.call('CLIENT', 'KILL', 'TYPE', 'normal', 'SKIPME', 'yes');
        return commit.call(this, unit);
      };
      let lost;
      try {
        lost = await collectOnce(w, empSource(redis.url, 'cut'), LIMITS);
      } finally {
        WarehouseSession.prototype.commit = commit;
      }
      expect(lost.summary.status).toBe('failed');
      expect((lost.error as { code?: string }).code).toBe('RedisConnectionLost');
      const partial = await w.all<{ n: number }>("SELECT count(*)::INTEGER AS n FROM jobs WHERE source = 'cut'");
      expect(partial[0]!.n).toBeLessThan(jobs);
      const snapshots = await w.all<{ n: number }>(
        "SELECT count(*)::INTEGER AS n FROM queue_snapshots WHERE source = 'cut'",
      );
      expect(snapshots[0]!.n).toBe(0);
      const cursor = await w.all<{ value: string }>(
        "SELECT value FROM checkpoints WHERE source = 'cut' AND name = 'full_scan_cursor'",
      );
      expect(cursor[0]?.value).not.toBe('done');

      const next = await collectOnce(w, empSource(redis.url, 'cut'), LIMITS);
      expect(next.error).toBeUndefined();
      const all = await w.all<{ n: number }>("SELECT count(*)::INTEGER AS n FROM jobs WHERE source = 'cut'");
      expect(all[0]!.n).toBe(jobs);
      const runs = await w.all<{ status: string }>(
        "SELECT status FROM collection_runs WHERE source = 'cut' ORDER BY started_at",
      );
      expect(runs.map((r) => r.status)).toEqual(['failed', 'ok']);
    } finally {
      await w.close();
    }
  });
});
