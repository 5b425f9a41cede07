// Redis faults during collections: a private redis-server is restarted, paused (CLIENT PAUSE), frozen (DEBUG
// SLEEP), killed with SIGKILL, or reached through a slow link, at a random moment of an `almanac collect` into a
// fresh warehouse. Every run completes or fails cleanly (an error[Code] line, no stack, no hang), the next run
// catches up, and the warehouse then equals that of an undisturbed collection. A Redis with maxmemory eviction
// loses keys: the collector keeps everything that was still there and records the finished jobs it lost as
// coverage gaps.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RedisEmpSink } from '../../src/simulate/RedisEmpSink.ts';
import { simulateToRedis } from '../../src/simulate/simulateToRedis.ts';
import { Warehouse } from '../../src/warehouse/Warehouse.ts';
import { startRedisServer, type RedisServer } from '../helpers/redisServer.ts';
import { runAlmanac, type AlmanacRun } from '../helpers/runAlmanac.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { warehouseDigest, type WarehouseDigest } from './digests.ts';
import { FULL, TEST_TIMEOUT, scaled } from './scale.ts';

vi.setConfig({ testTimeout: TEST_TIMEOUT, hookTimeout: TEST_TIMEOUT });

const END = Date.parse('2026-11-20T00:00:00Z');
const TRIALS_PER_FAULT = scaled(1, 6);

interface Fault {
  name: string;
  /** Injects the fault; resolves once Redis is usable again (or left down for `recover`). */
  inject(redis: RedisServer): Promise<void>;
  recover?(redis: RedisServer): Promise<void>;
}

const allFaults: Fault[] = [
  { name: 'restart (SHUTDOWN SAVE, up again after 500 ms)', inject: (r) => r.restart(500) },
  { name: 'CLIENT PAUSE 3 s', inject: (r) => r.pause(3000) },
  { name: 'DEBUG SLEEP 2 s', inject: (r) => r.debugSleep(2) },
  { name: 'SIGKILL, down for 1 s', inject: (r) => r.kill(), recover: async (r) => (await sleep(1000), r.start()) },
];
// The shortened run keeps the two faults that cut connections; pauses and sleeps run in the full suite.
const faults = FULL ? allFaults : allFaults.filter((f) => /restart|SIGKILL/.test(f.name));

function writeConfig(dir: string, url: string): void {
  writeFileSync(
    path.join(dir, 'almanac.config.json'),
    JSON.stringify({
      timezone: 'UTC',
      sources: [{ name: 'fleet', layout: 'emp', redisUrl: url }],
      // Small SCAN counts and pipelines: many round trips, so a fault lands in the middle of a pass.
      collect: { scanCount: 20, batchSize: 10 },
    }),
  );
}

function expectCleanOutcome(run: AlmanacRun, label: string): void {
  expect(run.code, `${label}: the run ended by itself (no hang)`).not.toBeNull();
  if (run.code === 0) return;
  // With --json the reason is in the run's log line (code and message) and the JSON summary.
  expect(run.stderr, `${label}: a failed run says why`).toMatch(
    /error\[[A-Za-z]+\]|"level":"error".*"code":"[A-Za-z]+"/,
  );
  expect(run.stderr, `${label}: no stack trace without --debug`).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
}

const db = (dir: string) => path.join(dir, 'data', 'almanac.duckdb');
const AT = path.resolve(import.meta.dirname, 'almanacAt.ts');

describe('Redis faults during collections', () => {
  let redis: RedisServer;
  let reference: WarehouseDigest;
  const outcomes: { fault: string; code: number | null }[] = [];

  beforeAll(async () => {
    redis = await startRedisServer({ persist: true });
    await simulateToRedis(
      { seed: 31, end: END, days: 2, machines: 8, jobsPerDay: scaled(1000, 6000) },
      new RedisEmpSink(redis.admin),
      '',
    );
    // A snapshot on disk, so a SIGKILLed server comes back with the same data set.
    await redis.admin.save();
    const dir = tempDir('almanac-redis-ref');
    writeConfig(dir, redis.url);
    const run = await runAlmanac(['collect'], { cwd: dir, timeoutMs: 300_000 });
    expect(run.code, run.stderr).toBe(0);
    reference = await warehouseDigest(db(dir));
    expect(reference.jobCount).toBeGreaterThan(1000);
  }, 600_000);

  afterAll(async () => {
    await redis?.stop();
    if (outcomes.length) console.log(`redis faults: ${JSON.stringify(outcomes)}`);
  });

  for (const fault of faults) {
    it(`${fault.name}: each run completes or fails cleanly, the next catches up with nothing lost`, async () => {
      for (let trial = 0; trial < TRIALS_PER_FAULT; trial++) {
        const dir = tempDir('almanac-redis-fault');
        writeConfig(dir, redis.url);
        const running = runAlmanac(['collect', '--json'], { cwd: dir, timeoutMs: 240_000 });
        // Node and the CLI take ~1 s to start; the pass itself a few seconds.
        await sleep(800 + Math.floor(Math.random() * (FULL ? 3000 : 1200)));
        await fault.inject(redis);
        const first = await running;
        await fault.recover?.(redis);
        expectCleanOutcome(first, fault.name);
        outcomes.push({ fault: fault.name, code: first.code });
        const second = await runAlmanac(['collect', '--json'], { cwd: dir, timeoutMs: 240_000 });
        expect(second.code, second.stderr).toBe(0);
        const digest = await warehouseDigest(db(dir));
        expect(digest.runningRuns).toBe(0);
        expect({ ...digest, runningRuns: 0 }).toEqual({ ...reference, runningRuns: 0 });
      }
    });
  }

  const delayMs = scaled(2, 5);
  it(`a slow Redis (every reply delayed ${delayMs} ms each way) gives the same warehouse`, async () => {
    const proxy = await redis.slowProxy(delayMs);
    try {
      const dir = tempDir('almanac-redis-slow');
      writeConfig(dir, proxy.url);
      const run = await runAlmanac(['collect', '--json'], { cwd: dir, timeoutMs: 600_000 });
      expect(run.code, run.stderr).toBe(0);
      expect(await warehouseDigest(db(dir))).toEqual(reference);
    } finally {
      await proxy.close();
    }
  });
});

describe('a Redis with maxmemory eviction', () => {
  let redis: RedisServer;
  let dir: string;
  let evicted = 0;
  /** Finished-set entries whose job hash Redis had evicted by the time the collector ran, per set. */
  const lostBefore = { completed: 0, failed: 0 };

  beforeAll(async () => {
    // LFU: the keys written once (old job hashes, attestations) go first, while the finished sets, written on every
    // completion, stay, as they would in a busy fleet. (Redis's LRU clock ticks once a second, so during a bulk load
    // every key looks equally recent; under allkeys-random a whole `jobs:completed` can go, and with it every trace
    // of the losses.)
    redis = await startRedisServer({ maxmemory: '3mb', policy: 'allkeys-lfu' });
    dir = tempDir('almanac-evict');
    writeConfig(dir, redis.url);
    // More history than fits: Redis evicts job hashes, attestations and progress hashes as it goes.
    await simulateToRedis(
      { seed: 41, end: END, days: 2, machines: 6, jobsPerDay: 3000 },
      new RedisEmpSink(redis.admin),
      '',
    );
    evicted = Number(/evicted_keys:(\d+)/.exec(await redis.admin.info('stats'))?.[1] ?? '0');
    // Nothing is evicted from here on, so what was lost is known exactly before the collector runs.
    await redis.admin.config('SET', 'maxmemory', '0');
    for (const set of ['completed', 'failed'] as const) {
      let cursor = '0';
      do {
        const [next, flat] = await redis.admin.hscan(`jobs:${set}`, cursor, 'COUNT', 1000);
        cursor = next;
        const ids = flat.filter((_, i) => i % 2 === 0);
        const pipe = redis.admin.pipeline();
        for (const id of ids) pipe.exists(`job:${id}`);
        const replies = (await pipe.exec()) ?? [];
        lostBefore[set] += replies.filter(([error, n]) => error === null && n === 0).length;
      } while (cursor !== '0');
    }
  }, 300_000);

  afterAll(async () => {
    await redis?.stop();
  });

  it('collects every job hash Redis still holds, and the runs succeed', async () => {
    expect(evicted, 'the data set overflowed maxmemory').toBeGreaterThan(0);
    const run = await runAlmanac(['collect', '--json'], { cwd: dir, timeoutMs: 300_000 });
    expect(run.code, run.stderr).toBe(0);
    const again = await runAlmanac(['collect', '--json'], { cwd: dir, timeoutMs: 300_000 });
    expect(again.code, again.stderr).toBe(0);
    const held = new Set<string>();
    let cursor = '0';
    do {
      const [next, keys] = await redis.admin.scan(cursor, 'MATCH', 'job:*', 'COUNT', 1000);
      cursor = next;
      for (const k of keys) if (!k.endsWith(':progress')) held.add(k.slice('job:'.length));
    } while (cursor !== '0');
    const w = await Warehouse.open(db(dir), { readOnly: true });
    try {
      const ids = new Set((await w.all<{ job_id: string }>('SELECT job_id FROM jobs')).map((r) => r.job_id));
      const rejected = new Set((await w.all<{ key: string }>('SELECT key FROM rejects')).map((r) => r.key));
      const missing = [...held].filter((id) => !ids.has(id) && !rejected.has(`job:${id}`));
      expect(missing).toEqual([]);
      console.log(`eviction: ${evicted} keys evicted, ${held.size} job hashes held, ${ids.size} jobs collected`);
    } finally {
      await w.close();
    }
  });

  it('finished jobs whose hash was evicted are recorded as coverage gaps, each counted once', async () => {
    expect(lostBefore.completed, 'eviction took hashes of completed jobs').toBeGreaterThan(0);
    expect(lostBefore.failed, 'eviction took hashes of failed jobs').toBeGreaterThan(0);
    const w = await Warehouse.open(db(dir), { readOnly: true });
    try {
      const gaps = await w.all<{ reason: string; missed: number; gap_from: string | null; gap_to: string | null }>(
        'SELECT reason, missed::INTEGER AS missed, gap_from::VARCHAR AS gap_from, gap_to::VARCHAR AS gap_to FROM coverage_gaps',
      );
      const missed = (set: string) =>
        gaps.filter((g) => g.reason.startsWith(`jobs:${set} `)).reduce((n, g) => n + g.missed, 0);
      // Two passes ran (a full scan, then the cheap path): the losses are counted exactly, and once.
      expect({ completed: missed('completed'), failed: missed('failed') }).toEqual(lostBefore);
      for (const g of gaps) expect(g.gap_from !== null && g.gap_to !== null && g.gap_from <= g.gap_to).toBe(true);
      const runs = await w.all<{ gaps: number }>('SELECT gaps FROM collection_runs ORDER BY started_at');
      expect(runs.map((r) => r.gaps)).toEqual([gaps.length, 0]);
      console.log(`eviction: ${JSON.stringify(lostBefore)} finished jobs lost with their hash, recorded as gaps`);
    } finally {
      await w.close();
    }
    // A pass seven hours later owes a full scan again (fullScanMinutes 360), which checks the finished sets again:
    // the entries already counted are behind its checkpoint, so it adds no gap.
    const later = new Date(Date.now() + 7 * 3_600_000).toISOString();
    const third = await runAlmanac(['collect', '--json'], { cwd: dir, timeoutMs: 300_000, bin: [AT, later] });
    expect(third.code, third.stderr).toBe(0);
    expect((JSON.parse(third.stdout) as { sources: { gaps: number }[] }).sources[0]?.gaps).toBe(0);
    const scans = await Warehouse.open(db(dir), { readOnly: true });
    try {
      const [row] = await scans.all<{ at: string }>("SELECT value AS at FROM checkpoints WHERE name = 'full_scan_at'");
      expect(Number(row?.at), 'the later pass made a full scan').toBeGreaterThan(Date.now() + 6 * 3_600_000);
    } finally {
      await scans.close();
    }
  });
});
