import type { Summary } from './summarize.ts';

export interface GrowthPoint {
  scale: number;
  size: number;
  wallSeconds: number;
  cpuSeconds: number;
}

export type GrowthVerdict = 'flat' | 'sublinear' | 'linear' | 'linear + fixed' | 'superlinear';

export interface Growth {
  id: string;
  title: string;
  what: string;
  points: GrowthPoint[];
  /**
   * k in cost ∝ size^k between the two largest sizes, from CPU seconds (load does not inflate them). The two
   * largest, not the extremes: at small sizes fixed costs (opening the warehouse, starting Astro) hide the growth.
   */
  cpuExponent: number | null;
  wallExponent: number | null;
  /** The line through the two largest sizes: CPU seconds = fixed + perUnit × size. */
  fixedCpuSeconds: number | null;
  cpuSecondsPerUnit: number | null;
  verdict: GrowthVerdict | null;
}

/** k in cost ∝ size^k through two points: 1 is linear, 0 flat, 2 quadratic. */
export function growthExponent(a: { size: number; cost: number }, b: { size: number; cost: number }): number | null {
  if (a.size <= 0 || b.size <= 0 || a.cost <= 0 || b.cost <= 0 || a.size === b.size) return null;
  return Math.log(b.cost / a.cost) / Math.log(b.size / a.size);
}

/** Wide bands on purpose: two or three sizes on a shared machine cannot tell 0.95 from 1.05. */
export function growthVerdict(k: number): GrowthVerdict {
  if (k < 0.25) return 'flat';
  if (k < 0.8) return 'sublinear';
  if (k <= 1.2) return 'linear';
  return 'superlinear';
}

/**
 * A fixed cost plus a linear one reads as sublinear at small sizes (k < 1, tending to 1 as size grows): when the line
 * through the two largest sizes also predicts the smallest within 15%, that is what it is.
 */
function verdictOf(k: number, points: GrowthPoint[], fixed: number, perUnit: number): GrowthVerdict {
  const verdict = growthVerdict(k);
  if (verdict !== 'sublinear' || points.length < 3 || fixed <= 0) return verdict;
  const first = points[0]!;
  return Math.abs(fixed + perUnit * first.size - first.cpuSeconds) <= 0.15 * first.cpuSeconds
    ? 'linear + fixed'
    : verdict;
}

/** The benchmarks measured at two or more sizes (`--scale`), with how their cost grows. */
export function growthOf(results: readonly Summary[]): Growth[] {
  const byId = new Map<string, Summary[]>();
  for (const r of results) {
    if (!r.grows || r.error || r.wallSeconds === null || r.cpuSeconds === null) continue;
    byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  }
  const growths: Growth[] = [];
  for (const [id, summaries] of byId) {
    const points = summaries
      .map((s) => ({ scale: s.scale, size: s.grows!.size, wallSeconds: s.wallSeconds!, cpuSeconds: s.cpuSeconds! }))
      .sort((a, b) => a.size - b.size);
    if (new Set(points.map((p) => p.size)).size < 2) continue;
    const [a, b] = points.slice(-2) as [GrowthPoint, GrowthPoint];
    const cpuExponent = growthExponent({ size: a.size, cost: a.cpuSeconds }, { size: b.size, cost: b.cpuSeconds });
    const perUnit = (b.cpuSeconds - a.cpuSeconds) / (b.size - a.size);
    growths.push({
      id,
      title: summaries[0]!.title,
      what: summaries[0]!.grows!.what,
      points,
      cpuExponent,
      wallExponent: growthExponent({ size: a.size, cost: a.wallSeconds }, { size: b.size, cost: b.wallSeconds }),
      fixedCpuSeconds: b.cpuSeconds - perUnit * b.size,
      cpuSecondsPerUnit: perUnit,
      verdict: cpuExponent === null ? null : verdictOf(cpuExponent, points, b.cpuSeconds - perUnit * b.size, perUnit),
    });
  }
  return growths;
}
