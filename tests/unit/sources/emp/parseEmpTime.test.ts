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
});
