import type { PoolName, ReadinessComponent, ReadinessScore } from '../../report/ReportBundle.ts';
import { formatPercent } from '../text/format.ts';
import { combineScore, linearScore } from './scoring.ts';

export interface PoolInputs {
  pool: PoolName;
  /** Jobs-weighted share of the jobs of the pool's job types that run inside the pool; null without job types. */
  separation: number | null;
  /** Coefficient of variation of the pool's daily job counts over the trailing 28 days; null with < 3 days. */
  dailyCv: number | null;
  /** The pool's run time per elapsed hour: how many machines its demand keeps busy on average. */
  machineEquivalents: number | null;
  suitedMachines: number;
  /** Share of the pool's model uses that go to its three most used models; null without model data. */
  topModelShare: number | null;
}

export const POOL_WEIGHTS = {
  separation: 0.3,
  demand_steadiness: 0.2,
  demand_volume: 0.15,
  suited_machines: 0.2,
  model_concentration: 0.15,
} as const;

const POOL_LABEL: Record<PoolName, string> = { fast: 'fast lane', standard: 'standard pool', heavy: 'heavy pool' };

export function poolReadiness(x: PoolInputs, previous: number | null): ReadinessScore {
  const components: ReadinessComponent[] = [
    {
      name: 'separation',
      label: 'Job types separate cleanly',
      value: round3(x.separation),
      target: 0.9,
      unit: 'fraction',
      weight: POOL_WEIGHTS.separation,
      score: x.separation === null ? null : linearScore(x.separation, 0.5, 0.9),
      explanation:
        x.separation === null
          ? `No job type falls in the ${POOL_LABEL[x.pool]}.`
          : `${formatPercent(x.separation, 0)} of the jobs of its job types run inside the ${POOL_LABEL[x.pool]}'s bounds.`,
    },
    {
      name: 'demand_steadiness',
      label: 'Steady demand',
      value: round3(x.dailyCv),
      target: 0.25,
      unit: 'ratio',
      weight: POOL_WEIGHTS.demand_steadiness,
      score: x.dailyCv === null ? null : linearScore(x.dailyCv, 1, 0.25),
      explanation:
        x.dailyCv === null
          ? 'Fewer than three days of history.'
          : `Daily volume varies ${formatPercent(x.dailyCv, 0)} around its mean (target at most 25%).`,
    },
    {
      name: 'demand_volume',
      label: 'Enough demand to dedicate machines',
      value: round3(x.machineEquivalents),
      target: 2,
      unit: 'machines',
      weight: POOL_WEIGHTS.demand_volume,
      score: x.machineEquivalents === null ? null : linearScore(x.machineEquivalents, 0, 2),
      explanation:
        x.machineEquivalents === null
          ? 'No completed jobs in the period.'
          : `Its demand keeps ${x.machineEquivalents.toFixed(x.machineEquivalents < 0.1 ? 2 : 1)} machines busy on average (target 2).`,
    },
    {
      name: 'suited_machines',
      label: 'Machines suited to it',
      value: x.suitedMachines,
      target: 3,
      unit: 'machines',
      weight: POOL_WEIGHTS.suited_machines,
      score: linearScore(x.suitedMachines, 0, 3),
      explanation: `${x.suitedMachines} machine${x.suitedMachines === 1 ? '' : 's'} ran its job types at fleet speed or better (target 3).`,
    },
    {
      name: 'model_concentration',
      label: 'Models concentrated for pre-placement',
      value: round3(x.topModelShare),
      target: 0.8,
      unit: 'fraction',
      weight: POOL_WEIGHTS.model_concentration,
      score: x.topModelShare === null ? null : linearScore(x.topModelShare, 0.2, 0.8),
      explanation:
        x.topModelShare === null
          ? 'No model usage recorded for its jobs.'
          : `Its three most used models cover ${formatPercent(x.topModelShare, 0)} of its model uses.`,
    },
  ];
  return combineScore(components, previous);
}

function round3(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1000) / 1000;
}
