import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BundleStore } from '../../../src/analysis/store/BundleStore.ts';
import { publishedFigures } from '../../../src/analysis/store/PublishedFigures.ts';

const fixtures = new BundleStore(path.join(import.meta.dirname, '../../fixtures/bundles/reports'));
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('published figures', () => {
  it('reads the same figures from a file as from the whole validated bundle', () => {
    for (const [kind, id] of [
      ['daily', '2026-11-01'],
      ['monthly', '2026-10'],
      ['monthly', '2026-11'],
    ] as const) {
      const whole = fixtures.read(kind, id)!;
      expect(fixtures.readFigures(kind, id)).toEqual({
        closed: whole.period.closed,
        figures: publishedFigures(whole),
      });
    }
    expect(fixtures.readFigures('daily', '2026-11-02')).toBeNull();
  });

  it('refuses a file whose figures do not validate', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'almanac-figures-'));
    dirs.push(dir);
    const store = new BundleStore(dir);
    mkdirSync(path.join(dir, 'daily'));
    copyFileSync(fixtures.path('daily', '2026-11-01'), store.path('daily', '2026-11-01'));
    const bundle = JSON.parse(readFileSync(store.path('daily', '2026-11-01'), 'utf8')) as {
      kpis: { retries: { value: unknown } };
    };
    bundle.kpis.retries.value = 'many';
    writeFileSync(store.path('daily', '2026-11-01'), JSON.stringify(bundle));
    expect(() => store.readFigures('daily', '2026-11-01')).toThrow(/kpis\.retries\.value/);
    writeFileSync(store.path('daily', '2026-11-01'), '{');
    expect(() => store.readFigures('daily', '2026-11-01')).toThrow(/not valid JSON/);
  });
});
