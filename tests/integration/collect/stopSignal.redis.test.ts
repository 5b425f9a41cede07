// Cooperative stop of a collection pass: an AbortSignal aborted in the middle of a full SCAN (as the scheduler and
// `almanac collect` do on SIGTERM) ends the pass right after the unit in hand commits. The warehouse then holds
// exactly the committed units, with the cursor that covers them and no snapshot (the snapshot is committed last);
// the next pass carries on from that cursor and ends with the rows of an uninterrupted pass.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectSource } from '../../../src/collect/collectSource.ts';
import { redisSource } from '../../../src/collect/redisSource.ts';
import type { SourceConfig } from '../../../src/config/Config.ts';
import { AlmanacError } from '../../../src/errors/AlmanacError.ts';
import type { LogFields, Logger } from '../../../src/log/Logger.ts';
import { RedisEmpSink } from '../../../src/simulate/RedisEmpSink.ts';
import { simulateToRedis } from '../../../src/simulate/simulateToRedis.ts';
import type { Warehouse } from '../../../src/warehouse/Warehouse.ts';
import { startPrivateRedis, type PrivateRedis } from './privateRedis.ts';
import { runAlmanac } from '../../helpers/runAlmanac.ts';
import { collectOnce, empSource, SMALL_LIMITS, tempWarehouse, type TempWarehouse } from './testWarehouse.ts';

/** A logger that hands every debug line to `onDebug` (the pass logs one per committed unit). */
function watchingLogger(onDebug: (message: string, fields: LogFields) => void, bound: LogFields = {}): Logger {
  return {
    debug: (message, fields) => onDebug(message, { ...bound, ...fields }),
    info() {},
    warn() {},
    error() {},
    child: (fields) => watchingLogger(onDebug, { ...bound, ...fields }),
  };
}

async function contents(w: Warehouse) {
  return {
    jobs: await w.all(
      `SELECT queue, job_id, name, status, machine_id, worker_id, attempts, created_at, started_at, finished_at,
              wait_ms, run_ms, error_type, models FROM jobs ORDER BY queue, job_id`,
    ),
    downloads: await w.all('SELECT * FROM model_downloads ORDER BY event_id'),
    rejects: await w.all('SELECT source, key, reason, excerpt FROM rejects ORDER BY key, reason'),
  };
}

describe('stopping a collection pass between units', () => {
  // A redis-server of its own: a full SCAN walks the whole keyspace, which on the shared server (filled by everyone's
  // tests) takes far longer than this test should.
  let redis: PrivateRedis;
  let temp: TempWarehouse;
  let config: SourceConfig;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    temp = tempWarehouse('stop');
    const end = Date.parse('2026-11-20T12:00:00Z');
    await simulateToRedis(
      { seed: 9, end, days: 2, machines: 6, jobsPerDay: 2000 },
      new RedisEmpSink(redis.admin),
      'f:',
    );
    config = empSource(redis.url, 'fleet', 'f:');
  }, 120_000);

  afterAll(async () => {
    await redis?.stop();
    temp?.remove();
  });

  it('keeps whole units only, and the next pass ends where an uninterrupted one does', async () => {
    const reference = await collectReference();
    expect(reference.jobs.length).toBeGreaterThan(3 * SMALL_LIMITS.unitRows);

    const warehouse = await temp.open();
    try {
      const controller = new AbortController();
      const reason = new AlmanacError('RunInterrupted', 'SIGTERM received');
      let units = 0;
      let unitJobs = 0;
      const logger = watchingLogger((message, fields) => {
        if (message !== 'collect unit committed') return;
        units += 1;
        unitJobs += Number(fields['jobs']);
        // Asked to stop while the pass is well under way (two units committed, more to come).
        if (units === 2) controller.abort(reason);
      });
      const stopped = await collectSource({
        warehouse,
        source: redisSource(config),
        limits: SMALL_LIMITS,
        logger,
        now: Date.now,
        signal: controller.signal,
      });
      expect(stopped.error).toBe(reason);
      expect(stopped.summary.status).toBe('failed');
      expect(stopped.summary.error).toMatch(/^interrupted: SIGTERM received/);
      // Commits overlap the reading of the next unit, so the unit already handed over when the signal came commits
      // too; nothing after it starts.
      expect(units).toBeGreaterThanOrEqual(2);
      expect(units).toBeLessThanOrEqual(3);

      const partial = await contents(warehouse);
      expect(partial.jobs.length).toBe(stopped.summary.jobsNew);
      expect(partial.jobs.length).toBeLessThanOrEqual(unitJobs);
      expect(partial.jobs.length).toBeGreaterThan(0);
      expect(partial.jobs.length).toBeLessThan(reference.jobs.length);
      const cursor = await warehouse.one<{ value: string }>(
        "SELECT value FROM checkpoints WHERE source = 'fleet' AND name = 'full_scan_cursor'",
      );
      expect(cursor?.value).toBeDefined();
      expect(cursor?.value).not.toBe('done');
      const snapshots = await warehouse.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM machine_snapshots');
      expect(snapshots?.n).toBe(0);

      const resumed = await collectOnce(warehouse, config);
      expect(resumed.error).toBeUndefined();
      // Resumed from the cursor: it read fewer jobs than a whole pass.
      expect(resumed.summary.jobsNew).toBe(reference.jobs.length - partial.jobs.length);
      expect(await contents(warehouse)).toEqual(reference);
    } finally {
      await warehouse.close();
    }
  }, 300_000);

  it('`almanac collect`: the first SIGTERM stops the pass between units and exits 0; the next run completes', async () => {
    const config = path.join(temp.dir, 'cli.json');
    writeFileSync(
      config,
      JSON.stringify({
        collect: { scanCount: 100, batchSize: 20 },
        sources: [{ name: 'fleet', layout: 'emp', redisUrl: redis.url, prefix: 'f:' }],
      }),
    );
    const db = path.join(temp.dir, 'cli.duckdb');
    const collect = (stop: boolean) =>
      runAlmanac(['--config', config, '--db', db, '--debug', 'collect', '--json'], {
        cwd: temp.dir,
        timeoutMs: 240_000,
        // Once a unit of the full scan (it carries the cursor) is in: the pass is well under way.
        stopWhen: (stderr) => stop && /"msg":"collect unit committed"[^\n]*full_scan_cursor/.test(stderr),
      });

    const stopped = await collect(true);
    expect(stopped.code, stopped.stderr.slice(-2000)).toBe(0);
    const summary = JSON.parse(stopped.stdout) as { ok: boolean; interrupted: string; sources: { jobsNew: number }[] };
    expect(summary).toMatchObject({ ok: true, interrupted: 'SIGTERM' });
    const reference = await collectReference();
    expect(summary.sources[0]!.jobsNew).toBeGreaterThan(0);
    expect(summary.sources[0]!.jobsNew).toBeLessThan(reference.jobs.length);

    const rest = await collect(false);
    expect(rest.code, rest.stderr.slice(-2000)).toBe(0);
    const after = JSON.parse(rest.stdout) as typeof summary;
    expect(after.interrupted).toBeUndefined();
    expect(summary.sources[0]!.jobsNew + after.sources[0]!.jobsNew).toBe(reference.jobs.length);
  }, 300_000);

  async function collectReference() {
    const other = tempWarehouse('stop-ref');
    const warehouse = await other.open();
    try {
      const result = await collectOnce(warehouse, config);
      expect(result.error).toBeUndefined();
      return await contents(warehouse);
    } finally {
      await warehouse.close();
      other.remove();
    }
  }
});
