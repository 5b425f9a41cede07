import { describe, expect, it } from 'vitest';
import { instantOfLocal } from '../../../src/analysis/calendar/zoneClock.ts';
import { resolveEnd } from '../../../src/simulate/resolveEnd.ts';
import { parseDuration } from '../../../src/simulate/parseDuration.ts';

const now = new Date(Date.UTC(2026, 10, 23, 1, 0));

describe('resolveEnd', () => {
  it('--end DATE ends the history at the next midnight in the report zone', () => {
    expect(resolveEnd('2026-11-21', now, 'UTC')).toBe(Date.UTC(2026, 10, 22));
    expect(resolveEnd('2026-11-21', now, 'America/New_York')).toBe(Date.UTC(2026, 10, 22, 5));
    expect(resolveEnd('2026-12-31', now, 'Asia/Tokyo')).toBe(Date.UTC(2026, 11, 31, 15));
  });

  it('handles DST days (the next midnight after a 25-hour day)', () => {
    // 2026-11-01 is 25 hours long in New York; the day after it starts at 05:00 UTC (EST).
    expect(resolveEnd('2026-11-01', now, 'America/New_York')).toBe(Date.UTC(2026, 10, 2, 5));
    // 2026-03-08 is 23 hours long; the next day starts at 04:00 UTC (EDT).
    expect(resolveEnd('2026-03-08', now, 'America/New_York')).toBe(Date.UTC(2026, 2, 9, 4));
  });

  it('ends where the analysis calendar starts the next day when its midnight is skipped', () => {
    // Santiago springs forward at midnight: 2026-09-06 begins at 01:00 local (04:00 UTC), not an hour earlier.
    expect(resolveEnd('2026-09-05', now, 'America/Santiago')).toBe(Date.UTC(2026, 8, 6, 4));
    expect(resolveEnd('2026-09-05', now, 'America/Santiago')).toBe(
      instantOfLocal({ year: 2026, month: 9, day: 6 }, 'America/Santiago'),
    );
  });

  it('defaults to the start of today in the zone, so yesterday is the last simulated day', () => {
    expect(resolveEnd(undefined, now, 'UTC')).toBe(Date.UTC(2026, 10, 23));
    // 01:00 UTC on the 23rd is still the 22nd in Los Angeles.
    expect(resolveEnd(undefined, now, 'America/Los_Angeles')).toBe(Date.UTC(2026, 10, 22, 8));
  });

  it('accepts ISO instants with a zone and rejects anything else', () => {
    expect(resolveEnd('2026-11-21T15:30:00Z', now, 'UTC')).toBe(Date.UTC(2026, 10, 21, 15, 30));
    for (const bad of ['2026-02-30', 'yesterday', '2026-11-21T15:30:00', '21/11/2026']) {
      expect(() => resolveEnd(bad, now, 'UTC')).toThrow(/--end/);
    }
  });
});

describe('parseDuration', () => {
  it('reads s, m, h, d and bare seconds', () => {
    expect(parseDuration('90s', '--duration')).toBe(90_000);
    expect(parseDuration('10m', '--duration')).toBe(600_000);
    expect(parseDuration('2h', '--duration')).toBe(7_200_000);
    expect(parseDuration('1d', '--duration')).toBe(86_400_000);
    expect(parseDuration('5', '--duration')).toBe(5000);
    expect(() => parseDuration('soon', '--duration')).toThrow(/--duration/);
  });
});
