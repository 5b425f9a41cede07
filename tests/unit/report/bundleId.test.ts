import { describe, expect, it } from 'vitest';
import { bundleKindOfId, isBundleId, isoWeeksInYear } from '../../../src/report/bundleId.ts';
import { bundlePath } from '../../../src/report/bundlePath.ts';
import path from 'node:path';

describe('isBundleId', () => {
  it('accepts well-formed ids of each kind', () => {
    expect(isBundleId('daily', '2026-11-21')).toBe(true);
    expect(isBundleId('daily', '2024-02-29')).toBe(true);
    expect(isBundleId('weekly', '2026-W47')).toBe(true);
    expect(isBundleId('weekly', '2026-W53')).toBe(true);
    expect(isBundleId('monthly', '2026-11')).toBe(true);
  });

  it('rejects impossible dates and weeks', () => {
    expect(isBundleId('daily', '2026-02-29')).toBe(false);
    expect(isBundleId('daily', '2026-13-01')).toBe(false);
    expect(isBundleId('daily', '2026-11-00')).toBe(false);
    expect(isBundleId('weekly', '2025-W53')).toBe(false);
    expect(isBundleId('weekly', '2026-W00')).toBe(false);
    expect(isBundleId('monthly', '2026-00')).toBe(false);
  });

  it('rejects anything that is not exactly the pattern', () => {
    for (const id of [
      '',
      '2026-11-21 ',
      '2026-11-21/../x',
      '../2026-11',
      '2026-11-21.json',
      '２０２６-11-21',
      '2026-w47',
    ]) {
      expect(isBundleId('daily', id) || isBundleId('weekly', id) || isBundleId('monthly', id)).toBe(false);
    }
  });

  it('knows which years have 53 ISO weeks', () => {
    expect([2015, 2020, 2026, 2032].map(isoWeeksInYear)).toEqual([53, 53, 53, 53]);
    expect([2021, 2022, 2023, 2024, 2025].map(isoWeeksInYear)).toEqual([52, 52, 52, 52, 52]);
  });

  it('tells the kind of an id', () => {
    expect(bundleKindOfId('2026-11-21')).toBe('daily');
    expect(bundleKindOfId('2026-W47')).toBe('weekly');
    expect(bundleKindOfId('2026-11')).toBe('monthly');
    expect(bundleKindOfId('2026')).toBeNull();
  });
});

describe('bundlePath', () => {
  const root = path.resolve('/srv/almanac/data/reports');

  it('puts each bundle in its kind folder', () => {
    expect(bundlePath(root, 'daily', '2026-11-21')).toBe(path.join(root, 'daily', '2026-11-21.json'));
    expect(bundlePath(root, 'weekly', '2026-W47')).toBe(path.join(root, 'weekly', '2026-W47.json'));
    expect(bundlePath(root, 'monthly', '2026-11')).toBe(path.join(root, 'monthly', '2026-11.json'));
  });

  it('refuses ids and kinds that could name another file', () => {
    expect(() => bundlePath(root, 'daily', '../../etc/passwd')).toThrow(/not a daily report id/);
    expect(() => bundlePath(root, 'daily', '2026-11')).toThrow(/not a daily report id/);
    expect(() => bundlePath(root, 'monthly', '2026-11/../../x')).toThrow(/not a monthly report id/);
    expect(() => bundlePath(root, '../daily' as 'daily', '2026-11-21')).toThrow(/not a report kind/);
  });
});
