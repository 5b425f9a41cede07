import { z } from 'zod';
import { count, maybeFraction, maybeNumber, poolName } from './common.ts';

export const machineRowSchema = z.strictObject({
  /** From Redis: untrusted text, escape when rendering. */
  machine_id: z.string(),
  source: z.string(),
  gpu_count: z.number().int().min(0).nullable(),
  jobs_finished: count,
  jobs_completed: count,
  jobs_failed: count,
  failure_rate: maybeFraction,
  run_ms_p95: maybeNumber,
  /** The fleet's p95 for the same job types, weighted by this machine's job mix. */
  fleet_run_ms_p95: maybeNumber,
  /** Mix-adjusted speed: this machine's median run time over the fleet's for the same job types (1 = typical, 1.3 = 30% slower). */
  relative_run_time: maybeNumber,
  /** Share of snapshots in which the machine was online. */
  online_share: maybeFraction,
  utilization: maybeFraction,
  outlier: z.boolean(),
  /** Why it is an outlier ("41% slower than the fleet on the same job types"), null when it is not. */
  outlier_reason: z.string().nullable(),
  /** Pools whose job types this machine runs within the pool's bounds. */
  suited_pools: z.array(poolName),
});
export type MachineRow = z.infer<typeof machineRowSchema>;

export const machinesSchema = z.strictObject({
  count: count,
  /**
   * Cross-machine variation of processing time for the same job types: the coefficient of variation of the
   * machines' `relative_run_time` (target < 0.2).
   */
  heterogeneity_index: maybeNumber,
  outliers: z.array(z.string()),
  rows: z.array(machineRowSchema),
});
export type Machines = z.infer<typeof machinesSchema>;
