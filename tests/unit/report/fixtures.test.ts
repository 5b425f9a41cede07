import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KPI_NAMES } from '../../../src/report/kpiNames.ts';
import { parseBundle } from '../../../src/report/parseBundle.ts';
import {
  FIXTURE_GENERATED_AT,
  FIXTURE_OPEN_THROUGH,
  FIXTURE_SET,
  FIXTURE_TIMEZONE,
} from '../../fixtures/bundles/fixtureSet.ts';
import { HOSTILE_MACHINE, makeFixtureBundle } from '../../fixtures/bundles/makeFixtureBundle.ts';

const reportsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/bundles/reports');

describe('sample bundles', () => {
  it('has one file per fixture entry, each valid against the schema', () => {
    const files = (['daily', 'weekly', 'monthly'] as const).flatMap((kind) =>
      readdirSync(path.join(reportsDir, kind)).map((f) => `${kind}/${f}`),
    );
    expect(files.sort()).toEqual(FIXTURE_SET.map((f) => `${f.kind}/${f.id}.json`).sort());
    for (const file of files) {
      const bundle = parseBundle(readFileSync(path.join(reportsDir, file), 'utf8'));
      expect(`${bundle.kind}/${bundle.id}.json`).toBe(file);
      expect(Object.keys(bundle.kpis).sort()).toEqual([...KPI_NAMES].sort());
      expect(Buffer.byteLength(JSON.stringify(bundle))).toBeLessThan(1_000_000);
    }
  });

  it('matches the generator (run tests/fixtures/bundles/writeFixtures.ts after changing it)', () => {
    for (const { kind, id, open } of FIXTURE_SET) {
      const expected = makeFixtureBundle({
        kind,
        id,
        timezone: FIXTURE_TIMEZONE,
        generatedAt: FIXTURE_GENERATED_AT,
        ...(open ? { openThrough: FIXTURE_OPEN_THROUGH } : {}),
      });
      const onDisk = JSON.parse(readFileSync(path.join(reportsDir, kind, `${id}.json`), 'utf8')) as unknown;
      expect(onDisk).toEqual(JSON.parse(JSON.stringify(expected)));
    }
  });

  it('covers a 25-hour day, an open month, a null KPI and hostile text', () => {
    const fallBack = parseBundle(readFileSync(path.join(reportsDir, 'daily/2026-11-01.json'), 'utf8'));
    expect(fallBack.period.hours).toBe(25);
    expect(fallBack.charts.series).toHaveLength(25);
    const month = parseBundle(readFileSync(path.join(reportsDir, 'monthly/2026-11.json'), 'utf8'));
    expect(month.period.closed).toBe(false);
    expect(month.period.elapsed_label).toBe('month to date, 21 of 30 days');
    const week = parseBundle(readFileSync(path.join(reportsDir, 'weekly/2026-W47.json'), 'utf8'));
    expect(week.kpis.model_download_success_rate.value).toBeNull();
    expect(week.machines.outliers).toContain(HOSTILE_MACHINE);
  });
});
