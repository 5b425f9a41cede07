import { z } from 'zod';
import { count, maybeFraction, maybeNumber, poolName } from './common.ts';

const poolFigures = z.strictObject({
  jobs: count,
  job_share: maybeFraction,
  /** Summed run time of completed jobs in the pool, the proxy for GPU time. */
  gpu_ms: count,
  gpu_share: maybeFraction,
  /** Job types whose p90 falls in this pool. */
  job_types: count,
  /** Machines suited to this pool. */
  machines: count,
  /** Mean jobs per day, and the coefficient of variation of the daily counts (steadiness). */
  jobs_per_day: maybeNumber,
  daily_cv: maybeNumber,
});
export type PoolFigures = z.infer<typeof poolFigures>;

export const poolsSchema = z.strictObject({
  boundaries: z.strictObject({ fast_max_ms: z.number().positive(), standard_max_ms: z.number().positive() }),
  pools: z.strictObject({ fast: poolFigures, standard: poolFigures, heavy: poolFigures }),
  /** Per job type: the pool its p90 falls in and the share of its jobs inside that pool (1 = clean split). */
  job_types: z.array(
    z.strictObject({
      source: z.string(),
      service: z.string(),
      job_type: z.string(),
      jobs: count,
      run_ms_p90: maybeNumber,
      pool: poolName.nullable(),
      share_in_pool: maybeFraction,
      /** True when under 80% of its jobs fall in one pool. */
      straddles: z.boolean(),
    }),
  ),
  /** Which machines suit which pools, with the share of each machine's jobs per pool. */
  machines: z.array(
    z.strictObject({
      machine_id: z.string(),
      fast_share: maybeFraction,
      standard_share: maybeFraction,
      heavy_share: maybeFraction,
      suited_pools: z.array(poolName),
    }),
  ),
});
export type Pools = z.infer<typeof poolsSchema>;
