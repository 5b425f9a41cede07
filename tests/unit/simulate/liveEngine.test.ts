// What live mode builds on: the engine cut into short chunks (the same steps as day by day), steady arrivals that
// plan only the live window, and the wall clock that runs a fleet faster than real time.
import { describe, expect, it } from 'vitest';
import { FleetEngine } from '../../../src/simulate/FleetEngine.ts';
import { seedOf } from '../../../src/simulate/Prng.ts';
import type { SimJob } from '../../../src/simulate/SimJob.ts';
import { DAY_MS } from '../../../src/simulate/SimOptions.ts';
import { WallClock } from '../../../src/simulate/WallClock.ts';

const end = Date.UTC(2026, 10, 22, 6);
const options = { seed: seedOf('live-engine'), end, days: 1.5, machines: 20, jobsPerDay: 2000 };

function fingerprint(jobs: SimJob[]): string[] {
  return jobs.map((j) => `${j.id}@${j.createdAt}:${j.attempts.map((a) => `${a.worker}/${a.endAt}`).join(',')}`);
}

describe('live engine', () => {
  it('cut into chunks, the engine produces the same steps in the same order as day by day', () => {
    const byDay = [...new FleetEngine(options).days()].flatMap((b) => b.jobs);
    const chunks = [...new FleetEngine(options).chunks(3_600_000)];
    expect(byDay.length).toBeGreaterThan(2000);
    expect(chunks.length).toBeGreaterThan(30);
    expect(fingerprint(chunks.flatMap((b) => b.jobs))).toEqual(fingerprint(byDay));
    // Each chunk holds the steps submitted within it.
    for (const b of chunks) for (const j of b.jobs) expect(j.createdAt - b.dayStart).toBeLessThan(3_600_000);
  });

  it('steady arrivals plan only the range, at the rate asked, without the daily curve', () => {
    // 1,000 jobs/s for two minutes: a day's worth at that rate would be 86 million steps.
    const durationMs = 120_000;
    const started = performance.now();
    const engine = new FleetEngine({
      seed: 3,
      machines: 50,
      end,
      days: durationMs / DAY_MS,
      jobsPerDay: 1000 * 86_400,
      steady: true,
    });
    const jobs = [...engine.chunks(10_000)].flatMap((b) => b.jobs);
    expect(performance.now() - started).toBeLessThan(60_000);
    // Later workflow steps are only submitted once the step before them completes, and this fleet is saturated
    // at real speed, so many fall past the end; arrivals themselves (first steps) come at a steady rate.
    expect(jobs.length).toBeGreaterThan(0.7 * 120_000);
    expect(jobs.length).toBeLessThanOrEqual(1.02 * 120_000);
    const arrivals = jobs.filter((j) => j.step <= 1);
    const perQuarter = [0, 1, 2, 3].map(
      (q) => arrivals.filter((j) => Math.floor((j.createdAt - (end - durationMs)) / 30_000) === q).length,
    );
    for (const n of perQuarter) expect(Math.abs(n - perQuarter[0]!)).toBeLessThan(0.1 * perQuarter[0]!);
  });

  it('the wall clock compresses every duration by the speed and keeps the order of events', () => {
    const origin = end - 3_600_000;
    const engine = new FleetEngine({ ...options, end, days: 1 / 24, steady: true });
    const jobs = [...engine.days()].flatMap((b) => b.jobs);
    const clock = new WallClock(origin, 100);
    const finished = jobs.filter((j) => j.attempts.length > 0 && j.cancelAt < 0);
    const before = finished.map((j) => ({
      created: j.createdAt,
      run: j.attempts[0]!.endAt - j.attempts[0]!.startedAt,
    }));
    for (const j of jobs) clock.job(j);
    finished.forEach((j, i) => {
      const a = j.attempts[0]!;
      expect(j.createdAt).toBe(Math.floor(origin + (before[i]!.created - origin) / 100));
      expect(Math.abs(a.endAt - a.startedAt - before[i]!.run / 100)).toBeLessThanOrEqual(1);
      expect(a.assignedUs / 1000).toBeGreaterThanOrEqual(j.createdAt);
      expect(a.startedAt).toBeGreaterThanOrEqual(Math.floor(a.assignedUs / 1000));
      expect(a.endAt).toBeGreaterThanOrEqual(a.startedAt);
    });
    // An hour of the engine's time fits in 36 s of wall time.
    for (const j of jobs) expect(j.createdAt).toBeLessThan(origin + 36_000);
    for (const j of jobs.filter((x) => x.cancelAt >= 0 && x.attempts.length > 0))
      expect(j.cancelAt).toBeGreaterThan(j.attempts[j.attempts.length - 1]!.assignedUs / 1000);
  });
});
