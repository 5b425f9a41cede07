import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/analyze.ts';
import { BundleStore } from '../../../src/analysis/store/BundleStore.ts';
import { silentLogger } from '../../../src/log/silentLogger.ts';
import { FleetEngine } from '../../../src/simulate/FleetEngine.ts';
import { simulateToWarehouse } from '../../../src/simulate/simulateToWarehouse.ts';
import type { SimOptions } from '../../../src/simulate/SimOptions.ts';
import type { Warehouse } from '../../../src/warehouse/Warehouse.ts';
import { openTestWarehouse } from './testWarehouse.ts';

// The simulator's scripted situations (incidents, slow and flaky machines) must come out of the analysis.
const sim: SimOptions = { seed: 11, end: Date.UTC(2026, 10, 2), days: 63, machines: 24, jobsPerDay: 1500 };
let db: { warehouse: Warehouse; dir: string; dispose(): Promise<void> };
let store: BundleStore;
const engine = new FleetEngine(sim);

beforeAll(async () => {
  db = await openTestWarehouse();
  await simulateToWarehouse(sim, db.warehouse, 'simulated', 15 * 60_000);
  store = new BundleStore(path.join(db.dir, 'reports'));
  await analyze({
    db: db.warehouse,
    store,
    logger: silentLogger,
    now: sim.end + 6 * 3_600_000,
    timeZone: 'UTC',
    through: new Date(sim.end - 1).toISOString().slice(0, 10),
    targets: { successRate: 0.99, machineVariation: 0.2, waitToRunRatio: 0.25 },
    pools: { fastMaxMs: 30_000, standardMaxMs: 180_000 },
    version: 'test',
  });
}, 600_000);
afterAll(async () => {
  await db.dispose();
});

describe('analysis of a simulated fleet', () => {
  it('flags the incident days as anomalies', () => {
    const judged = engine.incidents.filter((i) => i.start - engine.from >= 35 * 86_400_000);
    expect(judged.length).toBeGreaterThan(0);
    for (const incident of judged) {
      const day = new Date(incident.start).toISOString().slice(0, 10);
      const bundle = store.read('daily', day)!;
      const adverse = bundle.anomalies.items.filter((a) => a.adverse && a.scope === 'day');
      expect(
        adverse.map((a) => a.kpi),
        day,
      ).toEqual(expect.arrayContaining(['jobs_failed']));
      expect(bundle.verdict.status).not.toBe('healthy');
    }
  });

  it('compares only with periods the data fully covers', () => {
    // Collection began on 31 August: August is no reference for September.
    expect(store.read('monthly', '2026-09')!.kpis.jobs_submitted.previous).toBeNull();
    expect(store.read('monthly', '2026-10')!.kpis.jobs_submitted.previous).not.toBeNull();
  });

  it('names the slow machines as outliers and raises a recommendation for each', () => {
    const slow = engine.fleet.machines.filter((m) => m.contention >= 1.5).map((m) => m.id);
    expect(slow.length).toBeGreaterThan(0);
    const month = store.read('monthly', '2026-10')!;
    expect(month.machines.outliers).toEqual(expect.arrayContaining(slow));
    const ids = month.recommendations.map((r) => r.id);
    for (const id of slow) expect(ids).toContain(`slow-machine:${id}`);
  });
});
