import type { BundleKind } from '../../report/BundleKind.ts';
import { periodIdAt } from '../calendar/periodOf.ts';
import type { Target } from './Target.ts';
import type { TargetSpans } from './targetSpans.ts';

/**
 * The whole past periods a target refers to (sparkline, and for a closed target its previous, trailing and
 * same-weekday periods; the complete days of the 90-day context and their anomaly baselines): candidates for
 * figures read from published bundles. Open targets compare with partial spans, which are always computed.
 */
export function reusableSpans(
  target: Target,
  spans: TargetSpans,
  timeZone: string,
): { kind: BundleKind; id: string }[] {
  const kind = target.period.kind;
  const out: { kind: BundleKind; id: string }[] = spans.sparkline
    .filter((s) => s.id !== target.period.id)
    .map((s) => ({ kind, id: s.id }));
  if (target.closed) {
    out.push({ kind, id: spans.previousId }, ...spans.trailingIds.map((id) => ({ kind, id })));
    if (spans.sameWeekdayId) out.push({ kind: 'daily', id: spans.sameWeekdayId });
  }
  for (const day of spans.context) {
    if (day.complete) out.push({ kind: 'daily', id: day.dayId });
    for (const b of day.baseline) out.push({ kind: 'daily', id: periodIdAt('daily', b.start, timeZone) });
  }
  return out;
}
