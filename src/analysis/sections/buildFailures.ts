import type { Failures, Machines } from '../../report/ReportBundle.ts';
import type { FailureRaw } from '../breakdowns/BreakdownRows.ts';
import { roundTo } from '../math/roundTo.ts';
import { cmp } from './buildBreakdowns.ts';

const UNKNOWN_TYPES = new Set(['', 'unknown', 'other', 'unclassified', 'error', 'none', 'null']);

export function isKnownCategory(errorType: string): boolean {
  return !UNKNOWN_TYPES.has(errorType.trim().toLowerCase());
}

/**
 * Failure taxonomy of a period. `priorCovered` says whether the warehouse holds the 28 days before the period;
 * without them every failure mode would look new, so none is called new.
 */
export function buildFailures(rows: readonly FailureRaw[], machines: Machines, priorCovered: boolean): Failures {
  const total = rows.reduce((s, r) => s + r.n, 0);
  const byType = new Map<string, number>();
  for (const r of rows) byType.set(r.error_type, (byType.get(r.error_type) ?? 0) + r.n);
  const known = [...byType].filter(([type]) => isKnownCategory(type)).reduce((s, [, n]) => s + n, 0);
  const sorted = [...rows].sort((a, b) => b.n - a.n || cmp(a.error_type, b.error_type) || cmp(a.message, b.message));
  return {
    total,
    known_category_share: total > 0 ? roundTo(known / total, 4) : null,
    by_type: [...byType]
      .map(([error_type, count]) => ({ error_type, count, share: total > 0 ? roundTo(count / total, 4) : null }))
      .sort((a, b) => b.count - a.count || cmp(a.error_type, b.error_type)),
    top_messages: sorted.slice(0, 10).map((r) => ({
      error_type: r.error_type,
      message: r.message === '' ? '(no message)' : r.message,
      count: r.n,
      machines: r.machines,
      new: priorCovered && r.is_new,
    })),
    new_modes: priorCovered
      ? sorted
          .filter((r) => r.is_new)
          .slice(0, 10)
          .map((r) => ({
            error_type: r.error_type,
            message: r.message === '' ? '(no message)' : r.message,
            count: r.n,
          }))
      : [],
    by_machine: machines.rows
      .filter((m) => m.jobs_failed > 0)
      .map((m) => ({ machine_id: m.machine_id, count: m.jobs_failed, failure_rate: m.failure_rate }))
      .sort((a, b) => b.count - a.count || cmp(a.machine_id, b.machine_id))
      .slice(0, 10),
  };
}
