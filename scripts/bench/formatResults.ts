import type { Summary } from './summarize.ts';

/** The benchmark table as Markdown, so it can go into docs/performance.md as printed. */
export function formatResults(results: readonly Summary[], options: { quick: boolean }): string {
  const num = (v: number | null) =>
    v === null ? '—' : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(3);
  const lines = [
    `Almanac benchmarks${options.quick ? ' (--quick: small sizes, one repetition; figures are not comparable)' : ''}`,
    '',
    '| stage | benchmark | median | spread (min–max) | reference | ratio | peak RSS | target | met |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    const reference = r.referenceTitle ? `${r.referenceTitle}: ${num(r.referenceMedian)} ${r.unit}` : '—';
    lines.push(
      `| ${r.stage} | ${r.title}${r.error ? ` (FAILED: ${r.error})` : ''} | ${num(r.median)} ${r.unit} | ${num(r.min)}–${num(r.max)} | ${reference} | ${r.ratio === null ? '—' : `${r.ratio.toFixed(2)}x`} | ${r.peakRssMb.toFixed(0)} MB | ${r.target ?? '—'} | ${r.met === null ? '—' : r.met ? 'yes' : 'no'} |`,
    );
  }
  const noted = results.filter((r) => Object.keys(r.notes).length > 0);
  if (noted.length) {
    lines.push('', 'Notes:');
    for (const r of noted) {
      lines.push(
        `- ${r.id}: ${Object.entries(r.notes)
          .map(([k, v]) => `${k} = ${v}`)
          .join('; ')}`,
      );
    }
  }
  lines.push('', "ratio: how many times slower than the reference (1.00x = as fast as the machine's own limit).", '');
  return lines.join('\n');
}
