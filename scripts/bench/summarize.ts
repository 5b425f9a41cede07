import type { Benchmark, BenchParams, Figure, Measured } from './Benchmark.ts';

/** One reference's figures, summarized like the benchmark's own. */
export interface ReferenceSummary {
  title: string;
  unit: string;
  median: number | null;
  min: number | null;
  max: number | null;
  /** Benchmark median / reference median, oriented so that > 1 means "slower/worse than the reference". */
  ratio: number | null;
  cpuSeconds: number | null;
}

export interface Summary {
  id: string;
  stage: string;
  title: string;
  /** The `--scale` factor this run used (1 by default). */
  scale: number;
  /** What grows with the scale and its size at this one, for benchmarks that declare `grows`. */
  grows: { what: string; size: number } | null;
  unit: string;
  median: number | null;
  min: number | null;
  max: number | null;
  /** Medians over the repetitions of the wall and CPU seconds the harness measured around each run. */
  wallSeconds: number | null;
  cpuSeconds: number | null;
  /** The main reference (also the first of `references`), kept flat for readers of older --json files. */
  referenceTitle: string | null;
  referenceMedian: number | null;
  ratio: number | null;
  references: ReferenceSummary[];
  peakRssMb: number;
  /** CPU seconds of the benchmark's whole child process, setup and references included (what it costs in all). */
  cpuSecondsInAll?: number;
  target: string | null;
  met: boolean | null;
  notes: Record<string, string | number | boolean>;
  error?: string;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function ratioOf(bench: Benchmark, m: number | null, ref: number | null): number | null {
  if (m === null || ref === null || ref === 0 || m === 0) return null;
  return bench.better === 'higher' ? ref / m : m / ref;
}

export function summarize(
  bench: Benchmark,
  params: BenchParams,
  runs: Measured[],
  references: Measured[][],
  peakRssMb: number,
): Summary {
  const values = runs.map((r) => r.value);
  const m = median(values);
  const titles = [...(bench.reference ? [bench.reference] : []), ...(bench.moreReferences ?? [])].map((r) => r.title);
  const refs: ReferenceSummary[] = titles.map((title, i) => {
    const figures = references[i] ?? [];
    const refValues = figures.map((f) => f.value);
    const refMedian = median(refValues);
    return {
      title,
      unit: figures[0]?.unit ?? '',
      median: refMedian,
      min: refValues.length ? Math.min(...refValues) : null,
      max: refValues.length ? Math.max(...refValues) : null,
      ratio: ratioOf(bench, m, refMedian),
      cpuSeconds: median(figures.map((f) => f.cpuSeconds)),
    };
  });
  const main = refs[0] ?? null;
  const summary: Summary = {
    id: bench.id,
    stage: bench.stage,
    title: bench.title,
    scale: params.scale,
    grows: bench.grows ? { what: bench.grows.what, size: bench.grows.size(params) } : null,
    unit: runs[0]?.unit ?? '',
    median: m,
    min: values.length ? Math.min(...values) : null,
    max: values.length ? Math.max(...values) : null,
    wallSeconds: median(runs.map((r) => r.wallSeconds)),
    cpuSeconds: median(runs.map((r) => r.cpuSeconds)),
    referenceTitle: main?.title ?? null,
    referenceMedian: main?.median ?? null,
    ratio: main?.ratio ?? null,
    references: refs,
    peakRssMb,
    target: bench.target?.text ?? null,
    met: bench.target && m !== null ? bench.target.met(m, main?.median ?? null) : null,
    notes: Object.assign(
      {},
      mergeNotes(runs),
      ...references.map((figures, i) => prefixed(mergeNotes(figures), i === 0 ? 'reference' : `reference ${i + 1}`)),
    ),
  };
  const missing = missingFigure(summary);
  return missing && runs.length > 0 ? { ...summary, error: missing } : summary;
}

/**
 * Why a run that completed still has no usable figure (NaN, Infinity, no reference value): CI runs `--quick`
 * without judging the timings, but a figure that is not a finite number means the benchmark itself is broken.
 */
export function missingFigure(s: Summary): string | null {
  if (s.median === null || !Number.isFinite(s.median)) return 'no finite figure';
  const bad = s.references.find((r) => r.median === null || !Number.isFinite(r.median));
  if (bad) return `no finite figure for the reference "${bad.title}"`;
  if (s.cpuSeconds === null || !Number.isFinite(s.cpuSeconds)) return 'no CPU seconds';
  return null;
}

function prefixed(notes: Record<string, string | number | boolean>, prefix: string) {
  return Object.fromEntries(Object.entries(notes).map(([k, v]) => [`${prefix} ${k}`, v]));
}

/**
 * One note per key over all runs: the value when the runs agree, else the median of numeric values with their
 * range (e.g. the CPU seconds of each repetition), else the last value.
 */
function mergeNotes(figures: readonly Figure[]): Record<string, string | number | boolean> {
  const byKey = new Map<string, (string | number | boolean)[]>();
  for (const f of figures) {
    for (const [k, v] of Object.entries(f.notes ?? {})) byKey.set(k, [...(byKey.get(k) ?? []), v]);
  }
  const merged: Record<string, string | number | boolean> = {};
  for (const [k, values] of byKey) {
    const numbers = values.filter((v): v is number => typeof v === 'number');
    if (new Set(values).size === 1 || numbers.length !== values.length) merged[k] = values.at(-1)!;
    else merged[k] = `${round(median(numbers)!)} (${round(Math.min(...numbers))}–${round(Math.max(...numbers))})`;
  }
  return merged;
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
