// Live load: `almanac simulate --live` writes a 50-machine fleet into a private Redis in real time while
// `almanac collect` runs every few seconds. Afterwards the warehouse holds every finished job exactly once (the set
// of finished ids equals Redis's), each collection finished within a bounded time (lag), and the collector's peak
// memory did not grow from the first collections to the last. The full run tries rising rates and reports the
// highest the pipeline kept up with (docs/reliability.md). The fleet runs `speed` times faster than real time
// (simulate --speed), so 50 machines finish as many jobs a second as are submitted: the load is finished history
// to collect, not a pending queue that grows.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Warehouse } from '../../src/warehouse/Warehouse.ts';
import { startRedisServer, type RedisServer } from '../helpers/redisServer.ts';
import { almanacBin } from '../helpers/runAlmanac.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { TEST_TIMEOUT, scaled } from './scale.ts';

vi.setConfig({ testTimeout: TEST_TIMEOUT, hookTimeout: TEST_TIMEOUT });

interface Level {
  rate: number;
  durationS: number;
  speed: number;
}
// Jobs per second submitted by the simulator, for how long, and how much faster than real time the fleet runs
// (50 machines keep up with about twice the speed in jobs per second).
const LEVELS: Level[] = scaled(
  [{ rate: 50, durationS: 25, speed: 50 }],
  [
    { rate: 300, durationS: 120, speed: 300 },
    { rate: 1000, durationS: 180, speed: 1000 },
    { rate: 2000, durationS: 120, speed: 2000 },
  ],
);
const COLLECT_EVERY_MS = scaled(3000, 5000);
// A collection that takes longer than this has fallen behind the fleet.
const MAX_LAG_MS = scaled(30_000, 60_000);

interface Collected {
  ms: number;
  peakRssMb: number;
  /** CPU seconds (all threads, DuckDB's included) as last sampled before the process exited. */
  cpuS: number;
  code: number | null;
}

function peakRss(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? '0') / 1024;
  } catch {
    return 0;
  }
}

/** utime + stime of a live process, in seconds (clock ticks of 1/100 s), or null once it is gone. */
function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** One `almanac collect`, with its wall time, peak resident memory (VmHWM) and CPU, sampled until it exits. */
function collect(cwd: string): Promise<Collected> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [almanacBin, 'collect', '--json'], { cwd, stdio: 'ignore' });
    let peak = 0;
    let cpu = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, peakRss(child.pid!));
      cpu = cpuSeconds(child.pid!) ?? cpu;
    }, 100);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(sampler);
      resolve({ ms: performance.now() - t0, peakRssMb: Math.round(peak), cpuS: cpu, code });
    });
  });
}

async function redisCpuSeconds(redis: RedisServer): Promise<number> {
  const info = await redis.admin.info('cpu');
  const get = (name: string) => Number(new RegExp(`${name}:([0-9.]+)`).exec(info)?.[1] ?? 0);
  return get('used_cpu_user') + get('used_cpu_sys');
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function finishedIdsInRedis(redis: RedisServer, prefix: string): Promise<Set<string>> {
  const ids = new Set<string>();
  let cursor = '0';
  do {
    const [next, keys] = await redis.admin.scan(cursor, 'MATCH', `${prefix}job:*`, 'COUNT', 2000);
    cursor = next;
    const hashes = keys.filter((k) => !k.endsWith(':progress'));
    const pipe = redis.admin.pipeline();
    for (const k of hashes) pipe.hmget(k, 'status', 'id');
    const replies = (await pipe.exec()) ?? [];
    replies.forEach(([error, value]) => {
      const [status, id] = (error ? [] : value) as [string | null, string | null];
      if (id && (status === 'completed' || status === 'failed')) ids.add(id);
    });
  } while (cursor !== '0');
  return ids;
}

async function finishedToWarehouseMs(cwd: string): Promise<{ median: number; max: number }> {
  const w = await Warehouse.open(path.join(cwd, 'data', 'almanac.duckdb'), { readOnly: true });
  try {
    // A row's collected_at is the start of the pass that stored it, which is that run's started_at.
    const [row] = await w.all<{ p50: number | null; max: number | null }>(
      `SELECT round(median(epoch_ms(r.finished_at) - epoch_ms(j.finished_at)))::DOUBLE AS p50,
              max(epoch_ms(r.finished_at) - epoch_ms(j.finished_at))::DOUBLE AS max
         FROM jobs j JOIN collection_runs r ON r.source = j.source AND r.started_at = j.collected_at
        WHERE j.source = 'fleet' AND j.finished_at IS NOT NULL`,
    );
    return { median: row?.p50 ?? -1, max: row?.max ?? -1 };
  } finally {
    await w.close();
  }
}

describe('live load: simulate --live while collect runs every few seconds', () => {
  const results: Record<string, unknown>[] = [];
  let redis: RedisServer;

  beforeAll(async () => {
    redis = await startRedisServer({ persist: false });
  });

  afterAll(async () => {
    await redis?.stop();
    console.log(`live load: ${JSON.stringify(results)}`);
  });

  for (const [index, level] of LEVELS.entries()) {
    it(`${level.rate} jobs/s across 50 machines for ${level.durationS} s (fleet at ${level.speed}x)`, async () => {
      const prefix = `live${level.rate}:`;
      const cwd = tempDir('almanac-live');
      writeFileSync(
        path.join(cwd, 'almanac.config.json'),
        JSON.stringify({ timezone: 'UTC', sources: [{ name: 'fleet', layout: 'emp', redisUrl: redis.url, prefix }] }),
      );
      const redisCpuBefore = await redisCpuSeconds(redis);
      const loadBefore = loadavg()[0]!;
      const t0 = performance.now();
      const sim = spawn(
        process.execPath,
        [
          almanacBin,
          'simulate',
          '--redis',
          redis.url,
          '--prefix',
          prefix,
          '--live',
          '--machines',
          '50',
          '--rate',
          String(level.rate),
          '--duration',
          `${level.durationS}s`,
          '--speed',
          String(level.speed),
          '--seed',
          String(level.rate),
          '--json',
        ],
        { cwd, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let simOut = '';
      let simErr = '';
      sim.stdout.on('data', (c: Buffer) => (simOut += c.toString()));
      sim.stderr.on('data', (c: Buffer) => (simErr = (simErr + c.toString()).slice(-2000)));
      let simSignal: string | null = null;
      const simDone = new Promise<number | null>((resolve) =>
        sim.on('exit', (code, signal) => {
          simSignal = signal;
          resolve(code);
        }),
      );
      let simExited = false;
      void simDone.then(() => (simExited = true));
      const runs: Collected[] = [];
      while (!simExited) {
        const started = performance.now();
        runs.push(await collect(cwd));
        const wait = COLLECT_EVERY_MS - (performance.now() - started);
        if (wait > 0) await Promise.race([sleep(wait), simDone]);
      }
      const simCode = await simDone;
      const simMs = performance.now() - t0;
      if (simCode !== 0)
        results.push({ rate: level.rate, simulator: { code: simCode, signal: simSignal, stderr: simErr } });
      expect(simCode, `simulate --live ended with ${simSignal ?? simCode}: ${simErr}`).toBe(0);
      // Final pass after the fleet stopped: everything finished must now be in the warehouse.
      runs.push(await collect(cwd));
      expect(runs.every((r) => r.code === 0)).toBe(true);

      const inRedis = await finishedIdsInRedis(redis, prefix);
      const w = await Warehouse.open(path.join(cwd, 'data', 'almanac.duckdb'), { readOnly: true });
      let inWarehouse: string[];
      let duplicates: number;
      try {
        inWarehouse = (
          await w.all<{ job_id: string }>(
            "SELECT job_id FROM jobs WHERE source = 'fleet' AND status IN ('completed', 'failed', 'cancelled')",
          )
        ).map((r) => r.job_id);
        const dup = await w.all<{ n: number }>(
          'SELECT count(*)::INTEGER AS n FROM (SELECT job_id FROM jobs GROUP BY source, queue, job_id HAVING count(*) > 1)',
        );
        duplicates = dup[0]?.n ?? 0;
      } finally {
        await w.close();
      }
      const collected = new Set(inWarehouse);
      const missing = [...inRedis].filter((id) => !collected.has(id));
      const sim$ = JSON.parse(simOut || '{}') as {
        jobs?: number;
        finished?: number;
        seconds?: number;
        maxTickMs?: number;
        cpuSeconds?: number;
      };
      const submitted = sim$.jobs ?? 0;
      const simSeconds = sim$.seconds ?? simMs / 1000;
      // How long a finished job took to reach the warehouse: from its finish to the end of the pass that stored it.
      const freshness = await finishedToWarehouseMs(cwd);
      const lagMs = Math.max(...runs.map((r) => r.ms));
      const early = runs.slice(0, Math.max(1, Math.floor(runs.length / 3)));
      const late = runs.slice(-Math.max(1, Math.floor(runs.length / 3)));
      const rssEarly = Math.max(...early.map((r) => r.peakRssMb));
      const rssLate = Math.max(...late.map((r) => r.peakRssMb));
      const result = {
        rate: level.rate,
        speed: level.speed,
        durationS: level.durationS,
        submitted,
        finished: sim$.finished ?? 0,
        // What the simulator really sustained: jobs finished per wall second of its run.
        finishedPerS: Math.round((sim$.finished ?? 0) / simSeconds),
        // The run itself past its duration (a writer that fell behind the clock), and the process start before it.
        simulatorOverrunS: Math.round((simSeconds - level.durationS) * 10) / 10,
        simulatorStartS: Math.round((simMs / 1000 - simSeconds) * 10) / 10,
        simulatorMaxTickMs: Math.round(sim$.maxTickMs ?? 0),
        simulatorCpuS: sim$.cpuSeconds ?? null,
        redisCpuS: Math.round(((await redisCpuSeconds(redis)) - redisCpuBefore) * 10) / 10,
        finishedInRedis: inRedis.size,
        finishedInWarehouse: inWarehouse.length,
        missing: missing.length,
        duplicates,
        collections: runs.length,
        maxCollectMs: Math.round(lagMs),
        medianCollectMs: Math.round(median(runs.map((r) => r.ms))),
        medianCollectCpuS: median(runs.map((r) => r.cpuS)),
        collectorCpuS: Math.round(runs.reduce((n, r) => n + r.cpuS, 0)),
        finishedToWarehouseMedianMs: freshness.median,
        finishedToWarehouseMaxMs: freshness.max,
        peakRssMbEarly: rssEarly,
        peakRssMbLate: rssLate,
        loadAverage: [Math.round(loadBefore * 10) / 10, Math.round(loadavg()[0]! * 10) / 10],
      };
      // Kept up: the fleet finished at 90% of the rate or more without the simulator overrunning its duration by
      // more than a quarter, every collection finished within the lag bound, and memory stayed flat (the last
      // collections need no more than the first ones plus a margin for DuckDB's caches).
      const keptUp =
        result.finishedPerS >= 0.9 * level.rate &&
        result.simulatorOverrunS <= level.durationS / 4 &&
        lagMs < MAX_LAG_MS &&
        rssLate < rssEarly * 1.5 + 64;
      results.push({ ...result, keptUp });
      // Correctness holds at every rate: every finished job exactly once, whatever the lag.
      expect(missing).toEqual([]);
      expect(duplicates).toBe(0);
      expect(inRedis.size).toBeGreaterThan(0);
      // The first (lowest) rate must be held; higher ones are measured and reported.
      if (index === 0) {
        expect(result.finishedPerS, 'the fleet finished jobs at the rate asked').toBeGreaterThanOrEqual(
          0.8 * level.rate,
        );
        expect(lagMs, 'every collection finished within the lag bound').toBeLessThan(MAX_LAG_MS);
        expect(rssLate).toBeLessThan(rssEarly * 1.5 + 64);
      }
    });
  }
});
