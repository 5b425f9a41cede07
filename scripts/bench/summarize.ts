import type { Benchmark, Figure } from './Benchmark.ts';

export interface Summary {
  id: string;
  stage: string;
  title: string;
  unit: string;
  median: number | null;
  min: number | null;
  max: number | null;
  referenceTitle: string | null;
  referenceMedian: number | null;
  /** median / reference median, oriented so that > 1 means "slower/worse than the reference". */
  ratio: number | null;
  peakRssMb: number;
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

export function summarize(bench: Benchmark, runs: Figure[], references: Figure[], peakRssMb: number): Summary {
  const values = runs.map((r) => r.value);
  const m = median(values);
  const ref = median(references.map((r) => r.value));
  const ratio =
    m === null || ref === null || ref === 0 || m === 0 ? null : bench.better === 'higher' ? ref / m : m / ref;
  return {
    id: bench.id,
    stage: bench.stage,
    title: bench.title,
    unit: runs[0]?.unit ?? '',
    median: m,
    min: values.length ? Math.min(...values) : null,
    max: values.length ? Math.max(...values) : null,
    referenceTitle: bench.reference?.title ?? null,
    referenceMedian: ref,
    ratio,
    peakRssMb,
    target: bench.target?.text ?? null,
    met: bench.target && m !== null ? bench.target.met(m, ref) : null,
    notes: { ...mergeNotes(runs), ...prefixed(mergeNotes(references)) },
  };
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

function prefixed(notes: Record<string, string | number | boolean>) {
  return Object.fromEntries(Object.entries(notes).map(([k, v]) => [`reference ${k}`, v]));
}
