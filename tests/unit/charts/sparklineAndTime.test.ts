import { describe, expect, it } from 'vitest';
import { sparklineSvg } from '../../../src/charts/sparklineSvg.ts';
import { zonedLabel, zonedWallMs } from '../../../src/charts/zonedTime.ts';
import { formatDurationMs } from '../../../src/charts/formatNumber.ts';
import { logTicks } from '../../../src/charts/logTicks.ts';

describe('sparklineSvg', () => {
  it('draws one polyline per run of present values', () => {
    const svg = sparklineSvg([1, 2, null, 3, 4]);
    expect(svg.match(/<polyline/g)).toHaveLength(2);
    expect(svg).toContain('aria-hidden="true"');
  });
  it('draws nothing for fewer than two values', () => {
    expect(sparklineSvg([5])).toBe('');
    expect(sparklineSvg([null, Number.NaN])).toBe('');
  });
  it('keeps a flat series inside the box', () => {
    expect(sparklineSvg([3, 3, 3])).toContain('0.0,22.0');
  });
});

describe('zonedWallMs', () => {
  it('reads instants as wall-clock time in the report zone, across DST', () => {
    // 2026-03-29 is the spring-forward day in Berlin: 01:00Z is 03:00 CEST.
    expect(zonedLabel('2026-03-29T00:30:00Z', 'Europe/Berlin')).toBe('2026-03-29 01:30');
    expect(zonedLabel('2026-03-29T01:30:00Z', 'Europe/Berlin')).toBe('2026-03-29 03:30');
    expect(zonedWallMs('2026-11-21T12:00:00Z', 'UTC')).toBe(Date.parse('2026-11-21T12:00:00Z'));
    expect(zonedLabel('2026-11-21T07:59:00Z', 'America/Los_Angeles', false)).toBe('2026-11-20');
  });
  it('rejects what is not an instant', () => {
    expect(() => zonedWallMs('yesterday', 'UTC')).toThrow(RangeError);
  });
});

describe('formatDurationMs', () => {
  it('picks a readable unit', () => {
    expect(formatDurationMs(420)).toBe('420 ms');
    expect(formatDurationMs(4200)).toBe('4.2 s');
    expect(formatDurationMs(42_000)).toBe('42 s');
    expect(formatDurationMs(420_000)).toBe('7.0 min');
    expect(formatDurationMs(4_200_000)).toBe('1.2 h');
  });
});

describe('logTicks', () => {
  it('covers the range with powers of ten', () => {
    expect(logTicks(4000, 704_000)).toEqual([1000, 10_000, 100_000, 1_000_000]);
    expect(logTicks(0, 5)).toEqual([1, 10]);
  });
});
