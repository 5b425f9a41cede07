import { BUNDLE_KINDS, type BundleKind } from '../../report/BundleKind.ts';
import { periodIdAt, periodOf, shiftPeriodId } from '../calendar/periodOf.ts';
import type { AnalysisClock } from './analysisClock.ts';
import type { Target } from './Target.ts';

export interface PlanInput {
  clock: AnalysisClock;
  timeZone: string;
  /** First instant with data in the warehouse. */
  dataStart: number;
  /** Collected data reaches this instant: a period closes for publication only once data past its end is in. */
  dataThrough: number;
  /** Whether a closed period already has its published bundle. */
  isPublished(kind: BundleKind, id: string): boolean;
  /** Recompute published closed periods that overlap `[start, end)` (backfill). */
  restate?: { start: number; end: number };
}

export interface Plan {
  targets: Target[];
  /** Periods that have ended but wait for data past their end. */
  waiting: { kind: BundleKind; id: string }[];
}

/**
 * Every closed period since the data began that has no published bundle, plus the open periods (refreshed on
 * each run), oldest first per kind: daily, then weekly, then monthly.
 */
export function planTargets(input: PlanInput): Plan {
  const { clock, timeZone } = input;
  const targets: Target[] = [];
  const waiting: Plan['waiting'] = [];
  if (input.dataStart >= clock.asOf) return { targets, waiting };
  for (const kind of BUNDLE_KINDS) {
    const lastId = periodIdAt(kind, clock.asOf - 1, timeZone);
    for (let id = periodIdAt(kind, input.dataStart, timeZone); ; id = shiftPeriodId(kind, id, 1)) {
      const period = periodOf(kind, id, timeZone);
      if (period.end <= clock.asOf) {
        const restate =
          input.restate !== undefined && period.start < input.restate.end && period.end > input.restate.start;
        if (input.isPublished(kind, id)) {
          // Published bundles are immutable; only an explicit restatement recomputes them.
          if (restate && period.end <= input.dataThrough)
            targets.push({ period, closed: true, through: period.end, restate });
        } else if (period.end > input.dataThrough) {
          waiting.push({ kind, id });
        } else {
          targets.push({ period, closed: true, through: period.end });
        }
      } else if (clock.live && period.start < clock.asOf) {
        targets.push({ period, closed: false, through: clock.asOf });
      }
      if (id === lastId) break;
    }
  }
  return { targets, waiting };
}
