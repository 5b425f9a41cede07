// Integration: the real `almanac schedule` in a child process, with second-level cron expressions, collecting a
// simulator-filled Redis (a private redis-server: see privateRedis.ts) into a real warehouse file.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisEmpSink } from '../../../src/simulate/RedisEmpSink.ts';
import { simulateToRedis } from '../../../src/simulate/simulateToRedis.ts';
import { statusFilePath } from '../../../src/schedule/statusFile.ts';
import { Warehouse } from '../../../src/warehouse/Warehouse.ts';
import { almanacBin, runAlmanac } from '../../helpers/runAlmanac.ts';
import { tempDir } from '../../helpers/tempDir.ts';
import { readStatus, startChild, waitFor } from './childDaemon.ts';
import { startPrivateRedis, type PrivateRedis } from './privateRedis.ts';

const dir = tempDir('schedule-daemon');
const warehouseFile = path.join(dir, 'data', 'almanac.duckdb');
const statusFile = statusFilePath(warehouseFile);
let redis: PrivateRedis;
const prefix = 'fleet:';

beforeAll(async () => {
  redis = await startPrivateRedis();
  await simulateToRedis(
    { seed: 7, end: Date.now(), days: 1, machines: 5, jobsPerDay: 1500 },
    new RedisEmpSink(redis.client),
    prefix,
  );
  writeFileSync(
    path.join(dir, 'almanac.config.json'),
    JSON.stringify({
      timezone: 'Europe/Paris',
      sources: [{ name: 'fleet', layout: 'emp', redisUrl: redis.url, prefix }],
      // Test-shortened periods: collect every 2 s; a "period" closes, and publish fires, every 5 s.
      schedule: { collect: '*/2 * * * * *', publish: '*/5 * * * * *' },
    }),
  );
});

afterAll(async () => {
  await redis?.stop();
});

interface RunRow {
  job: string;
  trigger: string;
  status: string;
  error_code: string | null;
  summary: string | null;
}

async function runLog(): Promise<RunRow[]> {
  const warehouse = await Warehouse.open(warehouseFile, { readOnly: true });
  try {
    return await warehouse.all('SELECT job, trigger, status, error_code, summary FROM run_log ORDER BY started_at');
  } finally {
    await warehouse.close();
  }
}

describe('almanac schedule (real Redis, real warehouse)', () => {
  it(
    'collects on start and on its ticks, publishes when the period closes, refuses other writers, stops on SIGTERM',
    { timeout: 300_000 },
    async () => {
      const daemon = startChild(almanacBin, ['schedule'], dir);
      try {
        // Ticks happen: several collections and at least one publish, each recorded in the status file.
        await waitFor(
          'three collections and a publish',
          () => {
            const status = readStatus(statusFile);
            const collect = status?.jobs.find((j) => j.job === 'collect');
            const publish = status?.jobs.find((j) => j.job === 'publish');
            const published = publish?.lastRun?.trigger === 'schedule' && publish.lastRun.status !== 'skipped';
            return collect?.lastRun?.trigger === 'schedule' && published && status;
          },
          240_000,
        );

        // While it runs: status reads the daemon's file, a second daemon and any writer are refused by name.
        const status = await runAlmanac(['status'], { cwd: dir });
        expect(status.code).toBe(0);
        expect(status.stdout).toMatch(/Scheduler: (running|stopping) \(PID \d+/);
        expect(status.stdout).toContain('*/2 * * * * *');
        const second = await runAlmanac(['schedule'], { cwd: dir });
        expect(second.code).toBe(1);
        expect(second.stderr).toContain('error[WarehouseLocked]');
        expect(second.stderr).toContain('`almanac schedule` (PID');
        const writer = await runAlmanac(['collect'], { cwd: dir });
        expect(writer.code).toBe(1);
        expect(writer.stderr).toContain('in use by `almanac schedule`');
      } finally {
        daemon.process.kill('SIGTERM');
      }
      expect(await daemon.exited, daemon.output().slice(-3000)).toBe(0);
      expect(daemon.output()).toContain('scheduler stopped');

      const runs = await runLog();
      const collects = runs.filter((r) => r.job === 'collect');
      expect(collects[0]).toMatchObject({ trigger: 'catch-up', status: 'ok' });
      expect(collects.filter((r) => r.trigger === 'schedule' && r.status === 'ok').length).toBeGreaterThanOrEqual(2);
      // The period closed: a scheduled publish ran analyze, build and pdf over the collected data.
      const publishes = runs.filter((r) => r.job === 'publish' && r.trigger === 'schedule' && r.status !== 'skipped');
      expect(publishes.length).toBeGreaterThanOrEqual(1);
      const publish = publishes[0]!;
      // Some PDFs may fail their print gate (a partial failure, reported as such); every step still ran.
      if (publish.status !== 'ok') expect([publish.status, publish.error_code]).toEqual(['failed', 'PdfExportFailed']);
      const summary = JSON.parse(publish.summary!) as {
        analyze: { written: string[] };
        build: { reports: number };
        link: { reports: number };
      };
      expect(summary.analyze.written.some((w) => w.startsWith('daily/'))).toBe(true);
      expect(summary.build.reports).toBeGreaterThan(0);
      expect(existsSync(path.join(dir, 'dist', 'index.html'))).toBe(true);
      expect(runs.filter((r) => r.status === 'running')).toEqual([]);

      const warehouse = await Warehouse.open(warehouseFile, { readOnly: true });
      try {
        const [jobs] = await warehouse.all<{ n: number }>("SELECT count(*) AS n FROM jobs WHERE source = 'fleet'");
        expect(jobs!.n).toBeGreaterThan(1000);
        // The SIGTERM above can land while a tick's pass runs: that pass stops between units and is recorded as
        // interrupted, as documented (docs/operations.md, "Stopping"). Nothing else may have failed.
        const notOk = await warehouse.all<{ error: string | null }>(
          "SELECT * FROM collection_runs WHERE status <> 'ok'",
        );
        expect(notOk.filter((r) => !/^interrupted: SIGTERM received/.test(r.error ?? ''))).toEqual([]);
        expect(notOk.length).toBeLessThanOrEqual(1);
      } finally {
        await warehouse.close();
      }

      const after = await runAlmanac(['status', '--json'], { cwd: dir });
      expect(after.code).toBe(0);
      const report = JSON.parse(after.stdout) as { daemon: unknown; collection: { lagSeconds: number } };
      expect(report.daemon).toBeNull();
      expect(report.collection.lagSeconds).toBeLessThan(60);
    },
  );
});
