import type { Summary } from './summarize.ts';

export interface GrowthPoint {
  scale: number;
  size: number;
  wallSeconds: number;
  cpuSeconds: number;
}

export type GrowthVerdict = 'flat' | 'sublinear' | 'linear' | 'superlinear';

export interface Growth {
  id: string;
  title: string;
  what: string;
  points: GrowthPoint[];
  /** k in cost ∝ size^k between the smallest and the largest size, from CPU seconds (load does not inflate them). */
  cpuExponent: number | null;
  wallExponent: number | null;
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

/** The benchmarks measured at two or more sizes (`--scale`), with how their cost grows. */
export function growthOf(results: readonly Summary[]): Growth[] {
  const byId = new Map<string, Summary[]>();
  for (const r of results) {
    if (!r.grows || r.error || r.wallSeconds === null || r.cpuSeconds === null) continue;
    byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  }
  const growths: Growth[] = [];
  for (const [id, summaries] of byId) {
    if (summaries.length < 2) continue;
    const points = summaries
      .map((s) => ({ scale: s.scale, size: s.grows!.size, wallSeconds: s.wallSeconds!, cpuSeconds: s.cpuSeconds! }))
      .sort((a, b) => a.size - b.size);
    const first = points[0]!;
    const last = points.at(-1)!;
    const cpuExponent = growthExponent(
      { size: first.size, cost: first.cpuSeconds },
      { size: last.size, cost: last.cpuSeconds },
    );
    const wallExponent = growthExponent(
      { size: first.size, cost: first.wallSeconds },
      { size: last.size, cost: last.wallSeconds },
    );
    growths.push({
      id,
      title: summaries[0]!.title,
      what: summaries[0]!.grows!.what,
      points,
      cpuExponent,
      wallExponent,
      verdict: cpuExponent === null ? null : growthVerdict(cpuExponent),
    });
  }
  return growths;
}
