// The bench harness's pure parts: summaries with several references, the finite-figure check CI relies on, the
// growth verdict and the Markdown it writes. (`npm run bench -- --quick` itself runs in .ci/run.)
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Benchmark, Measured } from '../../../scripts/bench/Benchmark.ts';
import { formatResults } from '../../../scripts/bench/formatResults.ts';
import { growthExponent, growthOf, growthVerdict } from '../../../scripts/bench/growthOf.ts';
import { summarize } from '../../../scripts/bench/summarize.ts';
import { END, writeMarkdown } from '../../../scripts/bench/writeMarkdown.ts';
import { tempDir } from '../../helpers/tempDir.ts';

const figure = (value: number, cpuSeconds = 1, wallSeconds = 2): Measured => ({
  value,
  unit: 'jobs/s',
  wallSeconds,
  cpuSeconds,
});

const bench: Benchmark = {
  id: 'collect-x',
  stage: 'collect',
  title: 'collect',
  better: 'higher',
  target: { text: 'within 2x of raw', met: (rate, raw) => raw !== null && rate * 2 >= raw },
  run: async () => ({ value: 0, unit: 'jobs/s' }),
  reference: { title: 'raw', run: async () => ({ value: 0, unit: 'jobs/s' }) },
  moreReferences: [{ title: 'csv', run: async () => ({ value: 0, unit: 'jobs/s' }) }],
  grows: { what: 'days', size: (p) => 10 * p.scale },
};

describe('summarize', () => {
  it('gives each reference its own median and ratio; the target and flat fields use the first', () => {
    const s = summarize(
      bench,
      { quick: false, scale: 1 },
      [figure(100, 3), figure(300, 5), figure(200, 4)],
      [[figure(400)], [figure(1000)]],
      123,
    );
    expect(s).toMatchObject({ median: 200, min: 100, max: 300, cpuSeconds: 4, wallSeconds: 2 });
    expect(s.references.map((r) => [r.title, r.median, r.ratio])).toEqual([
      ['raw', 400, 2],
      ['csv', 1000, 5],
    ]);
    expect([s.referenceTitle, s.referenceMedian, s.ratio, s.met]).toEqual(['raw', 400, 2, true]);
    expect(s.grows).toEqual({ what: 'days', size: 10 });
    expect(s.error).toBeUndefined();
  });

  it('fails a run whose figure or reference is not a finite number', () => {
    const params = { quick: true, scale: 1 };
    expect(summarize(bench, params, [figure(Number.NaN)], [[figure(1)], [figure(1)]], 1).error).toBe(
      'no finite figure',
    );
    expect(summarize(bench, params, [figure(5)], [[figure(1)], [figure(Infinity)]], 1).error).toBe(
      'no finite figure for the reference "csv"',
    );
  });
});

describe('growth', () => {
  it('reads k in cost ∝ size^k and names it', () => {
    expect(growthExponent({ size: 1, cost: 2 }, { size: 4, cost: 8 })).toBeCloseTo(1);
    expect(growthExponent({ size: 1, cost: 2 }, { size: 1, cost: 8 })).toBeNull();
    expect([0.1, 0.5, 1.1, 1.9].map(growthVerdict)).toEqual(['flat', 'sublinear', 'linear', 'superlinear']);
  });

  it('judges growth between the two largest sizes, where fixed costs no longer hide it', () => {
    // 2 CPU s of start-up, then 1 CPU s per unit: linear, though the extremes alone would say sublinear.
    const growthWith = (fixed: number) =>
      growthOf(
        [1, 2, 4].map((scale) =>
          summarize(bench, { quick: false, scale }, [figure(1, fixed + 10 * scale)], [[figure(1)], [figure(1)]], 1),
        ),
      )[0]!;
    expect(growthWith(2).cpuExponent).toBeCloseTo(Math.log(42 / 22) / Math.log(2));
    expect(growthWith(2)).toMatchObject({ verdict: 'linear', fixedCpuSeconds: 2, cpuSecondsPerUnit: 1 });
    // A start-up as large as the work itself: k = 0.67 between the two largest, yet a straight line.
    expect(growthWith(40)).toMatchObject({ verdict: 'linear + fixed', fixedCpuSeconds: 40 });
  });

  it('groups one benchmark measured at several scales and prints a growth table', () => {
    const results = [1, 2, 4].map((scale) =>
      summarize(bench, { quick: false, scale }, [figure(100, 3 * scale, 5 * scale)], [[figure(1)], [figure(1)]], 1),
    );
    const [growth] = growthOf(results);
    expect(growth).toMatchObject({ id: 'collect-x', what: 'days', verdict: 'linear', fixedCpuSeconds: 0 });
    expect(growth!.points.map((p) => p.size)).toEqual([10, 20, 40]);
    const text = formatResults(results, { quick: false, environment: ['2 cores'] });
    expect(text).toContain('- 2 cores');
    expect(text).toContain('| | ↳ also against | | | 1.00 | csv: 1.000 jobs/s | 0.01x | | | |');
    expect(text).toContain(
      '| collect-x | days | 10 | 5.00 | 3.00 | 1.00x | 1.00 (1.00) | 0.00 + 0.300 × size | linear |',
    );
  });
});

describe('writeMarkdown', () => {
  const dir = tempDir('bench-markdown');

  it('replaces only what is between the markers, and appends them to a file without markers', () => {
    const file = path.join(dir, 'performance.md');
    writeFileSync(file, '# Performance\n\nprose\n');
    writeMarkdown(file, '| table 1 |\n');
    expect(readFileSync(file, 'utf8')).toMatch(/^# Performance\n\nprose\n\n<!-- bench:begin.*-->\n\| table 1 \|\n/);
    writeFileSync(file, readFileSync(file, 'utf8') + '\nafter\n');
    writeMarkdown(file, '| table 2 |');
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('table 1');
    expect(text).toContain(`| table 2 |\n${END}\n\nafter\n`);
    expect(text.startsWith('# Performance\n\nprose\n')).toBe(true);
  });
});
