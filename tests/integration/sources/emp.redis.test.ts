// Integration: the emp source against a real Redis filled by the simulator (simulate --redis), compared with the
// simulator's own warehouse output (simulate --warehouse) row for row. Each test uses its own random prefix.
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SourceConfig } from '../../../src/config/Config.ts';
import { empKeys } from '../../../src/sources/emp/empKeys.ts';
import { RedisEmpSink } from '../../../src/simulate/RedisEmpSink.ts';
import { simulateToRedis } from '../../../src/simulate/simulateToRedis.ts';
import { simulateToWarehouse } from '../../../src/simulate/simulateToWarehouse.ts';
import type { SimOptions } from '../../../src/simulate/SimOptions.ts';
import type { Warehouse } from '../../../src/warehouse/Warehouse.ts';
import { connectTestRedis, deleteByPrefix, randomPrefix, REDIS_URL } from '../collect/testRedis.ts';
import { collectOnce, SMALL_LIMITS, tempWarehouse, type TempWarehouse } from '../collect/testWarehouse.ts';

const JOB_COLUMNS =
  'source, queue, job_id, name, status, priority, machine_id, worker_id, attempts, created_at, started_at, ' +
  'finished_at, wait_ms, run_ms, error_type, error_message, models, service, workflow_id, error_reason';
const DOWNLOAD_COLUMNS = 'source, machine_id, model, started_at, finished_at, bytes, ok, error, event_id';
const END = Date.parse('2026-11-20T09:30:00Z');
const SIM: SimOptions = { seed: 11, end: END, days: 3, machines: 6, jobsPerDay: 700 };

async function difference(warehouse: Warehouse, table: string, columns: string, other: string) {
  const one = await warehouse.all(
    `SELECT ${columns} FROM main.${table} EXCEPT SELECT ${columns} FROM ${other}.${table}`,
  );
  const two = await warehouse.all(
    `SELECT ${columns} FROM ${other}.${table} EXCEPT SELECT ${columns} FROM main.${table}`,
  );
  return { onlyCollected: one.length, onlySimulated: two.length };
}

describe('emp source (simulator-filled Redis)', () => {
  let redis: Redis;
  let prefix: string;
  const temps: TempWarehouse[] = [];

  beforeAll(async () => {
    redis = await connectTestRedis();
  });
  afterAll(() => redis.disconnect());
  afterEach(async () => {
    await deleteByPrefix(redis, prefix);
    for (const t of temps.splice(0)) t.remove();
  });

  const source = (overrides: Partial<SourceConfig> = {}): SourceConfig => ({
    name: 'simulated',
    layout: 'emp',
    redisUrl: REDIS_URL,
    prefix,
    queues: [],
    fullScanMinutes: 360,
    ...overrides,
  });

  it('collects exactly the rows simulate --warehouse writes, and a second pass adds nothing', async () => {
    prefix = randomPrefix('emp');
    const collected = tempWarehouse('emp-collected');
    const simulated = tempWarehouse('emp-simulated');
    temps.push(collected, simulated);
    const summary = await simulateToRedis(SIM, new RedisEmpSink(redis), prefix);
    const sim = await simulated.open();
    await simulateToWarehouse(SIM, sim, 'simulated', 15 * 60_000, prefix);
    await sim.close();

    const w = await collected.open();
    try {
      const first = await collectOnce(w, source());
      expect(first.error).toBeUndefined();
      expect(first.summary).toMatchObject({ status: 'ok', jobsNew: summary.jobs, jobsUpdated: 0, rejects: 0 });
      expect(first.summary.modelDownloads).toBe(summary.downloads);
      await w.run(`ATTACH '${simulated.file}' AS sim (READ_ONLY)`);
      expect(await difference(w, 'jobs', JOB_COLUMNS, 'sim')).toEqual({ onlyCollected: 0, onlySimulated: 0 });
      expect(await difference(w, 'model_downloads', DOWNLOAD_COLUMNS, 'sim')).toEqual({
        onlyCollected: 0,
        onlySimulated: 0,
      });
      const byStatus = await w.all<{ status: string; n: number }>(
        'SELECT status, count(*)::INTEGER AS n FROM jobs GROUP BY 1 ORDER BY 1',
      );
      expect(byStatus.find((r) => r.status === 'completed')!.n).toBeGreaterThan(summary.jobs * 0.8);
      expect(byStatus.find((r) => r.status === 'failed')!.n).toBeGreaterThan(0);
      const state = await w.all<{ m: number; w: number; busy: number }>(
        `SELECT (SELECT count(*) FROM machine_snapshots)::INTEGER AS m, (SELECT count(*) FROM worker_snapshots)::INTEGER AS w,
                (SELECT count(*) FROM worker_snapshots WHERE status = 'busy')::INTEGER AS busy`,
      );
      expect(state[0]!.m).toBeGreaterThan(0);
      expect(state[0]!.w).toBeGreaterThanOrEqual(state[0]!.m);
      const active = await w.all<{ n: number }>("SELECT count(*)::INTEGER AS n FROM jobs WHERE status = 'active'");
      expect(state[0]!.busy).toBe(active[0]!.n);

      const before = await w.all(`SELECT ${JOB_COLUMNS}, collected_at FROM jobs ORDER BY job_id`);
      const second = await collectOnce(w, source(), SMALL_LIMITS, () => Date.now());
      expect(second.summary).toMatchObject({ status: 'ok', jobsNew: 0, jobsUpdated: 0, modelDownloads: 0, gaps: 0 });
      expect(await w.all(`SELECT ${JOB_COLUMNS}, collected_at FROM jobs ORDER BY job_id`)).toEqual(before);
      const counts = await w.all<{ n: number; d: number }>(
        'SELECT (SELECT count(*) FROM jobs)::INTEGER AS n, (SELECT count(*) FROM model_downloads)::INTEGER AS d',
      );
      expect(counts[0]).toEqual({ n: summary.jobs, d: summary.downloads });
    } finally {
      await w.close();
    }
  }, 240_000);

  it('reads only what changed between full scans, and the periodic full scan catches the rest', async () => {
    prefix = randomPrefix('empinc');
    const temp = tempWarehouse('empinc');
    temps.push(temp);
    const keys = empKeys(prefix);
    const now = Math.floor(Date.now() / 1000) * 1000;
    const iso = (ms: number) => new Date(ms).toISOString();
    const job = (id: string, status: string, created: number, extra: Record<string, string> = {}) =>
      redis.hset(keys.job(id), {
        id,
        service_required: 'comfyui',
        priority: '50',
        payload: '{}',
        created_at: iso(created),
        status,
        retry_count: '0',
        max_retries: '3',
        ...extra,
      });
    await job('old-1', 'completed', now - 3 * 86_400_000, {
      worker_id: 'm1-worker-comfyui-0',
      started_at: iso(now - 3 * 86_400_000 + 1000),
      completed_at: iso(now - 3 * 86_400_000 + 5000),
    });
    await job('wait-1', 'pending', now - 60_000);
    await redis.zadd(keys.pending, 50e15, 'wait-1');
    const w = await temp.open();
    try {
      const first = await collectOnce(w, source(), SMALL_LIMITS, () => now);
      expect(first.summary.jobsNew).toBe(2);

      // Between passes: wait-1 ran and completed (it is in jobs:completed); old-1 was edited behind our back.
      await job('wait-1', 'completed', now - 60_000, {
        worker_id: 'm2-worker-comfyui-1',
        assigned_at: `${Math.floor((now - 30_000) / 1000)}.250000`,
        started_at: iso(now - 29_000),
        completed_at: iso(now + 60_000),
      });
      await redis.zrem(keys.pending, 'wait-1');
      await redis.hset(keys.completed, 'wait-1', JSON.stringify({ success: true, completed_at: iso(now + 60_000) }));
      await redis.hset(keys.job('old-1'), 'priority', '7');

      const second = await collectOnce(w, source(), SMALL_LIMITS, () => now + 120_000);
      expect(second.summary).toMatchObject({ jobsNew: 0, jobsUpdated: 1 });
      const rows = await w.all<{ job_id: string; status: string; priority: number; wait_ms: number }>(
        'SELECT job_id, status, priority, wait_ms FROM jobs ORDER BY job_id',
      );
      // Queue wait uses assigned_at (seconds.micros) when present.
      expect(rows).toEqual([
        { job_id: 'old-1', status: 'completed', priority: 50, wait_ms: expect.any(Number) as number },
        { job_id: 'wait-1', status: 'completed', priority: 50, wait_ms: 30_250 },
      ]);

      const later = now + 361 * 60_000;
      const third = await collectOnce(w, source(), SMALL_LIMITS, () => later);
      expect(third.summary).toMatchObject({ jobsNew: 0, jobsUpdated: 1 });
      const old = await w.all<{ priority: number }>("SELECT priority FROM jobs WHERE job_id = 'old-1'");
      expect(old[0]!.priority).toBe(7);
    } finally {
      await w.close();
    }
  });

  it('records finished jobs whose hash is gone as coverage gaps, each counted once on either path', async () => {
    prefix = randomPrefix('empgap');
    const temp = tempWarehouse('empgap');
    temps.push(temp);
    const keys = empKeys(prefix);
    const now = Math.floor(Date.now() / 1000) * 1000;
    const iso = (ms: number) => new Date(ms).toISOString();
    const completed = async (id: string, at: number, withHash: boolean) => {
      if (withHash) {
        await redis.hset(keys.job(id), {
          id,
          service_required: 'ollama',
          priority: '50',
          payload: '{}',
          created_at: iso(at - 10_000),
          status: 'completed',
          started_at: iso(at - 5000),
          completed_at: iso(at),
        });
      }
      await redis.hset(keys.completed, id, JSON.stringify({ success: true, completed_at: iso(at) }));
    };
    // Before the first pass: two entries whose hash Redis evicted (one of each finished set), one intact job.
    await completed('kept-1', now - 3_600_000, true);
    await completed('lost-1', now - 3_000_000, false);
    await redis.hset(keys.failed, 'lost-2', JSON.stringify({ error: 'x', failed_at: iso(now - 2_000_000) }));
    const gapsOf = (w: Warehouse) =>
      w.all<{ reason: string; missed: number; gap_from: number; gap_to: number }>(
        `SELECT split_part(reason, ' ', 1) AS reason, missed::INTEGER AS missed,
                epoch_ms(gap_from)::DOUBLE AS gap_from, epoch_ms(gap_to)::DOUBLE AS gap_to
           FROM coverage_gaps ORDER BY detected_at, reason`,
      );
    const w = await temp.open();
    try {
      const first = await collectOnce(w, source(), SMALL_LIMITS, () => now);
      expect(first.summary).toMatchObject({ jobsNew: 1, gaps: 2 });
      // Between passes one job finished normally, and another finished and lost its hash before the next pass.
      await completed('kept-2', now + 60_000, true);
      await completed('lost-3', now + 70_000, false);
      const second = await collectOnce(w, source(), SMALL_LIMITS, () => now + 120_000);
      expect(second.summary).toMatchObject({ jobsNew: 1, gaps: 1 });
      // The next pass reads the last minute of entries again (clock skew): the loss is not counted twice.
      const third = await collectOnce(w, source(), SMALL_LIMITS, () => now + 150_000);
      expect(third.summary).toMatchObject({ jobsNew: 0, gaps: 0 });
      // Nor by the next full scan, which checks the finished sets again.
      const fourth = await collectOnce(w, source(), SMALL_LIMITS, () => now + 361 * 60_000);
      expect(fourth.summary).toMatchObject({ jobsNew: 0, gaps: 0 });
      expect(await gapsOf(w)).toEqual([
        { reason: 'jobs:completed', missed: 1, gap_from: now - 3_000_000, gap_to: now - 3_000_000 },
        { reason: 'jobs:failed', missed: 1, gap_from: now - 2_000_000, gap_to: now - 2_000_000 },
        { reason: 'jobs:completed', missed: 1, gap_from: now + 70_000, gap_to: now + 70_000 },
      ]);
    } finally {
      await w.close();
    }
  });

  it('quarantines hostile and broken records, counts them, and goes on', async () => {
    prefix = randomPrefix('emprej');
    const temp = tempWarehouse('emprej');
    temps.push(temp);
    const keys = empKeys(prefix);
    const created = new Date(Date.now() - 3_600_000).toISOString();
    const good = { service_required: 'comfyui', priority: '50', payload: '{}', created_at: created, status: 'pending' };
    await redis.hset(keys.job('ok-1'), { id: 'ok-1', ...good });
    await redis.hset(keys.job('ok-1') + ':progress', { progress: '50', status: 'in_progress' });
    await redis.hset(keys.job('bad-status'), { id: 'bad-status', ...good, status: 'exploded' });
    await redis.hset(keys.job('bad-time'), { id: 'bad-time', ...good, created_at: 'yesterday-ish' });
    await redis.hset(keys.job('bad-id'), { ...good, id: '<script>alert(1)</script>' });
    await redis.set(keys.job('a-string'), 'not a hash');
    await redis.set(keys.machineInfo('m1'), 'not a hash');
    await redis.xadd(keys.telemetryEvents, '*', 'span', '{"name": "model.download", "attributes": {}}');
    await redis.xadd(keys.telemetryEvents, '*', 'span', 'not json at all');
    const w = await temp.open();
    try {
      const first = await collectOnce(w, source());
      expect(first.error).toBeUndefined();
      expect(first.summary).toMatchObject({ status: 'ok', jobsNew: 1, rejects: 7 });
      const rejects = await w.all<{ key: string; reason: string; excerpt: string }>(
        'SELECT key, reason, excerpt FROM rejects ORDER BY key, reason',
      );
      const reasons = Object.fromEntries(rejects.map((r) => [r.key.slice(prefix.length), r.reason]));
      expect(reasons).toMatchObject({
        'job:bad-status': expect.stringContaining('unknown status') as string,
        'job:bad-time': expect.stringContaining('created_at') as string,
        'job:bad-id': expect.stringContaining('id') as string,
        'job:a-string': 'wrong key type: not a hash',
        'machine:m1:info': 'wrong key type: not a hash',
      });
      expect(rejects.filter((r) => r.key.includes('telemetry:events#'))).toHaveLength(2);
      expect(rejects.find((r) => r.key.endsWith('job:bad-id'))!.excerpt).toContain('<script>');
      const runs = await w.all<{ rejects: number; status: string }>('SELECT rejects, status FROM collection_runs');
      expect(runs).toEqual([{ rejects: 7, status: 'ok' }]);

      // Seen again by the next full scan, they are not recorded twice.
      const again = await collectOnce(w, source({ fullScanMinutes: 1 }), SMALL_LIMITS, () => Date.now() + 120_000);
      expect(again.error).toBeUndefined();
      expect(await w.all('SELECT count(*)::INTEGER AS n FROM rejects')).toEqual([{ n: 7 }]);
    } finally {
      await w.close();
    }
  });
});
