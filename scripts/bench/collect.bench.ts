// Collector throughput: `almanac collect` (the real command in its own process, as cron runs it) of an emp backlog
// (1,000,000 jobs; 20,000 with --quick) written by the simulator into a private redis-server, against a raw ioredis
// client doing the same SCAN + pipelined HGETALL in this process. Each run starts from an empty warehouse; after it,
// an incremental pass over the collected backlog is timed too. The collector's own peak RSS is sampled from its
// process; the harness's peak RSS column is this process's (the raw reader and the CSV load).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { UNIT_PIPELINES } from '../../src/collect/collectAll.ts';
import type { Benchmark, BenchParams, Figure } from './Benchmark.ts';
import { exportJobsCsv, loadJobsCsv } from './jobsCsv.ts';

const CLI = fileURLToPath(new URL('../../src/cli/almanac.mjs', import.meta.url));
const LIMITS = { scanCount: 1000, batchSize: 500, unitRows: 500 * UNIT_PIPELINES };
/** Pipelines in flight for the raw reader: the same overlap the collector's full scan uses. */
const RAW_IN_FLIGHT = 3;

interface State {
  dir: string;
  redis: ChildProcess;
  url: string;
  jobs: number;
  /** The first run's collected jobs as CSV, for the DuckDB-from-CSV reference. */
  csv?: string;
}

/** Days of backlog at 25,000 jobs a day (two days of 10,000 with --quick), × `--scale`: the archive length in Redis. */
const backlogDays = (params: BenchParams) => Math.max(1, Math.round((params.quick ? 2 : 40) * params.scale));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForRedis(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const client = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 1 });
    client.on('error', () => undefined); // refused while the server starts: retried below
    try {
      await client.connect();
      await client.ping();
      client.disconnect();
      return;
    } catch {
      client.disconnect();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`redis-server at ${url} did not start`);
}

async function setup(params: BenchParams): Promise<State> {
  const dir = mkdtempSync(path.join(tmpdir(), 'almanac-bench-collect-'));
  const port = await freePort();
  const redis = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const url = `redis://127.0.0.1:${port}`;
  await waitForRedis(url);
  const [days, perDay] = [backlogDays(params), params.quick ? 10_000 : 25_000];
  const sim = spawnSync(
    process.execPath,
    [
      CLI,
      'simulate',
      '--redis',
      url,
      '--layout',
      'emp',
      '--days',
      String(days),
      '--jobs-per-day',
      String(perDay),
    ].concat(['--machines', '60', '--seed', 'bench', '--end', '2026-11-20', '--json']),
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 * 1024 * 1024 },
  );
  if (sim.status !== 0) throw new Error(`simulate failed with exit ${sim.status}`);
  const jobs = Number((JSON.parse(sim.stdout) as { jobs?: number }).jobs ?? 0);
  return { dir, redis, url, jobs };
}

/** One `almanac collect --json` in its own process, as cron runs it, with its summary, wall time and peak RSS. */
function collectOnce(cwd: string): Promise<{ summary: CollectedSource; wallSeconds: number; peakRssMb: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, 'collect', '--json'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err = (err + c.toString()).slice(-4000)));
    // VmHWM is a high-water mark, so the last sample before the exit is the process's peak within one interval.
    let peakKb = 0;
    const sampler = setInterval(() => (peakKb = Math.max(peakKb, highWaterKb(child.pid!))), 50);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(sampler);
      const wallSeconds = (performance.now() - started) / 1000;
      if (code !== 0) return reject(new Error(`almanac collect exited with ${code}:\n${err}`));
      const summary = (JSON.parse(out) as { sources: CollectedSource[] }).sources[0]!;
      if (summary.status !== 'ok') return reject(new Error(`almanac collect: ${JSON.stringify(summary.error)}`));
      resolve({ summary, wallSeconds, peakRssMb: peakKb / 1024 });
    });
  });
}

interface CollectedSource {
  status: string;
  jobsNew: number;
  modelDownloads: number;
  seconds: number;
  error: unknown;
}

function highWaterKb(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0; // exited between samples
  }
}

function writeCollectConfig(file: string, url: string): string {
  const cwd = path.dirname(file);
  writeFileSync(
    path.join(cwd, 'almanac.config.json'),
    JSON.stringify({
      timezone: 'UTC',
      warehouse: path.basename(file),
      collect: { scanCount: LIMITS.scanCount, batchSize: LIMITS.batchSize },
      sources: [{ name: 'bench', layout: 'emp', redisUrl: url, prefix: '', fullScanMinutes: 360 }],
    }),
  );
  return cwd;
}

/** A full pass into an empty warehouse, then an incremental pass over what it collected. */
async function collectInto(file: string, url: string) {
  const cwd = writeCollectConfig(file, url);
  const full = await collectOnce(cwd);
  const incremental = await collectOnce(cwd);
  return {
    full: full.summary,
    seconds: full.summary.seconds,
    wallSeconds: full.wallSeconds,
    peakRssMb: full.peakRssMb,
    incrementalSeconds: incremental.summary.seconds,
    incrementalPeakRssMb: incremental.peakRssMb,
  };
}

/** The floor: SCAN MATCH job:* (skipping :progress) and HGETALL each key, nothing decoded or stored. */
async function rawRead(url: string): Promise<Figure> {
  const client = new Redis(url);
  try {
    const started = performance.now();
    let hashes = 0;
    let cursor = '0';
    const inFlight: Promise<unknown>[] = [];
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', 'job:*', 'COUNT', LIMITS.scanCount);
      cursor = next;
      const jobKeys = keys.filter((k) => !k.endsWith(':progress'));
      for (let i = 0; i < jobKeys.length; i += LIMITS.batchSize) {
        const slice = jobKeys.slice(i, i + LIMITS.batchSize);
        inFlight.push(
          client
            .pipeline(slice.map((k) => ['hgetall', k]))
            .exec()
            .then((replies) => (hashes += replies?.length ?? 0)),
        );
        while (inFlight.length > RAW_IN_FLIGHT) await inFlight.shift();
      }
    } while (cursor !== '0');
    await Promise.all(inFlight);
    const seconds = (performance.now() - started) / 1000;
    return {
      value: hashes / seconds,
      unit: 'jobs/s',
      notes: { rawSeconds: Number(seconds.toFixed(2)), rawHashes: hashes },
    };
  } finally {
    client.disconnect();
  }
}

export const benchmarks: Benchmark<State>[] = [
  {
    id: 'collect-emp-backlog',
    stage: 'collect',
    title: 'collect an emp backlog into an empty warehouse (jobs/s)',
    better: 'higher',
    target: {
      text: '>= 50,000 jobs/s and within 1.5x of the raw client',
      met: (rate, raw) => rate >= 50_000 && raw !== null && rate * 1.5 >= raw,
    },
    repetitions: { full: 1, quick: 1 },
    setup,
    async run(state) {
      const file = path.join(state.dir, `run-${Date.now()}.duckdb`);
      try {
        const r = await collectInto(file, state.url);
        if (!state.csv) {
          state.csv = path.join(state.dir, 'jobs.csv');
          await exportJobsCsv(file, state.csv);
        }
        return {
          value: r.full.jobsNew / r.seconds,
          unit: 'jobs/s',
          notes: {
            backlogJobs: state.jobs,
            jobsCollected: r.full.jobsNew,
            seconds: Number(r.seconds.toFixed(1)),
            'process wall s': Number(r.wallSeconds.toFixed(1)),
            'collector peak RSS MB': Math.round(r.peakRssMb),
            incrementalSeconds: Number(r.incrementalSeconds.toFixed(2)),
            'incremental peak RSS MB': Math.round(r.incrementalPeakRssMb),
            modelDownloads: r.full.modelDownloads,
          },
        };
      } finally {
        rmSync(file, { force: true });
        rmSync(`${file}.wal`, { force: true });
      }
    },
    reference: { title: 'raw ioredis SCAN + pipelined HGETALL', run: (state) => rawRead(state.url) },
    moreReferences: [
      {
        title: 'DuckDB loading the same jobs from CSV (COPY into an empty warehouse)',
        run: (state) => loadJobsCsv(state.csv!, state.dir),
      },
    ],
    grows: { what: 'days of backlog in Redis (jobs grow with them)', size: backlogDays },
    async teardown(state) {
      state.redis.kill('SIGTERM');
      rmSync(state.dir, { recursive: true, force: true });
    },
  },
];
