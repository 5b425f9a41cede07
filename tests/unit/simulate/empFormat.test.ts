import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { iso, requeueScore, secondsMicros, submitScore } from '../../../src/simulate/empFormat.ts';
import { parseEmpTime } from '../../../src/sources/emp/parseEmpTime.ts';

describe('emp value formats', () => {
  it('iso equals toISOString for any instant from 1970 to 2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7_258_118_400_000 }), (ms) => iso(ms) === new Date(ms).toISOString()),
    );
    expect(iso(Date.UTC(2026, 10, 21, 23, 59, 59, 999))).toBe('2026-11-21T23:59:59.999Z');
  });

  it('secondsMicros writes the Lua claim format and parses back to the millisecond', () => {
    expect(secondsMicros(1_727_890_000_123_456)).toBe('1727890000.123456');
    expect(secondsMicros(1_727_890_000_000_007)).toBe('1727890000.000007');
    fc.assert(
      fc.property(
        fc.integer({ min: 1e15, max: 4e15 }),
        (us) => parseEmpTime(secondsMicros(us)) === Math.floor(us / 1000),
      ),
    );
  });

  it('reproduces both pending-score formulas', () => {
    const d = Date.UTC(2026, 10, 21, 12);
    expect(submitScore(50, d)).toBe(50 * 1e15 - Math.floor(d / 1000));
    expect(requeueScore(50, d)).toBe(50 * 1e6 + (Number.MAX_SAFE_INTEGER - d));
    // A retried step ranks below fresh steps of priority >= 10 and above fresh steps of priority <= 9.
    expect(requeueScore(50, d)).toBeLessThan(submitScore(10, d));
    expect(requeueScore(50, d)).toBeGreaterThan(submitScore(9, d));
  });
});
