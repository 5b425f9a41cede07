// Integration: SIGTERM (once, then twice) while the real `almanac schedule` is in the middle of a long collection
// (a full SCAN in many small units) from a private redis-server. Once: the unit in hand commits, the pass stops
// there (well before it would have finished) and the daemon exits 0 with the run logged as interrupted; the next
// start carries on from the cursor. Twice: it exits at once; the warehouse opens cleanly, the next start marks the
// cut-off run interrupted and carries on. Either way the rows end up exactly those of an uninterrupted collect.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusFilePath } from '../../../src/schedule/statusFile.ts';
import { RedisEmpSink } from '../../../src/simulate/RedisEmpSink.ts';
import { simulateToRedis } from '../../../src/simulate/simulateToRedis.ts';
import { Warehouse } from '../../../src/warehouse/Warehouse.ts';
import { almanacBin, runAlmanac } from '../../helpers/runAlmanac.ts';
import { tempDir } from '../../helpers/tempDir.ts';
import { readStatus, startChild, waitFor, type Child } from './childDaemon.ts';
import { startPrivateRedis, type PrivateRedis } from './privateRedis.ts';

const dir = tempDir('schedule-signals');
let redis: PrivateRedis;

beforeAll(async () => {
  redis = await startPrivateRedis();
  await simulateToRedis(
    { seed: 3, end: Date.now(), days: 2, machines: 8, jobsPerDay: 4000 },
    new RedisEmpSink(redis.client),
    'f:',
  );
});

afterAll(async () => {
  await redis?.stop();
});

function configure(name: string): { warehouse: string } {
  const config = {
    timezone: 'UTC',
    sources: [{ name: 'fleet', layout: 'emp', redisUrl: redis.url, prefix: 'f:' }],
    // Small units: the pass commits every few hundred jobs, so a stop lands between units mid-pass.
    collect: { scanCount: 100, batchSize: 20 },
    schedule: { collect: '0 0 1 1 *', publish: '0 6 1 1 *' },
  };
  writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(config));
  return { warehouse: path.join(dir, 'data', `${name}.duckdb`) };
}

async function query<T>(file: string, sql: string): Promise<T[]> {
  const warehouse = await Warehouse.open(file, { readOnly: true });
  try {
    return await warehouse.all<T>(sql);
  } finally {
    await warehouse.close();
  }
}

const jobRows = (file: string) =>
  query(
    file,
    `SELECT queue, job_id, name, status, machine_id, worker_id, attempts, created_at, started_at, finished_at, run_ms,
            wait_ms, error_type FROM jobs ORDER BY queue, job_id`,
  );

const tableCounts = (file: string) =>
  query<{ jobs: number; downloads: number; machines: number }>(
    file,
    `SELECT (SELECT count(*) FROM jobs) AS jobs, (SELECT count(*) FROM model_downloads) AS downloads,
            (SELECT count(DISTINCT machine_id) FROM machine_snapshots) AS machines`,
  );

function daemon(name: string): Child {
  // --debug: the collector logs each committed unit, which tells the test that the pass is under way.
  return startChild(
    almanacBin,
    ['schedule', '--debug', '--config', `${name}.json`, '--db', `data/${name}.duckdb`],
    dir,
  );
}

/** Waits until a unit of the full SCAN (it carries the scan cursor) has been committed. */
async function whenUnitCommitted(child: Child): Promise<void> {
  await waitFor(
    'a unit of the full scan to be committed',
    () => /"msg":"collect unit committed"[^\n]*full_scan_cursor/.test(child.output()),
    120_000,
  );
}

async function whenCollecting(warehouse: string): Promise<void> {
  await waitFor('the start-up collection to be running', () => {
    return readStatus(statusFilePath(warehouse))?.daemon?.running?.job === 'collect';
  });
}

describe('shutdown signals during a collection', () => {
  it('reference: one uninterrupted `almanac collect`', async () => {
    const { warehouse } = configure('reference');
    const result = await runAlmanac(['collect', '--config', 'reference.json', '--db', 'data/reference.duckdb'], {
      cwd: dir,
    });
    expect(result.code, result.stderr).toBe(0);
    const [counts] = await tableCounts(warehouse);
    expect(counts!.jobs).toBeGreaterThan(5000);
  });

  it('SIGTERM: the pass stops after the unit in hand, exit 0, nothing partial; the next start carries on', async () => {
    const { warehouse } = configure('once');
    const reference = path.join(dir, 'data', 'reference.duckdb');
    const child = daemon('once');
    await whenCollecting(warehouse);
    await whenUnitCommitted(child);
    child.process.kill('SIGTERM');
    expect(await child.exited, child.output()).toBe(0);
    expect(child.output()).toContain('SIGTERM received: stopping after the running step finishes');
    expect(await query(warehouse, 'SELECT job, status, error_code FROM run_log')).toEqual([
      { job: 'collect', status: 'interrupted', error_code: 'RunInterrupted' },
    ]);
    // The pass was recorded as stopped, and it stopped early: fewer jobs than a whole pass, the scan cursor of the
    // last committed unit, and no snapshot (a pass commits its snapshot last).
    const runs = await query<{ status: string; error: string }>(warehouse, 'SELECT status, error FROM collection_runs');
    expect(runs).toEqual([{ status: 'failed', error: expect.stringMatching(/^interrupted: /) as unknown }]);
    const [stopped] = await tableCounts(warehouse);
    const [whole] = await tableCounts(reference);
    expect(stopped!.jobs).toBeGreaterThan(0);
    expect(stopped!.jobs).toBeLessThan(whole!.jobs);
    expect(stopped!.machines).toBe(0);
    const cursor = await query<{ value: string }>(
      warehouse,
      "SELECT value FROM checkpoints WHERE name = 'full_scan_cursor'",
    );
    expect(cursor).toHaveLength(1);
    expect(cursor[0]!.value).not.toBe('done');

    const next = daemon('once');
    await waitFor(
      'the next start to collect',
      () => {
        const job = readStatus(statusFilePath(warehouse))?.jobs.find((j) => j.job === 'collect');
        return job?.lastOkAt !== null && job?.lastOkAt !== undefined;
      },
      120_000,
    );
    next.process.kill('SIGTERM');
    expect(await next.exited, next.output()).toBe(0);
    expect(await tableCounts(warehouse)).toEqual(await tableCounts(reference));
    expect(await jobRows(warehouse)).toEqual(await jobRows(reference));
  });

  it('SIGTERM twice: exits at once; the next start marks the run interrupted and carries on', async () => {
    const { warehouse } = configure('twice');
    const child = daemon('twice');
    await whenCollecting(warehouse);
    await whenUnitCommitted(child);
    child.process.kill('SIGTERM');
    // At once: the first stop takes the in-flight unit's commit, the run record and closing the warehouse.
    await waitFor('the first signal to be seen', () => child.output().includes('SIGTERM received'));
    child.process.kill('SIGTERM');
    expect(await child.exited, child.output()).toBe(143);
    expect(child.output()).toContain('SIGTERM received again: exiting now');

    // The warehouse opens cleanly and holds no half-written collection: DuckDB dropped the open transaction.
    const left = await query<{ status: string }>(warehouse, "SELECT status FROM run_log WHERE job = 'collect'");
    expect(left).toEqual([{ status: 'running' }]);

    const next = daemon('twice');
    await waitFor('the next start to collect', () => {
      const job = readStatus(statusFilePath(warehouse))?.jobs.find((j) => j.job === 'collect');
      return job?.lastOkAt !== null && job?.lastOkAt !== undefined;
    });
    next.process.kill('SIGTERM');
    expect(await next.exited, next.output()).toBe(0);
    expect(next.output()).toContain('a run of the previous scheduler was interrupted');
    const runs = await query<{ status: string; error_code: string | null }>(
      warehouse,
      "SELECT status, error_code FROM run_log WHERE job = 'collect' ORDER BY started_at",
    );
    expect(runs).toEqual([
      { status: 'interrupted', error_code: 'RunInterrupted' },
      { status: 'ok', error_code: null },
    ]);
    expect(await tableCounts(warehouse)).toEqual(await tableCounts(path.join(dir, 'data', 'reference.duckdb')));
    expect(await jobRows(warehouse)).toEqual(await jobRows(path.join(dir, 'data', 'reference.duckdb')));
  });
});
