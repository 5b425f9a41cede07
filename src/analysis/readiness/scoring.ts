import type { ReadinessComponent, ReadinessScore } from '../../report/ReportBundle.ts';

/**
 * 0..100 on a straight line from `zeroAt` (0 points) to `fullAt` (100 points), clamped; works in both
 * directions (higher-is-better when fullAt > zeroAt, lower-is-better otherwise).
 */
export function linearScore(value: number, zeroAt: number, fullAt: number): number {
  if (fullAt === zeroAt) return value >= fullAt ? 100 : 0;
  const t = (value - zeroAt) / (fullAt - zeroAt);
  return Math.round(Math.min(1, Math.max(0, t)) * 1000) / 10;
}

/**
 * The score is the weighted mean of the components that could be scored: Σ wᵢ·sᵢ / Σ wᵢ over components with a
 * score, so a component without data neither helps nor hurts. Rounded to an integer.
 */
export function combineScore(components: ReadinessComponent[], previous: number | null): ReadinessScore {
  const scored = components.filter((c) => c.score !== null);
  const weight = scored.reduce((sum, c) => sum + c.weight, 0);
  const score = weight > 0 ? Math.round(scored.reduce((sum, c) => sum + c.weight * c.score!, 0) / weight) : null;
  return { score, previous, grade: gradeOf(score), components };
}

export function gradeOf(score: number | null): ReadinessScore['grade'] {
  if (score === null) return 'unknown';
  if (score >= 80) return 'ready';
  if (score >= 50) return 'progressing';
  return 'not_ready';
}
