import type { PoolName } from '../../report/ReportBundle.ts';
import { STRADDLE_SHARE } from '../sections/buildPools.ts';
import { formatCount, formatPercent } from '../text/format.ts';
import type { Rule } from './Rule.ts';
import { evidence, perDay, round1 } from './ruleHelpers.ts';

const POOL_LABEL: Record<PoolName, string> = { fast: 'fast lane', standard: 'standard pool', heavy: 'heavy pool' };

export const poolStraddle: Rule = {
  id: 'pool-straddle',
  description: 'A job type with under 80% of its jobs inside the pool its p90 falls in.',
  evaluate(ctx) {
    return ctx.pools.job_types
      .filter((t) => t.straddles && t.pool !== null && t.share_in_pool !== null)
      .slice(0, 5)
      .map((t) => {
        const outside = perDay(ctx, t.jobs * (1 - (t.share_in_pool ?? 0)));
        return {
          id: `${this.id}:${t.service}/${t.job_type}`,
          rule: this.id,
          subject: `${t.service}/${t.job_type}`,
          severity: 'low' as const,
          title: `Split ${t.job_type} before pooling it`,
          what: `Only ${formatPercent(t.share_in_pool ?? 0, 0)} of ${t.job_type} jobs run inside the ${POOL_LABEL[t.pool!]}; the rest fall in other pools.`,
          why: 'A job type that straddles two pools cannot be placed in one dedicated lane.',
          action: 'Route its jobs by an input-size or model threshold at submission, or give it a lane of its own.',
          evidence: [evidence(ctx, 'share_in_pool', t.share_in_pool, STRADDLE_SHARE, 'fraction')],
          impact: {
            description: `Makes about ${formatCount(outside)} more jobs a day poolable`,
            estimate: round1(outside),
            unit: 'jobs per day',
            score: outside * 0.5,
          },
        };
      });
  },
};

export const poolReady: Rule = {
  id: 'pool-ready',
  description: 'A pool whose readiness score reaches 80: dedicate machines to it.',
  evaluate(ctx) {
    return (['fast', 'standard', 'heavy'] as const)
      .filter((p) => (ctx.readiness.pools[p].score ?? 0) >= 80)
      .map((p) => {
        const figures = ctx.pools.pools[p];
        const daily = figures.jobs_per_day ?? 0;
        return {
          id: `${this.id}:${p}`,
          rule: this.id,
          subject: p,
          severity: 'low' as const,
          title: `Dedicate machines to the ${POOL_LABEL[p]}`,
          what: `The ${POOL_LABEL[p]} scores ${ctx.readiness.pools[p].score} of 100 for readiness, with ${formatCount(daily)} jobs a day.`,
          why: 'Its job types separate cleanly, demand is steady and enough machines run them well.',
          action: `Assign the ${figures.machines} suited machines to it and route its job types there.`,
          evidence: [evidence(ctx, `readiness_${p}`, ctx.readiness.pools[p].score, 80, 'score')],
          impact: {
            description: `Predictable service for about ${formatCount(daily)} jobs a day`,
            estimate: round1(daily),
            unit: 'jobs per day',
            score: daily * 0.05,
          },
        };
      });
  },
};
