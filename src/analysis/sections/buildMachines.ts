import type { MachineRow, Machines, PoolName } from '../../report/ReportBundle.ts';
import type { MachineHealthRaw, MachineRaw } from '../breakdowns/BreakdownRows.ts';
import { roundTo } from '../math/roundTo.ts';
import { formatPercent } from '../text/format.ts';
import { cmp } from './buildBreakdowns.ts';
import { POOL_NAMES } from './poolOf.ts';

/** Thresholds of the machine table; documented in docs/analysis.md. */
export const MACHINE_RULES = {
  /** Completed jobs a machine needs before its speed is judged. */
  minJobs: 10,
  /** Mix-adjusted run time at or above this is a slow outlier. */
  slowRelative: 1.25,
  /** Failure rate at or above max(3 × fleet, fleet + 5 points) is a failing outlier. */
  failureMultiple: 3,
  failureMargin: 0.05,
  /** A machine suits a pool when it completed this many of the pool's job types ... */
  suitMinJobs: 5,
  /** ... at most this much slower than the fleet ... */
  suitMaxRelative: 1.2,
  /** ... and failed at most max(2 × fleet rate, 5%) of them. */
  suitFailureMultiple: 2,
} as const;

export function buildMachines(rows: readonly MachineRaw[], health: readonly MachineHealthRaw[]): Machines {
  const machineRows = rows.filter((r) => r.is_machine === 1);
  const totals = machineRows.reduce(
    (acc, r) => ({ failed: acc.failed + r.failed, decided: acc.decided + r.completed + r.failed }),
    { failed: 0, decided: 0 },
  );
  const fleetFailure = totals.decided > 0 ? totals.failed / totals.decided : 0;
  const failingAt = Math.max(MACHINE_RULES.failureMultiple * fleetFailure, fleetFailure + MACHINE_RULES.failureMargin);
  const healthOf = new Map(health.map((h) => [`${h.source}\u0000${h.machine_id}`, h]));
  const suited = suitedPools(rows, fleetFailure);

  const out: MachineRow[] = machineRows.map((r) => {
    const key = `${r.source}\u0000${r.machine_id}`;
    const h = healthOf.get(key);
    const failureRate = r.completed + r.failed > 0 ? r.failed / (r.completed + r.failed) : null;
    const slow =
      r.completed >= MACHINE_RULES.minJobs && r.relative !== null && r.relative >= MACHINE_RULES.slowRelative;
    const failing = r.finished >= MACHINE_RULES.minJobs && failureRate !== null && failureRate >= failingAt;
    const reasons = [
      slow ? `${formatPercent((r.relative ?? 1) - 1, 0)} slower than the fleet on the same job types` : null,
      failing
        ? `fails ${formatPercent(failureRate ?? 0)} of its jobs against ${formatPercent(fleetFailure)} for the fleet`
        : null,
    ].filter((x): x is string => x !== null);
    return {
      machine_id: r.machine_id,
      source: r.source,
      gpu_count: h?.gpu_count ?? null,
      jobs_finished: r.finished,
      jobs_completed: r.completed,
      jobs_failed: r.failed,
      failure_rate: failureRate === null ? null : roundTo(failureRate, 6),
      run_ms_p95: r.run_p95 === null ? null : Math.round(r.run_p95),
      fleet_run_ms_p95: r.fleet_p95 === null ? null : Math.round(r.fleet_p95),
      relative_run_time: r.relative === null ? null : roundTo(r.relative, 4),
      online_share: h?.online_share == null ? null : roundTo(h.online_share, 4),
      utilization: h?.utilization == null ? null : roundTo(h.utilization, 4),
      outlier: reasons.length > 0,
      outlier_reason: reasons.length > 0 ? reasons.join('; ') : null,
      suited_pools: suited.get(key) ?? [],
    };
  });
  out.sort((a, b) => b.jobs_finished - a.jobs_finished || cmp(a.machine_id, b.machine_id) || cmp(a.source, b.source));

  const judged = out.filter((m) => m.jobs_completed >= MACHINE_RULES.minJobs && m.relative_run_time !== null);
  return {
    count: out.length,
    heterogeneity_index: coefficientOfVariation(judged.map((m) => m.relative_run_time!)),
    outliers: out.filter((m) => m.outlier).map((m) => m.machine_id),
    rows: out,
  };
}

function suitedPools(rows: readonly MachineRaw[], fleetFailure: number): Map<string, PoolName[]> {
  const maxFailure = Math.max(MACHINE_RULES.suitFailureMultiple * fleetFailure, 0.05);
  const result = new Map<string, PoolName[]>();
  for (const pool of POOL_NAMES) {
    for (const r of rows) {
      if (r.is_machine === 1 || r.type_pool !== pool) continue;
      const failureRate = r.completed + r.failed > 0 ? r.failed / (r.completed + r.failed) : 1;
      if (
        r.completed >= MACHINE_RULES.suitMinJobs &&
        r.relative !== null &&
        r.relative <= MACHINE_RULES.suitMaxRelative &&
        failureRate <= maxFailure
      ) {
        const key = `${r.source}\u0000${r.machine_id}`;
        result.set(key, [...(result.get(key) ?? []), pool]);
      }
    }
  }
  return result;
}

/** Population standard deviation over mean; null for fewer than two values or a zero mean. */
export function coefficientOfVariation(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  if (mean === 0) return null;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
  return roundTo(Math.sqrt(variance) / mean, 4);
}
