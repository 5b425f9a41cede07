import type { ReadinessComponent, ReadinessScore } from '../../report/ReportBundle.ts';
import { formatPercent } from '../text/format.ts';
import { combineScore, linearScore } from './scoring.ts';

export interface ProductionInputs {
  successRate: number | null;
  successTarget: number;
  /** Cross-machine variation of mix-adjusted run time (coefficient of variation). */
  variation: number | null;
  variationTarget: number;
  /** Share of final failures with a known error category; null when there were no failures. */
  knownFailureShare: number | null;
  failures: number;
  waitP95: number | null;
  runP50: number | null;
  waitToRunTarget: number;
  /** Mean machines online / machines seen. */
  onlineShare: number | null;
}

/** Component weights of production readiness (they add up to 1); formulas in docs/analysis.md. */
export const PRODUCTION_WEIGHTS = {
  success_rate: 0.3,
  consistency: 0.2,
  known_failures: 0.15,
  wait_vs_run: 0.15,
  stability: 0.2,
} as const;

export function productionReadiness(x: ProductionInputs, previous: number | null): ReadinessScore {
  const waitRatio = x.waitP95 !== null && x.runP50 !== null && x.runP50 > 0 ? x.waitP95 / x.runP50 : null;
  const components: ReadinessComponent[] = [
    {
      name: 'success_rate',
      label: 'Success rate',
      value: x.successRate,
      target: x.successTarget,
      unit: 'fraction',
      weight: PRODUCTION_WEIGHTS.success_rate,
      // Full marks at the target, none 9 points below it (0.90 for a 0.99 target).
      score: x.successRate === null ? null : linearScore(x.successRate, x.successTarget - 0.09, x.successTarget),
      explanation:
        x.successRate === null
          ? 'No finished jobs to measure.'
          : `${formatPercent(x.successRate)} of finished jobs succeeded against a ${formatPercent(x.successTarget)} target.`,
    },
    {
      name: 'consistency',
      label: 'Consistency across machines',
      value: x.variation,
      target: x.variationTarget,
      unit: 'ratio',
      weight: PRODUCTION_WEIGHTS.consistency,
      // Full marks at or under the target variation, none at three times it.
      score: x.variation === null ? null : linearScore(x.variation, 3 * x.variationTarget, x.variationTarget),
      explanation:
        x.variation === null
          ? 'Too few machines with enough jobs to compare.'
          : `Run times for the same job types vary ${formatPercent(x.variation, 0)} across machines (target under ${formatPercent(x.variationTarget, 0)}).`,
    },
    {
      name: 'known_failures',
      label: 'Failures with a known category',
      value: x.knownFailureShare,
      target: 0.95,
      unit: 'fraction',
      weight: PRODUCTION_WEIGHTS.known_failures,
      // No failures: nothing left unexplained, full marks.
      score: x.failures === 0 ? 100 : x.knownFailureShare === null ? null : linearScore(x.knownFailureShare, 0.5, 0.95),
      explanation:
        x.failures === 0
          ? 'No failures to classify.'
          : `${formatPercent(x.knownFailureShare ?? 0, 0)} of failures carry a known category.`,
    },
    {
      name: 'wait_vs_run',
      label: 'Queue wait against run time',
      value: waitRatio === null ? null : Math.round(waitRatio * 1000) / 1000,
      target: x.waitToRunTarget,
      unit: 'ratio',
      weight: PRODUCTION_WEIGHTS.wait_vs_run,
      // Full marks when p95 wait is at most the target share of the median run time, none at four times it.
      score: waitRatio === null ? null : linearScore(waitRatio, 4 * x.waitToRunTarget, x.waitToRunTarget),
      explanation:
        waitRatio === null
          ? 'No waits or run times to compare.'
          : `p95 queue wait is ${formatPercent(waitRatio, 0)} of the median run time (target at most ${formatPercent(x.waitToRunTarget, 0)}).`,
    },
    {
      name: 'stability',
      label: 'Fleet stability',
      value: x.onlineShare === null ? null : Math.round(x.onlineShare * 1000) / 1000,
      target: 0.98,
      unit: 'fraction',
      weight: PRODUCTION_WEIGHTS.stability,
      // Full marks when machines are online 98% of the time, none at 80%.
      score: x.onlineShare === null ? null : linearScore(x.onlineShare, 0.8, 0.98),
      explanation:
        x.onlineShare === null
          ? 'No machine snapshots in the period.'
          : `Machines seen in the period were online ${formatPercent(x.onlineShare)} of the time.`,
    },
  ];
  return combineScore(components, previous);
}
