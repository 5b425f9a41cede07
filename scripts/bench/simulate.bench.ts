// Simulator throughput: a million jobs into Redis (emp layout) and into the warehouse, and the demo's default
// 90 days. Redis runs write under a random prefix on 127.0.0.1:6379 and delete it afterwards (outside the timing).
// The Redis runs are compared with `redis-cli --pipe` writing the same commands from a file (Redis's own limit).
// `--quick` sizes are a smoke run: one or two days of a smaller fleet.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { RedisEmpSink } from '../../src/simulate/RedisEmpSink.ts';
import { RespConnection } from '../../src/simulate/RespConnection.ts';
import { RespEmpSink } from '../../src/simulate/RespEmpSink.ts';
import { DEFAULT_SIM_OPTIONS, type SimOptions } from '../../src/simulate/SimOptions.ts';
import { simulateToRedis } from '../../src/simulate/simulateToRedis.ts';
import { simulateToWarehouse } from '../../src/simulate/simulateToWarehouse.ts';
import { Warehouse } from '../../src/warehouse/Warehouse.ts';
import type { Benchmark, BenchParams, Figure, Reference } from './Benchmark.ts';
import { pipeToRedis, RespFile } from './RespFile.ts';

const REDIS_URL = 'redis://127.0.0.1:6379';
const END = Date.UTC(2026, 10, 22);

/** About a million jobs (20k with --quick): 20 days of 50k jobs on a fleet big enough to carry them. */
function millionJobs(params: BenchParams): SimOptions {
  return params.quick
    ? { seed: 1, end: END, days: 1, machines: 40, jobsPerDay: 20_000 }
    : { seed: 1, end: END, days: 20, machines: 150, jobsPerDay: 50_000 };
}

/** The writer comparison: 100k jobs (20k with --quick). */
function writerJobs(params: BenchParams): SimOptions {
  return params.quick
    ? { seed: 2, end: END, days: 1, machines: 40, jobsPerDay: 20_000 }
    : { seed: 2, end: END, days: 2, machines: 150, jobsPerDay: 50_000 };
}

interface Captured {
  dir: string;
  /** The simulator's commands as RESP, written under `prefix`. */
  file: string;
  prefix: string;
  commands: number;
}

/** Runs the simulation once into a RESP file (outside any timing), for the `redis-cli --pipe` reference. */
async function capture(options: SimOptions): Promise<Captured> {
  const dir = mkdtempSync(path.join(tmpdir(), 'almanac-bench-resp-'));
  const file = path.join(dir, 'writes.resp');
  const prefix = `almanac-bench-${randomBytes(4).toString('hex')}:`;
  const out = new RespFile(file);
  try {
    await simulateToRedis(options, out.sink(), prefix);
  } finally {
    await out.close();
  }
  return { dir, file, prefix, commands: out.commands };
}

const redisCliPipe: Reference<Captured> = {
  title: 'redis-cli --pipe of the same commands from a file',
  async run(captured) {
    const redis = new Redis(REDIS_URL);
    try {
      const serverBefore = await redisCpu(redis);
      const started = performance.now();
      const { replies } = await pipeToRedis(captured.file, REDIS_URL);
      const seconds = (performance.now() - started) / 1000;
      if (replies !== captured.commands) throw new Error(`redis-cli got ${replies} replies to ${captured.commands}`);
      return {
        value: seconds,
        unit: 's',
        notes: {
          writes: replies,
          MB: Math.round(statSync(captured.file).size / 1e6),
          redisCpuSeconds: Math.round((await redisCpu(redis)) - serverBefore),
        },
      };
    } finally {
      await deletePrefix(redis, captured.prefix);
      await redis.quit();
    }
  },
};

const dropCapture = async (captured: Captured) => rmSync(captured.dir, { recursive: true, force: true });

async function deletePrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 10_000);
    cursor = next;
    if (keys.length > 0) await redis.unlink(...keys);
  } while (cursor !== '0');
}

/** Redis server CPU seconds so far (shared server: other clients count too, so treat it as an upper bound). */
async function redisCpu(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const get = (name: string) => Number(new RegExp(`${name}:([0-9.]+)`).exec(info)?.[1] ?? 0);
  return get('used_cpu_user') + get('used_cpu_sys');
}

/** This process's CPU seconds since `from`: what the run costs on a machine that is not shared. */
function cpuSince(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return Math.round((used.user + used.system) / 10_000) / 100;
}

async function intoRedis(options: SimOptions, writer: 'resp' | 'ioredis'): Promise<Figure> {
  const prefix = `almanac-bench-${randomBytes(4).toString('hex')}:`;
  const redis = new Redis(REDIS_URL);
  const connection = writer === 'resp' ? await RespConnection.open(REDIS_URL) : null;
  try {
    const sink = connection ? new RespEmpSink(connection) : new RedisEmpSink(redis);
    const serverBefore = await redisCpu(redis);
    const cpu = process.cpuUsage();
    const started = performance.now();
    const summary = await simulateToRedis(options, sink, prefix);
    const seconds = (performance.now() - started) / 1000;
    return {
      value: seconds,
      unit: 's',
      notes: {
        jobs: summary.jobs,
        writes: summary.commands,
        jobsPerSecond: Math.round(summary.jobs / seconds),
        cpuSeconds: cpuSince(cpu),
        redisCpuSeconds: Math.round((await redisCpu(redis)) - serverBefore),
      },
    };
  } finally {
    connection?.close();
    await deletePrefix(redis, prefix);
    await redis.quit();
  }
}

async function intoWarehouse(options: SimOptions, intervalMinutes: number): Promise<Figure> {
  const dir = mkdtempSync(path.join(tmpdir(), 'almanac-bench-sim-'));
  try {
    const warehouse = await Warehouse.open(path.join(dir, 'sim.duckdb'), { holder: 'bench' });
    try {
      const cpu = process.cpuUsage();
      const started = performance.now();
      const summary = await simulateToWarehouse(options, warehouse, 'bench', intervalMinutes * 60_000);
      const seconds = (performance.now() - started) / 1000;
      return {
        value: seconds,
        unit: 's',
        // DuckDB's own threads count in this process's CPU time.
        notes: {
          jobs: summary.jobs,
          snapshotRows: summary.snapshots,
          downloads: summary.downloads,
          cpuSeconds: cpuSince(cpu),
        },
      };
    } finally {
      await warehouse.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const redisBenchmarks: Benchmark<Captured>[] = [
  {
    id: 'simulate-redis-1m',
    stage: 'simulate',
    title: 'simulate 1M jobs into Redis (emp layout, bulk RESP writer)',
    better: 'lower',
    target: { text: '< 60 s', met: (median) => median < 60 },
    setup: (params) => capture(millionJobs(params)),
    run: (_state, params) => intoRedis(millionJobs(params), 'resp'),
    reference: redisCliPipe,
    teardown: dropCapture,
    repetitions: { full: 1, quick: 1 },
  },
  {
    id: 'simulate-redis-writers',
    stage: 'simulate',
    title: 'simulate 100k jobs into Redis: bulk RESP writer',
    better: 'lower',
    target: {
      text: 'faster than ioredis pipelines',
      met: (median, reference) => reference !== null && median < reference,
    },
    setup: (params) => capture(writerJobs(params)),
    run: (_state, params) => intoRedis(writerJobs(params), 'resp'),
    reference: {
      title: 'ioredis pipelines (4000 commands a batch)',
      run: (_state, params) => intoRedis(writerJobs(params), 'ioredis'),
    },
    moreReferences: [redisCliPipe],
    teardown: dropCapture,
    repetitions: { full: 3, quick: 1 },
  },
];

export const benchmarks: Benchmark[] = [
  ...redisBenchmarks,
  {
    id: 'simulate-warehouse-1m',
    stage: 'simulate',
    title: 'simulate 1M jobs into the warehouse (rows via the emp decoder, 15-min snapshots)',
    better: 'lower',
    run: (_state, params) =>
      intoWarehouse(
        params.quick ? { seed: 1, end: END, days: 1, machines: 40, jobsPerDay: 10_000 } : millionJobs(params),
        15,
      ),
    repetitions: { full: 1, quick: 1 },
  },
  {
    id: 'simulate-demo-90d',
    stage: 'simulate',
    title: `simulate the demo: 90 days, ${DEFAULT_SIM_OPTIONS.machines} machines, ${DEFAULT_SIM_OPTIONS.jobsPerDay} jobs/day, into the warehouse`,
    better: 'lower',
    target: { text: '< 60 s (demo < 2 min end to end)', met: (median) => median < 60 },
    run: (_state, params) =>
      intoWarehouse(
        {
          seed: 3,
          end: END,
          days: params.quick ? 3 : 90,
          machines: DEFAULT_SIM_OPTIONS.machines,
          jobsPerDay: DEFAULT_SIM_OPTIONS.jobsPerDay,
        },
        15,
      ),
    repetitions: { full: 1, quick: 1 },
  },
];
