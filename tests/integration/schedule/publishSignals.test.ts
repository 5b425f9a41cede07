// Integration: SIGTERM while the real `almanac schedule` is publishing (analyze, build, pdf over a small simulated
// warehouse). Once: the running step stops at its next safe point (a written bundle, a rendered page before the
// site swap, a printed PDF), the rest of the publish is not started, exit 0, the run is logged as interrupted, and
// nothing is half-written; the next start publishes again (catch-up) and succeeds.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { statusFilePath } from '../../../src/schedule/statusFile.ts';
import { Warehouse } from '../../../src/warehouse/Warehouse.ts';
import { almanacBin, runAlmanac } from '../../helpers/runAlmanac.ts';
import { tempDir } from '../../helpers/tempDir.ts';
import { readStatus, startChild, waitFor } from './childDaemon.ts';

const dir = tempDir('schedule-publish');
const warehouseFile = path.join(dir, 'data', 'almanac.duckdb');

beforeAll(async () => {
  // No sources: collection is a no-op, and the publish at start (never published yet) works on simulated data.
  writeFileSync(
    path.join(dir, 'almanac.config.json'),
    JSON.stringify({ timezone: 'UTC', schedule: { collect: '0 0 1 1 *', publish: '0 6 * * *' } }),
  );
  const simulated = await runAlmanac(
    ['simulate', '--warehouse', '--days', '2', '--seed', '5', '--machines', '3', '--jobs-per-day', '200'],
    { cwd: dir },
  );
  expect(simulated.code, simulated.stderr).toBe(0);
});

async function publishRuns(): Promise<{ status: string; error_code: string | null }[]> {
  const warehouse = await Warehouse.open(warehouseFile, { readOnly: true });
  try {
    return await warehouse.all("SELECT status, error_code FROM run_log WHERE job = 'publish' ORDER BY started_at");
  } finally {
    await warehouse.close();
  }
}

/** Every file under `root`, relative; temp files, staging folders and partial writes would show up here. */
function listTree(root: string): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(path.relative(dir, full));
    }
  };
  walk(root);
  return out;
}

describe('SIGTERM during a publish', () => {
  it(
    'stops the running step at a safe point, logs the publish as interrupted, leaves nothing half-written; the next start publishes',
    { timeout: 400_000 },
    async () => {
      const daemon = startChild(almanacBin, ['schedule'], dir);
      await waitFor(
        'the start-up publish to be running',
        () => readStatus(statusFilePath(warehouseFile))?.daemon?.running?.job === 'publish',
        120_000,
      );
      daemon.process.kill('SIGTERM');
      expect(await daemon.exited, daemon.output()).toBe(0);
      expect(await publishRuns()).toEqual([{ status: 'interrupted', error_code: 'RunInterrupted' }]);

      // Bundles written so far are whole JSON documents; no temp or staging file is left anywhere.
      const files = [...listTree(path.join(dir, 'data')), ...listTree(dir).filter((f) => !f.startsWith('data/'))];
      expect(files.filter((f) => /\.tmp|staging|\.partial/.test(f))).toEqual([]);
      for (const bundle of files.filter((f) => f.startsWith('data/reports/') && f.endsWith('.json'))) {
        expect(() => JSON.parse(readFileSync(path.join(dir, bundle), 'utf8')) as unknown).not.toThrow();
      }

      // The next start sees that no publish succeeded since the last publish time and publishes again.
      const next = startChild(almanacBin, ['schedule'], dir);
      await waitFor(
        'the catch-up publish to finish',
        () => {
          // This daemon's own file (not the one the previous daemon left), once its publish has ended.
          const status = readStatus(statusFilePath(warehouseFile));
          const publish = status?.jobs.find((j) => j.job === 'publish');
          const mine = status?.daemon?.pid === next.process.pid;
          return mine && publish?.lastRun?.trigger === 'catch-up' && publish.lastRun.status !== 'interrupted';
        },
        300_000,
      );
      next.process.kill('SIGTERM');
      expect(await next.exited, next.output()).toBe(0);
      const runs = await publishRuns();
      expect(runs).toHaveLength(2);
      if (runs[1]!.status !== 'ok') expect(runs[1]).toEqual({ status: 'failed', error_code: 'PdfExportFailed' });
      expect(listTree(path.join(dir, 'dist'))).toContain('dist/index.html');
    },
  );
});
