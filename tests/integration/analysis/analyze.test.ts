import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyze, type AnalyzeOptions } from '../../../src/analysis/analyze.ts';
import { BundleStore } from '../../../src/analysis/store/BundleStore.ts';
import { silentLogger } from '../../../src/log/silentLogger.ts';
import { parseBundle } from '../../../src/report/parseBundle.ts';
import type { Warehouse } from '../../../src/warehouse/Warehouse.ts';
import { writeSmallFleet } from './smallFleet.ts';
import { openTestWarehouse } from './testWarehouse.ts';

let db: { warehouse: Warehouse; dir: string; dispose(): Promise<void> };
beforeEach(async () => {
  db = await openTestWarehouse();
});
afterEach(async () => {
  await db.dispose();
});

function options(now: string, extra: Partial<AnalyzeOptions> = {}): AnalyzeOptions {
  return {
    db: db.warehouse,
    store: new BundleStore(path.join(db.dir, 'reports')),
    logger: silentLogger,
    now: Date.parse(now),
    timeZone: 'Europe/Amsterdam',
    targets: { successRate: 0.99, machineVariation: 0.2, waitToRunRatio: 0.25 },
    pools: { fastMaxMs: 30_000, standardMaxMs: 180_000 },
    version: '0.0.0-test',
    ...extra,
  };
}

describe('analyze', () => {
  it('writes valid bundles for every closed period and the open ones, and never rewrites closed ones', async () => {
    await writeSmallFleet(db.warehouse, { from: '2026-10-04T22:00:00Z', days: 30, perDay: 200, incidentDay: 26 });
    const first = await analyze(options('2026-11-03T10:20:00Z'));
    const ids = first.written.map((w) => `${w.kind}/${w.id}${w.closed ? '' : '*'}`);
    expect(ids).toContain('daily/2026-10-05');
    expect(ids).toContain('daily/2026-11-02');
    expect(ids).toContain('daily/2026-11-03*');
    expect(ids).toContain('weekly/2026-W44');
    expect(ids).toContain('weekly/2026-W45*');
    expect(ids).toContain('monthly/2026-10');
    expect(ids).toContain('monthly/2026-11*');
    for (const w of first.written) {
      const bundle = parseBundle(readFileSync(w.file, 'utf8'));
      expect(bundle.period.closed).toBe(w.closed);
      expect(bundle.summary.length).toBeGreaterThanOrEqual(3);
      expect(w.bytes).toBeLessThan(1_000_000);
    }
    const oct = parseBundle(readFileSync(first.written.find((w) => w.id === '2026-10')!.file, 'utf8'));
    expect(oct.machines.outliers).toContain('m-3');

    const closedFile = first.written.find((w) => w.id === '2026-11-01')!.file;
    const mtime = statSync(closedFile).mtimeMs;
    const before = readFileSync(closedFile, 'utf8');
    const second = await analyze(options('2026-11-03T11:20:00Z'));
    expect(second.written.every((w) => !w.closed)).toBe(true);
    expect(second.written.map((w) => w.id).sort()).toEqual(['2026-11', '2026-11-03', '2026-W45']);
    expect(readFileSync(closedFile, 'utf8')).toBe(before);
    expect(statSync(closedFile).mtimeMs).toBe(mtime);
    expect(readdirSync(path.dirname(closedFile)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
