import { beforeAll, describe, expect, it } from 'vitest';
import type { JobRecord } from '../../../src/sources/emp/JobRecord.ts';
import { FleetEngine } from '../../../src/simulate/FleetEngine.ts';
import { jobRecordAt } from '../../../src/simulate/jobRecordAt.ts';
import { seedOf } from '../../../src/simulate/Prng.ts';

const DAY = 86_400_000;
const end = Date.UTC(2026, 10, 23);
const records: JobRecord[] = [];
let engine: FleetEngine;
let downloads = 0;
let failedDownloads = 0;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

function successRate(rs: JobRecord[]): number {
  const done = rs.filter((r) => r.status === 'completed' || r.status === 'failed');
  return done.filter((r) => r.status === 'completed').length / done.length;
}

beforeAll(() => {
  engine = new FleetEngine({ seed: seedOf('distributions'), end, days: 42, machines: 50, jobsPerDay: 3000 });
  for (const batch of engine.days()) {
    for (const job of batch.jobs) {
      const r = jobRecordAt(job, end, engine.fleet, 'sim', job.id);
      if (!r.ok) throw new Error(`simulated job rejected: ${r.reject.reason}`);
      records.push(r.value);
    }
    downloads += batch.downloads.length;
    failedDownloads += batch.downloads.filter((d) => !d.ok).length;
  }
}, 180_000);

describe('simulated fleet distributions', () => {
  it('has the volume asked for', () => {
    const perDay = records.length / 42;
    expect(perDay).toBeGreaterThan(3000 * 0.85);
    expect(perDay).toBeLessThan(3000 * 1.15);
  });

  it('has a realistic pool mix: most under 30 s, a good share 30 s to 3 min, a tail beyond', () => {
    const runs = records.filter((r) => r.status === 'completed').map((r) => r.runMs ?? 0);
    const fast = runs.filter((x) => x < 30_000).length / runs.length;
    const standard = runs.filter((x) => x >= 30_000 && x < 180_000).length / runs.length;
    const heavy = runs.filter((x) => x >= 180_000).length / runs.length;
    expect(fast).toBeGreaterThan(0.6);
    expect(fast).toBeLessThan(0.85);
    expect(standard).toBeGreaterThan(0.12);
    expect(standard).toBeLessThan(0.35);
    expect(heavy).toBeGreaterThan(0.015);
    expect(heavy).toBeLessThan(0.1);
  });

  it('succeeds in the high 90s overall, with incident days visibly worse', () => {
    const overall = successRate(records);
    expect(overall).toBeGreaterThan(0.95);
    expect(overall).toBeLessThan(0.995);
    const incidentDays = new Set(engine.incidents.map((i) => Math.floor(i.start / DAY)));
    expect(incidentDays.size).toBeGreaterThan(0);
    const byDay = new Map<number, JobRecord[]>();
    for (const r of records) {
      const d = Math.floor((r.createdAt ?? 0) / DAY);
      byDay.set(d, [...(byDay.get(d) ?? []), r]);
    }
    for (const d of incidentDays) expect(successRate(byDay.get(d) ?? [])).toBeLessThan(overall - 0.03);
    const normal = [...byDay].filter(([d]) => !incidentDays.has(d)).map(([, rs]) => successRate(rs));
    expect(Math.min(...normal)).toBeGreaterThan(overall - 0.03);
  });

  it('draws failures from the emp taxonomy, with retries and cancellations', () => {
    const types = new Set(records.filter((r) => r.status === 'failed').map((r) => r.errorType));
    for (const t of types) {
      expect([
        'generation_refusal',
        'service_error',
        'timeout',
        'validation_error',
        'resource_limit',
        'auth_error',
        'rate_limit',
        'network_error',
        'response_error',
        'system_error',
      ]).toContain(t);
    }
    expect(types.size).toBeGreaterThanOrEqual(5);
    expect(records.some((r) => r.status === 'completed' && r.attempts > 1)).toBe(true);
    expect(records.some((r) => r.status === 'failed' && r.attempts === 3)).toBe(true);
    expect(records.filter((r) => r.status === 'cancelled').length).toBeGreaterThan(0);
  });

  it('is quieter at weekends', () => {
    const weekday: number[] = [];
    const weekend: number[] = [];
    const counts = new Map<number, number>();
    for (const r of records) {
      const d = Math.floor((r.createdAt ?? 0) / DAY);
      counts.set(d, (counts.get(d) ?? 0) + 1);
    }
    for (const [d, n] of counts) {
      const dow = new Date(d * DAY).getUTCDay();
      (dow === 0 || dow === 6 ? weekend : weekday).push(n);
    }
    const ratio =
      weekday.reduce((a, b) => a + b, 0) / weekday.length / (weekend.reduce((a, b) => a + b, 0) / weekend.length);
    expect(ratio).toBeGreaterThan(1.5);
    expect(ratio).toBeLessThan(2.6);
  });

  it('has slow machines whose run times sit clearly above the fleet median for the same job type', () => {
    const txt2img = records.filter((r) => r.status === 'completed' && r.name === 'comfyui:txt2img');
    const fleetMedian = median(txt2img.map((r) => r.runMs ?? 0));
    const slow = engine.fleet.machines.filter((m) => m.contention > 1.5);
    expect(slow.length).toBeGreaterThanOrEqual(2);
    let checked = 0;
    for (const m of slow) {
      const runs = txt2img.filter((r) => r.machineId === m.id).map((r) => r.runMs ?? 0);
      if (runs.length < 30) continue;
      checked++;
      expect(median(runs)).toBeGreaterThan(1.5 * fleetMedian);
    }
    expect(checked).toBeGreaterThanOrEqual(1);
  });

  it('queue waits grow when the fleet is saturated', () => {
    const video = records.filter((r) => r.name === 'comfyui:video' && r.waitMs !== null).map((r) => r.waitMs ?? 0);
    const small = records.filter((r) => r.name === 'comfyui:txt2img' && r.waitMs !== null).map((r) => r.waitMs ?? 0);
    const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.99)] ?? 0;
    expect(median(small)).toBeLessThan(2000);
    expect(p99(video)).toBeGreaterThan(30_000);
    // ...but no pool starves: every service has a permanent home, and retries do not wait for a busy pool.
    const all = records.filter((r) => r.waitMs !== null).map((r) => r.waitMs ?? 0);
    expect(p99(all)).toBeLessThan(10 * 60_000);
  });

  it('uses models with a skewed popularity and downloads some, a few failing', () => {
    const uses = new Map<string, number>();
    for (const r of records) for (const m of r.models) uses.set(m, (uses.get(m) ?? 0) + 1);
    const counts = [...uses.values()].sort((a, b) => b - a);
    const total = counts.reduce((a, b) => a + b, 0);
    const top = counts.slice(0, Math.ceil(counts.length / 10)).reduce((a, b) => a + b, 0);
    expect(uses.size).toBeGreaterThan(40);
    expect(top / total).toBeGreaterThan(0.35);
    expect(downloads).toBeGreaterThan(100);
    expect(failedDownloads / downloads).toBeGreaterThan(0.005);
    expect(failedDownloads / downloads).toBeLessThan(0.1);
  });

  it('has machines that join and leave', () => {
    const partial = engine.fleet.machines.filter(
      (m) => m.sessions.length > 1 || (m.sessions[0]?.[0] ?? 0) > end - 42 * DAY,
    );
    expect(partial.length).toBeGreaterThan(10);
  });
});
