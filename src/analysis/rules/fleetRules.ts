import { formatCount, formatDuration, formatPercent } from '../text/format.ts';
import type { Rule } from './Rule.ts';
import { evidence, hoursAsJobs, perDay, round1 } from './ruleHelpers.ts';

export const successBelowTarget: Rule = {
  id: 'success-below-target',
  description: 'Success rate below the configured target (default 99%).',
  evaluate(ctx) {
    const rate = ctx.kpis.success_rate.value;
    const target = ctx.targets.successRate;
    const decided = (ctx.kpis.jobs_completed.value ?? 0) + (ctx.kpis.jobs_failed.value ?? 0);
    if (rate === null || rate >= target || decided < 20) return [];
    const excess = perDay(ctx, (target - rate) * decided);
    const top = ctx.failures.by_type[0];
    return [
      {
        id: this.id,
        rule: this.id,
        subject: null,
        severity: rate < target - 0.05 ? 'critical' : rate < target - 0.02 ? 'high' : 'medium',
        title: `Bring the success rate back to ${formatPercent(target)}`,
        what: `${formatPercent(rate)} of finished jobs succeeded, below the ${formatPercent(target)} target.`,
        why: top
          ? `The largest failure category is ${top.error_type} (${formatCount(top.count)} failures).`
          : 'Failed jobs cost GPU time and customer trust.',
        action: top
          ? `Start with ${top.error_type} failures: see the failure table for the machines and messages behind them.`
          : 'Review the failure table for the machines and messages behind the failures.',
        evidence: [evidence(ctx, 'success_rate', rate, target, 'fraction')],
        impact: {
          description: `About ${formatCount(excess)} fewer failed jobs a day at the target rate`,
          estimate: round1(excess),
          unit: 'jobs per day',
          score: excess,
        },
      },
    ];
  },
};

export const queueWaitGrowth: Rule = {
  id: 'queue-wait-growth',
  description: 'p95 queue wait grows more than 20 points faster than submitted volume against the previous period.',
  evaluate(ctx) {
    const wait = ctx.kpis.wait_ms_p95;
    const volume = ctx.kpis.jobs_submitted;
    if (wait.value === null || wait.previous === null || wait.previous <= 0) return [];
    if (volume.value === null || volume.previous === null || volume.previous <= 0) return [];
    const waitGrowth = wait.value / wait.previous - 1;
    const volumeGrowth = volume.value / volume.previous - 1;
    if (waitGrowth - volumeGrowth < 0.2 || wait.value < 5_000) return [];
    const affected = perDay(ctx, volume.value) * Math.min(1, waitGrowth - volumeGrowth);
    return [
      {
        id: this.id,
        rule: this.id,
        subject: null,
        severity: waitGrowth - volumeGrowth >= 1 ? 'high' : 'medium',
        title: 'Add capacity: queue wait is growing faster than demand',
        what: `p95 queue wait rose ${formatPercent(waitGrowth, 0)} to ${formatDuration(wait.value)} while volume changed ${formatPercent(volumeGrowth, 0)}.`,
        why: 'When waits grow faster than volume the fleet is close to saturation; waits then grow sharply with small demand increases.',
        action: 'Add workers for the busiest job types or move long jobs off the machines that serve short ones.',
        evidence: [
          evidence(ctx, 'wait_ms_p95_growth', waitGrowth, volumeGrowth + 0.2, 'ratio'),
          evidence(ctx, 'jobs_submitted_growth', volumeGrowth, null, 'ratio'),
        ],
        impact: {
          description: `Shorter waits for about ${formatCount(affected)} jobs a day`,
          estimate: round1(affected),
          unit: 'jobs per day',
          score: affected,
        },
      },
    ];
  },
};

export const waitExceedsRun: Rule = {
  id: 'wait-exceeds-run',
  description: 'p95 queue wait above the configured share of the median run time (a capacity bottleneck).',
  evaluate(ctx) {
    const wait = ctx.kpis.wait_ms_p95.value;
    const run = ctx.kpis.run_ms_p50.value;
    const target = ctx.targets.waitToRunRatio;
    if (wait === null || run === null || run <= 0) return [];
    const ratio = wait / run;
    if (ratio <= 2 * target || wait < 5_000) return [];
    const affected = perDay(ctx, ctx.kpis.jobs_submitted.value ?? 0) * 0.05;
    return [
      {
        id: this.id,
        rule: this.id,
        subject: null,
        severity: ratio > 8 * target ? 'high' : 'medium',
        title: 'Jobs wait longer in the queue than the target allows',
        what: `p95 queue wait is ${formatDuration(wait)}, ${formatPercent(ratio, 0)} of the median run time of ${formatDuration(run)}.`,
        why: `Waiting is the bottleneck when it exceeds ${formatPercent(target, 0)} of the run time: adding speed to machines will not help, adding workers will.`,
        action: 'Add workers at the peak hours, or reserve machines for the job types that wait longest.',
        evidence: [evidence(ctx, 'wait_p95_to_run_p50', ratio, target, 'ratio')],
        impact: {
          description: 'The slowest 5% of jobs start sooner',
          estimate: round1(affected),
          unit: 'jobs per day',
          score: affected,
        },
      },
    ];
  },
};

export const peakHeadroom: Rule = {
  id: 'peak-headroom',
  description: 'The busiest hour used more than 85% of the estimated hourly capacity.',
  evaluate(ctx) {
    const { headroom, peak_hour_jobs: peak, capacity_per_hour: capacity } = ctx.forecast.headroom;
    if (headroom === null || peak === null || capacity === null || headroom >= 0.15) return [];
    return [
      {
        id: this.id,
        rule: this.id,
        subject: null,
        severity: headroom < 0 ? 'high' : 'medium',
        title: 'Add capacity before the peak hour outgrows the fleet',
        what: `The busiest hour finished ${formatCount(peak)} jobs against an estimated capacity of ${formatCount(capacity)} an hour.`,
        why: 'With less than 15% headroom, any growth or a lost machine at peak turns into queue wait.',
        action: 'Add workers for peak hours or shift flexible work to quieter hours.',
        evidence: [evidence(ctx, 'peak_headroom', headroom, 0.15, 'fraction')],
        impact: {
          description: `Protects the ${formatCount(peak)} jobs of the peak hour`,
          estimate: peak,
          unit: 'jobs per hour',
          score: peak,
        },
      },
    ];
  },
};

export const highRetries: Rule = {
  id: 'high-retries',
  description: 'Retries above 10% of finished jobs.',
  evaluate(ctx) {
    const retries = ctx.kpis.retries.value;
    const finished = ctx.kpis.jobs_finished.value;
    if (retries === null || finished === null || finished < 20) return [];
    const share = retries / finished;
    if (share <= 0.1) return [];
    const daily = perDay(ctx, retries);
    return [
      {
        id: this.id,
        rule: this.id,
        subject: null,
        severity: share > 0.3 ? 'high' : 'medium',
        title: `Cut retries: ${formatPercent(share, 0)} extra attempts per finished job`,
        what: `${formatCount(retries)} retries for ${formatCount(finished)} finished jobs (${formatPercent(share, 0)}).`,
        why: 'Each retry repeats GPU work and adds the failed attempt to the job’s wait.',
        action: 'Look at the failure messages of retried attempts; fix timeouts and resource limits at their source.',
        evidence: [evidence(ctx, 'retries_per_finished_job', share, 0.1, 'ratio')],
        impact: {
          description: `About ${formatCount(daily)} fewer attempts a day`,
          estimate: round1(daily),
          unit: 'attempts per day',
          score: daily,
        },
      },
    ];
  },
};

export const idleCapacityNight: Rule = {
  id: 'idle-capacity-night',
  description: 'Workers under 30% busy between 00:00 and 06:00 while over 60% busy in the day.',
  evaluate(ctx) {
    const avg = (hours: number[]) => {
      const v = hours.map((h) => ctx.utilizationByHour[h]).filter((x): x is number => x !== null && x !== undefined);
      return v.length >= Math.ceil(hours.length / 2) ? v.reduce((a, b) => a + b, 0) / v.length : null;
    };
    const night = avg([0, 1, 2, 3, 4, 5]);
    const day = avg([9, 10, 11, 12, 13, 14, 15, 16, 17]);
    if (night === null || day === null || night >= 0.3 || day <= 0.6 || !ctx.workersOnlineAvg) return [];
    const idleHours = (1 - night) * ctx.workersOnlineAvg * 6;
    return [
      {
        id: this.id,
        rule: this.id,
        subject: null,
        severity: 'low',
        title: 'Scale down at night or schedule batch work then',
        what: `Workers are ${formatPercent(night, 0)} busy between 00:00 and 06:00 against ${formatPercent(day, 0)} in the day.`,
        why: 'Idle GPUs at night are paid for but unused.',
        action: 'Stop part of the fleet overnight, or move batch and backfill jobs into the night.',
        evidence: [
          evidence(ctx, 'night_utilization', night, 0.3, 'fraction'),
          evidence(ctx, 'day_utilization', day, 0.6, 'fraction'),
        ],
        impact: {
          description: `About ${formatCount(idleHours)} idle worker-hours a night`,
          estimate: round1(idleHours),
          unit: 'worker-hours per night',
          score: hoursAsJobs(ctx, idleHours) * 0.1,
        },
      },
    ];
  },
};

export const machineVariation: Rule = {
  id: 'machine-variation',
  description: 'Cross-machine variation of run time for the same job types above the target (default 20%).',
  evaluate(ctx) {
    const v = ctx.machines.heterogeneity_index;
    const target = ctx.targets.machineVariation;
    if (v === null || v <= target) return [];
    const slow = ctx.machines.rows.filter((m) => (m.relative_run_time ?? 0) > 1 + target);
    const extra = slow.reduce((s, m) => s + m.jobs_completed * ((m.relative_run_time ?? 1) - 1), 0);
    const names = slow.slice(0, 3).map((m) => m.machine_id);
    return [
      {
        id: this.id,
        rule: this.id,
        subject: null,
        severity: v > 2 * target ? 'high' : 'medium',
        title: 'Make machines consistent before pooling them',
        what: `Run times for the same job types vary ${formatPercent(v, 0)} across machines (target under ${formatPercent(target, 0)}).`,
        why: 'Specialized pools only work when machines in a pool run the same job in about the same time.',
        action: names.length
          ? `Compare hardware, drivers and model placement of the slowest machines (${names.join(', ')}) with the fleet.`
          : 'Compare hardware, drivers and model placement of the slowest machines with the fleet.',
        evidence: [evidence(ctx, 'machine_variation', v, target, 'ratio')],
        impact: {
          description: 'Frees the extra run time the slow machines spend',
          estimate: round1(perDay(ctx, extra)),
          unit: 'job-equivalents per day',
          score: perDay(ctx, extra),
        },
      },
    ];
  },
};
