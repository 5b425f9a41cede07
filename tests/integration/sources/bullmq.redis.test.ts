// Integration: the BullMQ source against a real Redis driven by the real `bullmq` package (producer + workers with
// retries, backoff, failures, retention and a small events stream). Each test uses its own random prefix.
import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SourceConfig } from '../../../src/config/Config.ts';
import type { Warehouse } from '../../../src/warehouse/Warehouse.ts';
import { connectTestRedis, deleteByPrefix, randomPrefix, REDIS_URL } from '../collect/testRedis.ts';
import { collectOnce, tempWarehouse, type TempWarehouse } from '../collect/testWarehouse.ts';

const connection = { host: '127.0.0.1', port: 6379, maxRetriesPerRequest: null };
type Mode = 'ok' | 'flaky' | 'bad';

interface Harness {
  queue: Queue;
  workers: Worker[];
  /** Final outcomes as the workers themselves reported them: the ground truth. */
  completed: Set<string>;
  failed: Set<string>;
  waitFor(total: number): Promise<void>;
  close(): Promise<void>;
}

async function harness(
  prefix: string,
  name: string,
  opts: { maxLen: number; removeOnComplete: boolean | { count: number }; removeOnFail: boolean | { count: number } },
): Promise<Harness> {
  const queue = new Queue(name, { connection, prefix, streams: { events: { maxLen: opts.maxLen } } });
  const completed = new Set<string>();
  const failed = new Set<string>();
  const processor = async (job: Job<{ mode: Mode }>) => {
    if (job.data.mode === 'bad') throw new TypeError(`bad input for ${job.id}`);
    if (job.data.mode === 'flaky' && job.attemptsMade === 0) throw new Error('transient failure');
    return { ok: true };
  };
  const workers = ['w1', 'w2'].map(
    (workerName) =>
      new Worker(name, processor, {
        connection,
        prefix,
        name: workerName,
        concurrency: 2,
        metrics: { maxDataPoints: 100 },
        removeOnComplete: opts.removeOnComplete === true ? { count: 0 } : opts.removeOnComplete || undefined,
        removeOnFail: opts.removeOnFail === true ? { count: 0 } : opts.removeOnFail || undefined,
      }),
  );
  for (const worker of workers) {
    worker.on('completed', (job) => completed.add(job.id!));
    worker.on('failed', (job) => {
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) failed.add(job.id!);
    });
  }
  return {
    queue,
    workers,
    completed,
    failed,
    async waitFor(total) {
      const deadline = Date.now() + 30_000;
      while (completed.size + failed.size < total) {
        if (Date.now() > deadline) throw new Error(`only ${completed.size + failed.size} of ${total} jobs finished`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await queue.close();
    },
  };
}

async function addBatch(queue: Queue, from: number, count: number): Promise<void> {
  const modes: Mode[] = ['ok', 'ok', 'flaky', 'ok', 'bad'];
  await queue.addBulk(
    Array.from({ length: count }, (_, i) => {
      const n = from + i;
      const mode = modes[n % modes.length]!;
      return {
        name: mode === 'bad' ? 'render-pdf' : 'send-mail',
        data: { mode },
        opts: { attempts: 2, backoff: { type: 'fixed', delay: 20 }, priority: n % 7 === 0 ? 3 : undefined },
      };
    }),
  );
}

interface JobOut {
  job_id: string;
  status: string;
  attempts: number;
  name: string;
  error_type: string | null;
  error_message: string | null;
  worker_id: string | null;
  run_ms: number | null;
  wait_ms: number | null;
}

async function jobsOf(warehouse: Warehouse, source: string): Promise<JobOut[]> {
  return warehouse.all<JobOut>(
    `SELECT job_id, status, attempts, name, error_type, error_message, worker_id, run_ms, wait_ms
     FROM jobs WHERE source = $source ORDER BY job_id`,
    { source },
  );
}

describe('BullMQ source (real bullmq, real Redis)', () => {
  let redis: Redis;
  let prefix: string;
  let temp: TempWarehouse;
  let h: Harness | undefined;

  beforeAll(async () => {
    redis = await connectTestRedis();
  });
  afterAll(async () => {
    redis.disconnect();
  });
  afterEach(async () => {
    await h?.close();
    h = undefined;
    await deleteByPrefix(redis, prefix);
    temp.remove();
  });

  const source = (): SourceConfig => ({
    name: 'bq',
    layout: 'bullmq',
    redisUrl: REDIS_URL,
    prefix,
    queues: [],
    fullScanMinutes: 360,
  });

  it('records every final outcome the workers reported, across passes, without duplicates', async () => {
    prefix = randomPrefix('bq');
    temp = tempWarehouse('bq');
    h = await harness(prefix, 'mail-eu', {
      maxLen: 10_000,
      removeOnComplete: { count: 3 },
      removeOnFail: { count: 2 },
    });
    const warehouse = await temp.open();
    try {
      await addBatch(h.queue, 0, 20);
      await h.waitFor(20);
      const first = await collectOnce(warehouse, source());
      expect(first.error).toBeUndefined();
      await addBatch(h.queue, 20, 25);
      await h.waitFor(45);
      const second = await collectOnce(warehouse, source());
      expect(second.error).toBeUndefined();

      const rows = await jobsOf(warehouse, 'bq');
      const completed = rows.filter((r) => r.status === 'completed').map((r) => r.job_id);
      const failed = rows.filter((r) => r.status === 'failed').map((r) => r.job_id);
      expect(new Set(completed)).toEqual(h.completed);
      expect(new Set(failed)).toEqual(h.failed);
      expect(rows).toHaveLength(45);
      // A flaky job (every 5th + 2) needed two attempts; a bad one failed both with a TypeError.
      const flaky = rows.find((r) => r.job_id === '3')!;
      expect(flaky).toMatchObject({ status: 'completed', attempts: 2, name: 'send-mail' });
      const bad = rows.find((r) => r.job_id === '5')!;
      expect(bad).toMatchObject({ status: 'failed', attempts: 2, name: 'render-pdf' });
      expect(bad.error_message).toContain('bad input for 5');
      for (const r of rows) {
        expect(r.run_ms === null || r.run_ms >= 0).toBe(true);
        expect(r.wait_ms === null || r.wait_ms >= 0).toBe(true);
      }
      // Jobs read while their hash existed know their worker (processedBy).
      expect(rows.filter((r) => r.worker_id === 'w1' || r.worker_id === 'w2').length).toBeGreaterThan(0);
      const gaps = await warehouse.all<{ missed: number }>("SELECT missed FROM coverage_gaps WHERE source = 'bq'");
      expect(gaps).toEqual([]);
      const snapshots = await warehouse.all<{ queue: string; waiting: number; completed: number; failed: number }>(
        "SELECT queue, waiting, completed, failed FROM queue_snapshots WHERE source = 'bq' ORDER BY taken_at DESC LIMIT 1",
      );
      expect(snapshots[0]).toMatchObject({ queue: 'mail-eu', waiting: 0, completed: 3, failed: 2 });

      const third = await collectOnce(warehouse, source());
      expect(third.summary).toMatchObject({ status: 'ok', jobsNew: 0, jobsUpdated: 0, gaps: 0 });
      expect(await jobsOf(warehouse, 'bq')).toEqual(rows);
      const runs = await warehouse.all<{ status: string }>("SELECT status FROM collection_runs WHERE source = 'bq'");
      expect(runs.map((r) => r.status)).toEqual(['ok', 'ok', 'ok']);
    } finally {
      await warehouse.close();
    }
  });

  it('records gaps counted by the metrics when the stream was trimmed and the jobs removed', async () => {
    prefix = randomPrefix('bqgap');
    temp = tempWarehouse('bqgap');
    h = await harness(prefix, 'thumbs', { maxLen: 10, removeOnComplete: true, removeOnFail: true });
    const warehouse = await temp.open();
    try {
      await addBatch(h.queue, 0, 5);
      await h.waitFor(5);
      expect((await collectOnce(warehouse, source())).error).toBeUndefined();
      // Many jobs between two passes: the stream keeps only its tail, and retention kept no hash at all.
      await addBatch(h.queue, 5, 150);
      await h.waitFor(155);
      const pass = await collectOnce(warehouse, source());
      expect(pass.error).toBeUndefined();
      expect(pass.summary.gaps).toBeGreaterThan(0);

      const rows = await jobsOf(warehouse, 'bq');
      const recorded = (status: string) => rows.filter((r) => r.status === status);
      // Whatever was recorded is true to the workers' own reports...
      for (const r of recorded('completed')) expect(h.completed.has(r.job_id)).toBe(true);
      for (const r of recorded('failed')) expect(h.failed.has(r.job_id)).toBe(true);
      // ...and what was not is counted in the gaps, exactly.
      const missed = await warehouse.all<{ reason: string; missed: number }>(
        "SELECT reason, sum(missed)::INTEGER AS missed FROM coverage_gaps WHERE source = 'bq' AND missed IS NOT NULL GROUP BY reason ORDER BY reason",
      );
      const missedOf = (set: string) => missed.find((m) => m.reason.startsWith(set))?.missed ?? 0;
      expect(recorded('completed').length + missedOf('completed')).toBe(h.completed.size);
      expect(recorded('failed').length + missedOf('failed')).toBe(h.failed.size);
      expect(missedOf('completed')).toBeGreaterThan(0);
      const trims = await warehouse.all(
        "SELECT * FROM coverage_gaps WHERE source = 'bq' AND reason LIKE 'events stream trimmed%'",
      );
      expect(trims.length).toBe(1);

      // A further pass finds nothing new to record as lost.
      const again = await collectOnce(warehouse, source());
      expect(again.summary.gaps).toBe(0);
    } finally {
      await warehouse.close();
    }
  });
});
