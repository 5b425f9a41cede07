import type { PoolName } from '../../report/ReportBundle.ts';
import type { PoolBounds } from '../metrics/querySpanMetrics.ts';

/** The pool a run time falls in: fast < fastMax ≤ standard ≤ standardMax < heavy. */
export function poolOf(runMs: number, bounds: PoolBounds): PoolName {
  if (runMs < bounds.fastMaxMs) return 'fast';
  if (runMs <= bounds.standardMaxMs) return 'standard';
  return 'heavy';
}

export const POOL_NAMES: readonly PoolName[] = ['fast', 'standard', 'heavy'];
