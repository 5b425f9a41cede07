// Integration: catch-up with an injected clock, over a real warehouse and the real analysis engine. A scheduler
// that was "off" for three days publishes the three daily reports it missed when it starts again. Build, pdf and
// deliver only record their calls here (they have their own integration tests, and a browser would make this slow).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cronTable } from '../../../jobs/cronTable.ts';
import { realSteps } from '../../../jobs/realSteps.ts';
import { parseConfig } from '../../../src/config/parseConfig.ts';
import { silentLogger } from '../../../src/log/silentLogger.ts';
import { silentProgress } from '../../../src/progress/createProgress.ts';
import { Scheduler } from '../../../src/schedule/Scheduler.ts';
import type { Steps } from '../../../src/schedule/Steps.ts';
import { seedOf } from '../../../src/simulate/Prng.ts';
import { resolveEnd } from '../../../src/simulate/resolveEnd.ts';
import { simulateToWarehouse } from '../../../src/simulate/simulateToWarehouse.ts';
import { Warehouse } from '../../../src/warehouse/Warehouse.ts';
import { tempDir } from '../../helpers/tempDir.ts';

const dir = tempDir('catch-up');
const config = parseConfig(
  { timezone: 'Europe/Paris', schedule: { collect: '0 0 1 1 *', publish: '0 6 * * *' } },
  { baseDir: dir, env: {} },
);
const calls: string[] = [];
const steps: Steps = {
  ...realSteps,
  collect: async () => (calls.push('collect'), {}),
  build: async () => (calls.push('build'), {}),
  pdf: async () => (calls.push('pdf'), {}),
  deliver: async () => (calls.push('deliver'), {}),
};
let warehouse: Warehouse;

afterAll(async () => {
  await warehouse?.close();
});

async function startAt(iso: string): Promise<Scheduler> {
  const scheduler = new Scheduler({
    config,
    warehouse,
    logger: silentLogger,
    steps,
    table: cronTable(config),
    now: () => new Date(iso),
    progress: silentProgress,
    onStuck: () => {},
  });
  await scheduler.start();
  await scheduler.idle();
  await scheduler.stop();
  return scheduler;
}

const dailyBundles = () =>
  readdirSync(path.join(config.paths.reports, 'daily'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();

describe('catch-up on start (injected clock)', () => {
  it('publishes the three daily reports missed while the scheduler was off', { timeout: 180_000 }, async () => {
    warehouse = await Warehouse.open(config.paths.warehouse);
    // Collected history through Thursday 2026-11-19 (Paris), as if the collector had run all along.
    const end = resolveEnd('2026-11-19', new Date('2026-11-20T12:00:00Z'), config.timezone);
    await simulateToWarehouse(
      { seed: seedOf('catch-up'), end, days: 6, machines: 4, jobsPerDay: 300 },
      warehouse,
      'fleet',
      30 * 60_000,
    );

    // Monday 2026-11-16 07:30 Paris: the scheduler publishes (first start: never published) and then goes down.
    await startAt('2026-11-16T06:30:00Z');
    const before = dailyBundles();
    expect(before).toContain('2026-11-15');
    for (const day of ['2026-11-17', '2026-11-18', '2026-11-19']) expect(before).not.toContain(day);

    // Three days later (Friday 2026-11-20 07:30 Paris) it starts again: the 06:00 publish was missed.
    calls.length = 0;
    const scheduler = await startAt('2026-11-20T06:30:00Z');
    expect(calls).toEqual(['collect', 'build', 'pdf', 'build', 'deliver']);
    const added = dailyBundles().filter((id) => !before.includes(id));
    expect(added).toEqual(expect.arrayContaining(['2026-11-17', '2026-11-18', '2026-11-19']));

    const runs = await scheduler.runLog.list();
    const catchUps = runs.filter((r) => r.job === 'publish' && r.trigger === 'catch-up');
    expect(catchUps.map((r) => [r.status, r.scheduled_at?.toISOString()])).toEqual([
      ['ok', '2026-11-16T05:00:00.000Z'],
      ['ok', '2026-11-20T05:00:00.000Z'],
    ]);
    const summary = JSON.parse(catchUps[1]!.summary!) as { analyze: { written: string[] } };
    for (const day of ['2026-11-17', '2026-11-18', '2026-11-19']) {
      expect(summary.analyze.written).toContain(`daily/${day}`);
    }

    // Started once more the same morning: nothing is missed, so nothing is published again.
    calls.length = 0;
    await startAt('2026-11-20T07:00:00Z');
    expect(calls).toEqual(['collect']);
  });
});
