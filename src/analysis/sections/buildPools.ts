import type { Breakdowns, Machines, PoolName, Pools } from '../../report/ReportBundle.ts';
import type { MachineRaw } from '../breakdowns/BreakdownRows.ts';
import type { JobTypeRaw } from '../breakdowns/BreakdownRows.ts';
import { roundTo } from '../math/roundTo.ts';
import type { PoolBounds } from '../metrics/querySpanMetrics.ts';
import type { SpanMetrics } from '../metrics/SpanMetrics.ts';
import { coefficientOfVariation } from './buildMachines.ts';
import { cmp } from './buildBreakdowns.ts';
import { POOL_NAMES } from './poolOf.ts';

/** Under this share of its jobs inside its pool, a job type straddles pools. */
export const STRADDLE_SHARE = 0.8;
/** A job type needs this many completed jobs before it is judged as straddling. */
export const STRADDLE_MIN_JOBS = 10;

export interface PoolsInput {
  bounds: PoolBounds;
  period: SpanMetrics;
  elapsedHours: number;
  /** Completed jobs per pool for each day of the trailing 28 days ending with the period. */
  dailyPoolJobs: Record<PoolName, number>[];
  jobTypes: readonly JobTypeRaw[];
  byJobType: Breakdowns['by_job_type'];
  machineRaw: readonly MachineRaw[];
  machines: Machines;
}

export function buildPools(x: PoolsInput): Pools {
  const totalJobs = POOL_NAMES.reduce((s, p) => s + x.period.pools[p].jobs, 0);
  const totalMs = POOL_NAMES.reduce((s, p) => s + x.period.pools[p].ms, 0);
  const rawByType = new Map(
    x.jobTypes.filter((r) => r.is_service === 0).map((r) => [key(r.source, r.service, r.job_type ?? '(unnamed)'), r]),
  );
  const jobTypes = x.byJobType.map((t) => {
    const raw = rawByType.get(key(t.source, t.service, t.job_type));
    const inPool = raw && t.pool ? poolJobs(raw, t.pool) : 0;
    const completed = raw ? raw.fast_jobs + raw.standard_jobs + raw.heavy_jobs : 0;
    const share = completed > 0 && t.pool ? inPool / completed : null;
    return {
      source: t.source,
      service: t.service,
      job_type: t.job_type,
      jobs: t.jobs_completed + t.jobs_failed + t.jobs_cancelled,
      run_ms_p90: t.run_ms_p90,
      pool: t.pool,
      share_in_pool: share === null ? null : roundTo(share, 4),
      straddles: share !== null && completed >= STRADDLE_MIN_JOBS && share < STRADDLE_SHARE,
    };
  });
  const machinePools = x.machineRaw
    .filter((r) => r.is_machine === 1)
    .map((r) => {
      const n = r.fast_jobs + r.standard_jobs + r.heavy_jobs;
      const share = (v: number) => (n > 0 ? roundTo(v / n, 4) : null);
      const row = x.machines.rows.find((m) => m.machine_id === r.machine_id && m.source === r.source);
      return {
        machine_id: r.machine_id,
        fast_share: share(r.fast_jobs),
        standard_share: share(r.standard_jobs),
        heavy_share: share(r.heavy_jobs),
        suited_pools: row?.suited_pools ?? [],
      };
    })
    .sort((a, b) => cmp(a.machine_id, b.machine_id));

  const figures = (pool: PoolName) => {
    const { jobs, ms } = x.period.pools[pool];
    const days = x.elapsedHours / 24;
    return {
      jobs,
      job_share: totalJobs > 0 ? roundTo(jobs / totalJobs, 4) : null,
      gpu_ms: Math.round(ms),
      gpu_share: totalMs > 0 ? roundTo(ms / totalMs, 4) : null,
      job_types: jobTypes.filter((t) => t.pool === pool).length,
      machines: x.machines.rows.filter((m) => m.suited_pools.includes(pool)).length,
      jobs_per_day: days > 0 ? roundTo(jobs / days, 1) : null,
      daily_cv: x.dailyPoolJobs.length >= 3 ? coefficientOfVariation(x.dailyPoolJobs.map((d) => d[pool])) : null,
    };
  };
  return {
    boundaries: { fast_max_ms: x.bounds.fastMaxMs, standard_max_ms: x.bounds.standardMaxMs },
    pools: { fast: figures('fast'), standard: figures('standard'), heavy: figures('heavy') },
    job_types: jobTypes,
    machines: machinePools,
  };
}

/** Jobs-weighted share of the jobs of a pool's job types that ran inside the pool. */
export function poolSeparation(pools: Pools, pool: PoolName): number | null {
  const types = pools.job_types.filter((t) => t.pool === pool && t.share_in_pool !== null);
  const jobs = types.reduce((s, t) => s + t.jobs, 0);
  if (jobs === 0) return null;
  return types.reduce((s, t) => s + t.jobs * (t.share_in_pool ?? 0), 0) / jobs;
}

function poolJobs(r: JobTypeRaw, pool: PoolName): number {
  return pool === 'fast' ? r.fast_jobs : pool === 'standard' ? r.standard_jobs : r.heavy_jobs;
}

function key(...parts: string[]): string {
  return parts.join('\u0000');
}
