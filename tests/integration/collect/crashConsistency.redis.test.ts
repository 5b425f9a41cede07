// Crash consistency: `almanac collect` (a child process) is killed with SIGKILL at many points of a large emp
// collection and rerun each time; the final warehouse must hold exactly the rows of one uninterrupted run.
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisEmpSink } from '../../../src/simulate/RedisEmpSink.ts';
import { simulateToRedis } from '../../../src/simulate/simulateToRedis.ts';
import { Warehouse } from '../../../src/warehouse/Warehouse.ts';
import { connectTestRedis, deleteByPrefix, randomPrefix, REDIS_URL } from './testRedis.ts';
import { tempWarehouse, type TempWarehouse } from './testWarehouse.ts';

const CLI = path.resolve(import.meta.dirname, '../../../src/cli/almanac.mjs');

function runCollect(
  config: string,
  db: string,
  killAfterMs?: number,
): Promise<{ code: number | null; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, '--config', config, '--db', db, 'collect', '--json'], {
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    let killed = false;
    const timer =
      killAfterMs === undefined
        ? undefined
        : setTimeout(() => {
            killed = child.kill('SIGKILL');
          }, killAfterMs);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, killed: killed && code === null });
    });
  });
}

async function contents(file: string) {
  const w = await Warehouse.open(file, { readOnly: true });
  try {
    return {
      jobs: await w.all(
        `SELECT source, queue, job_id, name, status, priority, machine_id, worker_id, attempts, created_at, started_at,
                finished_at, wait_ms, run_ms, error_type, error_message, models, service, workflow_id, error_reason
         FROM jobs ORDER BY source, queue, job_id`,
      ),
      downloads: await w.all('SELECT * FROM model_downloads ORDER BY event_id'),
      rejects: await w.all('SELECT source, key, reason, excerpt FROM rejects ORDER BY key, reason'),
      gaps: await w.all('SELECT source, queue, gap_from, gap_to, reason, missed FROM coverage_gaps ORDER BY ALL'),
      checkpoints: await w.all(
        `SELECT name, CASE WHEN name IN ('telemetry_events', 'full_scan_cursor') THEN value END AS value
         FROM checkpoints ORDER BY name`,
      ),
      runs: await w.all<{ status: string; error: string | null }>('SELECT status, error FROM collection_runs'),
    };
  } finally {
    await w.close();
  }
}

describe('crash consistency of collect (SIGKILL at many points)', () => {
  let redis: Redis;
  let prefix: string;
  let temp: TempWarehouse;
  let config: string;

  beforeAll(async () => {
    redis = await connectTestRedis();
    prefix = randomPrefix('crash');
    temp = tempWarehouse('crash');
    const end = Date.parse('2026-11-20T12:00:00Z');
    await simulateToRedis({ seed: 5, end, days: 5, machines: 10, jobsPerDay: 2500 }, new RedisEmpSink(redis), prefix);
    // A few broken records too, so rejects are part of the comparison.
    await redis.set(`${prefix}job:not-a-hash`, 'x');
    await redis.hset(`${prefix}job:bad`, { id: 'bad', status: 'weird', service_required: 'comfyui' });
    config = path.join(temp.dir, 'almanac.config.json');
    writeFileSync(
      config,
      JSON.stringify({
        collect: { scanCount: 100, batchSize: 20 },
        sources: [{ name: 'fleet', layout: 'emp', redisUrl: REDIS_URL, prefix }],
      }),
    );
  }, 120_000);

  afterAll(async () => {
    await deleteByPrefix(redis, prefix);
    redis.disconnect();
    temp.remove();
  });

  it('ends with exactly the rows of an uninterrupted run', async () => {
    const clean = path.join(temp.dir, 'clean.duckdb');
    const started = Date.now();
    expect((await runCollect(config, clean)).code).toBe(0);
    const cleanMs = Date.now() - started;

    const crashed = path.join(temp.dir, 'crashed.duckdb');
    // Kill points move from process start-up towards the end of the collection. The machine's speed varies (other
    // work shares it), so when a run finishes before its kill, the series restarts on a fresh warehouse with
    // kills closer together, until at least six kills landed in one series.
    let kills = 0;
    let step = Math.max(100, Math.round(cleanMs / 10));
    let delay = 400;
    for (let attempt = 0; attempt < 40 && kills < 6; attempt++) {
      const result = await runCollect(config, crashed, delay);
      if (result.killed) {
        kills++;
        delay += step;
        continue;
      }
      for (const file of [crashed, `${crashed}.wal`, `${crashed}.lock`]) rmSync(file, { force: true });
      kills = 0;
      step = Math.max(50, Math.round(step / 2));
      delay = 400;
    }
    expect(kills).toBeGreaterThanOrEqual(6);
    expect((await runCollect(config, crashed)).code).toBe(0);

    const want = await contents(clean);
    const got = await contents(crashed);
    expect(want.jobs.length).toBeGreaterThan(10_000);
    expect(want.rejects.length).toBe(2);
    expect(got.jobs).toEqual(want.jobs);
    expect(got.downloads).toEqual(want.downloads);
    expect(got.rejects).toEqual(want.rejects);
    expect(got.gaps).toEqual(want.gaps);
    expect(got.checkpoints).toEqual(want.checkpoints);
    // Every killed run is closed as failed (interrupted) by the next one; the last one is ok.
    expect(got.runs.filter((r) => r.status === 'running')).toEqual([]);
    expect(got.runs.filter((r) => r.status === 'ok').length).toBeGreaterThanOrEqual(1);
    expect(got.runs.filter((r) => r.status === 'failed').every((r) => r.error?.startsWith('interrupted'))).toBe(true);
  }, 300_000);
});
