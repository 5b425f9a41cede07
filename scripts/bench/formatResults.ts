import { growthOf } from './growthOf.ts';
import type { Summary } from './summarize.ts';

export interface FormatOptions {
  quick: boolean;
  /** Lines about the machine and the run (cores, load average, command), printed under the title. */
  environment?: string[];
}

const num = (v: number | null) =>
  v === null ? '—' : Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-US') : v >= 10 ? v.toFixed(1) : v.toFixed(3);
const seconds = (v: number | null) => (v === null ? '—' : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const ratio = (v: number | null) => (v === null ? '—' : `${v.toFixed(2)}x`);

/** The benchmark table (and the growth table, when sizes were compared) as Markdown, to paste or --markdown. */
export function formatResults(results: readonly Summary[], options: FormatOptions): string {
  const lines = [
    `Almanac benchmarks${options.quick ? ' (--quick: small sizes, one repetition, no warm-up; figures are not comparable)' : ''}`,
    '',
    ...(options.environment?.length ? [...options.environment.map((l) => `- ${l}`), ''] : []),
    '| stage | benchmark | median | spread (min–max) | CPU s | reference, same run | ratio | peak RSS | target | met |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    const scaled = r.scale === 1 ? '' : ` (scale ${r.scale})`;
    const [main, ...more] = r.references;
    const reference = main ? `${main.title}: ${num(main.median)} ${main.unit}` : '—';
    lines.push(
      `| ${r.stage} | ${r.title}${scaled}${r.error ? ` (FAILED: ${r.error})` : ''} | ${num(r.median)}${r.unit ? ` ${r.unit}` : ''} | ${num(r.min)}–${num(r.max)} | ${seconds(r.cpuSeconds)} | ${reference} | ${ratio(r.ratio)} | ${r.peakRssMb.toFixed(0)} MB | ${r.target ?? '—'} | ${r.met === null ? '—' : r.met ? 'yes' : 'no'} |`,
    );
    for (const ref of more) {
      lines.push(
        `| | ↳ also against | | | ${seconds(ref.cpuSeconds)} | ${ref.title}: ${num(ref.median)} ${ref.unit} | ${ratio(ref.ratio)} | | | |`,
      );
    }
  }
  const noted = results.filter((r) => Object.keys(r.notes).length > 0);
  if (noted.length) {
    lines.push('', 'Notes:');
    for (const r of noted) {
      lines.push(
        `- ${r.id}${r.scale === 1 ? '' : ` (scale ${r.scale})`}: ${Object.entries(r.notes)
          .map(([k, v]) => `${k} = ${v}`)
          .join('; ')}`,
      );
    }
  }
  lines.push(
    '',
    "ratio: how many times slower than the reference (1.00x = as fast as the machine's own limit). CPU s: median CPU " +
      'seconds of one run (the benchmark process, all threads, and the children it waited for), which load on a ' +
      'shared machine does not inflate the way it inflates wall time.',
    '',
  );
  return lines.join('\n') + formatGrowth(results);
}

function formatGrowth(results: readonly Summary[]): string {
  const growths = growthOf(results);
  if (growths.length === 0) return '';
  const lines = [
    '',
    'Growth: k in cost ∝ size^k between the two largest sizes (1 linear, 0 flat), from CPU seconds, with the wall',
    'figure in brackets; and the line through those two sizes, CPU seconds = fixed + per unit × size.',
    '',
    '| benchmark | what grows | size | wall s | CPU s | CPU vs smallest | k | CPU s = fixed + per unit | growth |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const g of growths) {
    const base = g.points[0]!.cpuSeconds;
    const line =
      g.fixedCpuSeconds === null || g.cpuSecondsPerUnit === null
        ? '—'
        : `${g.fixedCpuSeconds.toFixed(2)} ${g.cpuSecondsPerUnit < 0 ? '−' : '+'} ${Math.abs(g.cpuSecondsPerUnit).toPrecision(3)} × size`;
    g.points.forEach((p, i) => {
      const head = i === 0;
      lines.push(
        `| ${head ? g.id : ''} | ${head ? g.what : ''} | ${p.size.toLocaleString('en-US')} | ${seconds(p.wallSeconds)} | ${seconds(p.cpuSeconds)} | ${base > 0 ? `${(p.cpuSeconds / base).toFixed(2)}x` : '—'} | ${head ? `${g.cpuExponent?.toFixed(2) ?? '—'} (${g.wallExponent?.toFixed(2) ?? '—'})` : ''} | ${head ? line : ''} | ${head ? (g.verdict ?? '—') : ''} |`,
      );
    });
  }
  return lines.join('\n') + '\n';
}
