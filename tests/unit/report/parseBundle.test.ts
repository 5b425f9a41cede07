import { describe, expect, it } from 'vitest';
import { parseBundle } from '../../../src/report/parseBundle.ts';
import { makeFixtureBundle } from '../../fixtures/bundles/makeFixtureBundle.ts';

const good = () =>
  JSON.parse(
    JSON.stringify(
      makeFixtureBundle({
        kind: 'daily',
        id: '2026-11-21',
        timezone: 'UTC',
        generatedAt: Date.parse('2026-11-22T01:00:00Z'),
      }),
    ),
  ) as Record<string, unknown> & { kpis: Record<string, Record<string, unknown>> };

describe('parseBundle', () => {
  it('accepts a bundle as an object or as JSON text', () => {
    expect(parseBundle(good()).id).toBe('2026-11-21');
    expect(parseBundle(JSON.stringify(good())).kind).toBe('daily');
  });

  it('accepts a KPI without data as null', () => {
    const bundle = good();
    bundle.kpis.success_rate!.value = null;
    bundle.kpis.success_rate!.delta = null;
    expect(parseBundle(bundle).kpis.success_rate.value).toBeNull();
  });

  it('rejects a missing KPI, an unknown field and a bad id with the path of each problem', () => {
    const missing = good();
    delete missing.kpis.retries;
    expect(() => parseBundle(missing)).toThrow(/kpis\.retries/);
    const extra = { ...good(), surprise: 1 };
    expect(() => parseBundle(extra)).toThrow(/surprise/);
    expect(() => parseBundle({ ...good(), id: '../../x' })).toThrow(/not a daily id/);
    expect(() => parseBundle({ ...good(), id: '2026-W47' })).toThrow(/not a daily id/);
  });

  it('names an unknown schema version and invalid JSON plainly', () => {
    expect(() => parseBundle({ ...good(), schema: 2 })).toThrow(/schema version 2; this Almanac reads version 1/);
    expect(() => parseBundle('{"schema":')).toThrow(/not valid JSON/);
  });

  it('rejects NaN and out-of-range fractions', () => {
    const nan = good();
    nan.kpis.run_ms_p50!.value = Number.NaN;
    expect(() => parseBundle(nan)).toThrow(/kpis\.run_ms_p50\.value/);
    const readiness = good() as unknown as { readiness: { production: { score: number } } };
    readiness.readiness.production.score = 140;
    expect(() => parseBundle(readiness)).toThrow(/readiness\.production\.score/);
  });
});
