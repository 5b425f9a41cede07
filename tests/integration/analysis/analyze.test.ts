import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyze, type AnalyzeOptions } from '../../../src/analysis/analyze.ts';
import { BundleStore } from '../../../src/analysis/store/BundleStore.ts';
import { silentLogger } from '../../../src/log/silentLogger.ts';
import { parseBundle } from '../../../src/report/parseBundle.ts';
import type { Warehouse } from '../../../src/warehouse/Warehouse.ts';
import { writeSmallFleet } from './smallFleet.ts';
import { jobRow, openTestWarehouse } from './testWarehouse.ts';

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

describe('restatements (backfill)', () => {
  it('republishes a closed period only on request, with a revision and what changed', async () => {
    await writeSmallFleet(db.warehouse, { from: '2026-11-01T00:00:00Z', days: 5, perDay: 48 });
    const utc = (now: string, extra: Partial<AnalyzeOptions> = {}) => options(now, { timeZone: 'UTC', ...extra });
    await analyze(utc('2026-11-06T06:00:00Z', { through: '2026-11-04' }));
    const file = path.join(db.dir, 'reports', 'daily', '2026-11-03.json');
    const before = parseBundle(readFileSync(file, 'utf8'));
    expect(before).toMatchObject({ revision: 1, restates: null });

    // Late data for 3 November arrives; a plain analyze leaves the published day alone.
    await db.warehouse.append('jobs', [
      jobRow({ job_id: 'late-1', created: '2026-11-03T12:00:00Z' }),
      jobRow({ job_id: 'late-2', created: '2026-11-03T13:00:00Z', status: 'failed', error_type: 'timeout' }),
    ]);
    await analyze(utc('2026-11-06T07:00:00Z', { through: '2026-11-04' }));
    expect(parseBundle(readFileSync(file, 'utf8'))).toEqual(before);

    const restated = await analyze(
      utc('2026-11-06T08:00:00Z', {
        through: '2026-11-04',
        restate: { from: '2026-11-03', to: '2026-11-03', reason: 'late data' },
      }),
    );
    // Only the day: its week and month are still open at --through, and 2 November is untouched.
    expect(restated.written.map((w) => `${w.kind}/${w.id}@${w.revision}`)).toEqual(['daily/2026-11-03@2']);
    const after = parseBundle(readFileSync(file, 'utf8'));
    expect(after.revision).toBe(2);
    expect(after.restates).toMatchObject({ revision: 1, generated_at: before.generated_at, reason: 'late data' });
    expect(after.restates!.changes).toContainEqual({ kpi: 'jobs_submitted', before: 48, after: 50 });
    expect(after.summary[0]).toMatch(/^This report restates revision 1 \(late data\): jobs submitted, /);
    const ledger = await db.warehouse.all<{ revision: number }>(
      "SELECT revision FROM report_publications WHERE kind = 'daily' AND id = '2026-11-03'",
    );
    expect(ledger).toEqual([{ revision: 2 }]);

    // Nothing changed since: a second backfill leaves revision 2 in place.
    const again = await analyze(
      utc('2026-11-06T09:00:00Z', {
        through: '2026-11-04',
        restate: { from: '2026-11-03', to: '2026-11-03', reason: 'again' },
      }),
    );
    expect(again.written).toEqual([]);
    expect(again.unchanged).toEqual([{ kind: 'daily', id: '2026-11-03' }]);
  });
});

describe('incremental analysis', () => {
  it('gives the same closed bundles night by night as in one run from scratch', async () => {
    await writeSmallFleet(db.warehouse, { from: '2026-11-01T00:00:00Z', days: 16, perDay: 96, incidentDay: 12 });
    const scratch = new BundleStore(path.join(db.dir, 'scratch'));
    const nightly = new BundleStore(path.join(db.dir, 'nightly'));
    await analyze(options('2026-11-17T06:00:00Z', { timeZone: 'UTC', store: scratch, through: '2026-11-15' }));
    // The ledger is shared, so clear it between the two ways of publishing.
    await db.warehouse.run('DELETE FROM report_publications');
    let reused = 0;
    for (let day = 1; day <= 15; day++) {
      const through = `2026-11-${String(day).padStart(2, '0')}`;
      reused = (await analyze(options('2026-11-17T06:00:00Z', { timeZone: 'UTC', store: nightly, through }))).reused;
    }
    // The last night read the 14 days before it (and the weeks) from their bundles.
    expect(reused).toBeGreaterThanOrEqual(14);
    const strip = (b: ReturnType<typeof parseBundle>) => ({ ...b, generated_at: null });
    for (const [kind, ids] of [
      ['daily', ['2026-11-09', '2026-11-13', '2026-11-15']],
      ['weekly', ['2026-W45', '2026-W46']],
    ] as const) {
      for (const id of ids) {
        const a = strip(scratch.read(kind, id)!);
        const b = strip(nightly.read(kind, id)!);
        expect(b, `${kind}/${id}`).toEqual(a);
      }
    }
  });
});

describe('stopping (shutdown signal)', () => {
  it('stops between bundles, keeping whole recorded ones; the next run writes exactly the rest', async () => {
    await writeSmallFleet(db.warehouse, { from: '2026-10-04T22:00:00Z', days: 12, perDay: 100 });
    const controller = new AbortController();
    const reason = new Error('SIGTERM received');
    let started = 0;
    // The progress hook sees each bundle as it starts: ask to stop while the third is being written.
    const progress = () => ({
      advance() {
        if (++started === 3) controller.abort(reason);
      },
      update() {},
      setTotal() {},
      finish() {},
    });
    const now = '2026-10-17T10:00:00Z';
    await expect(analyze(options(now, { signal: controller.signal, progress }))).rejects.toBe(reason);
    const reports = path.join(db.dir, 'reports');
    const onDisk = () =>
      readdirSync(reports, { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.json'))
        .sort();
    const written = onDisk();
    expect(written).toHaveLength(3);
    for (const f of written) expect(() => parseBundle(readFileSync(path.join(reports, f), 'utf8'))).not.toThrow();
    const recorded = await db.warehouse.all('SELECT kind, id FROM report_publications');
    expect(recorded).toHaveLength(3);

    const rest = await analyze(options(now));
    expect(rest.written.length).toBeGreaterThan(3);
    const all = onDisk();
    expect(all).toEqual(expect.arrayContaining(written));
    expect(new Set([...written, ...rest.written.map((w) => `${w.kind}/${w.id}.json`)])).toEqual(new Set(all));
  });
});
