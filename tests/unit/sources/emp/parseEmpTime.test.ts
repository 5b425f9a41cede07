import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEmpTime } from '../../../../src/sources/emp/parseEmpTime.ts';

describe('parseEmpTime', () => {
  it('reads ISO strings from toISOString()', () => {
    expect(parseEmpTime('2026-11-21T10:00:00.123Z')).toBe(Date.UTC(2026, 10, 21, 10, 0, 0, 123));
  });

  it('reads the Lua claim format seconds.micros, truncating to ms', () => {
    expect(parseEmpTime('1727890000.123456')).toBe(1727890000123);
    expect(parseEmpTime('1727890000.5')).toBe(1727890000500);
  });

  it('reads epoch milliseconds and seconds given as digits', () => {
    expect(parseEmpTime('1727890000123')).toBe(1727890000123);
    expect(parseEmpTime('1727890000')).toBe(1727890000000);
  });

  it('reads a zone-less ISO string as UTC, not in the host zone', () => {
    expect(parseEmpTime('2026-11-21T10:00:00')).toBe(Date.UTC(2026, 10, 21, 10));
  });

  it('returns null for empty, absent and malformed values', () => {
    for (const bad of ['', '   ', undefined, null, 'yesterday', '2026-13-45T99:99:99Z', '12.34.56', 'NaN']) {
      expect(parseEmpTime(bad)).toBeNull();
    }
  });

  it('reads canonical ISO strings exactly as Date.parse does, valid or not', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const iso = fc
      .tuple(
        fc.integer({ min: 1990, max: 2110 }),
        two(14),
        two(33),
        two(25),
        two(61),
        two(61),
        fc.integer({ min: 0, max: 999 }),
      )
      .map(([y, mo, d, h, mi, s, ms]) => `${y}-${mo}-${d}T${h}:${mi}:${s}.${String(ms).padStart(3, '0')}Z`);
    fc.assert(
      fc.property(iso, (text) => {
        const parsed = Date.parse(text);
        const expected = Number.isFinite(parsed) && parsed >= Date.UTC(2000, 0, 1) && parsed < Date.UTC(2100, 0, 1);
        expect(parseEmpTime(text)).toBe(expected ? parsed : null);
      }),
      { numRuns: 5000 },
    );
  });

  it('rejects a canonical-looking string with a non-digit inside', () => {
    expect(parseEmpTime('2026-11-2xT10:00:00.000Z')).toBeNull();
    expect(parseEmpTime('2026-02-30T10:00:00.000Z')).toBe(Date.parse('2026-02-30T10:00:00.000Z') || null);
  });
});
