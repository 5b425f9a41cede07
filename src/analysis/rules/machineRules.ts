import { MACHINE_RULES } from '../sections/buildMachines.ts';
import { formatCount, formatPercent } from '../text/format.ts';
import type { Rule } from './Rule.ts';
import { evidence, perDay, round1 } from './ruleHelpers.ts';

export const machineFailureRate: Rule = {
  id: 'machine-failure-rate',
  description: 'A machine failing at least max(3 × the fleet rate, fleet + 5 points) of at least 10 finished jobs.',
  evaluate(ctx) {
    const decided = ctx.machines.rows.reduce((s, m) => s + m.jobs_completed + m.jobs_failed, 0);
    const failed = ctx.machines.rows.reduce((s, m) => s + m.jobs_failed, 0);
    if (decided === 0) return [];
    const fleet = failed / decided;
    const threshold = Math.max(MACHINE_RULES.failureMultiple * fleet, fleet + MACHINE_RULES.failureMargin);
    return ctx.machines.rows
      .filter((m) => m.jobs_finished >= MACHINE_RULES.minJobs && m.failure_rate !== null && m.failure_rate >= threshold)
      .map((m) => {
        const rate = m.failure_rate ?? 0;
        const excess = perDay(ctx, (rate - fleet) * (m.jobs_completed + m.jobs_failed));
        return {
          id: `${this.id}:${m.machine_id}`,
          rule: this.id,
          subject: m.machine_id,
          severity: rate >= 0.25 ? 'critical' : rate >= 0.1 ? 'high' : 'medium',
          title: `Take ${m.machine_id} out of rotation and inspect it`,
          what: `${m.machine_id} failed ${formatPercent(rate)} of its ${formatCount(m.jobs_finished)} jobs against ${formatPercent(fleet)} for the fleet.`,
          why: 'A machine failing far above the fleet rate wastes GPU time and delays every job it touches.',
          action: 'Drain the machine, check GPU memory, drivers and disk, then return it to service.',
          evidence: [
            evidence(ctx, 'machine_failure_rate', rate, threshold, 'fraction'),
            evidence(ctx, 'fleet_failure_rate', fleet, null, 'fraction'),
          ],
          impact: {
            description: `About ${formatCount(excess)} fewer failed jobs a day`,
            estimate: round1(excess),
            unit: 'jobs per day',
            score: excess,
          },
        };
      });
  },
};

export const slowMachine: Rule = {
  id: 'slow-machine',
  description: 'A machine at least 25% slower than the fleet on the same job types (at least 10 completed jobs).',
  evaluate(ctx) {
    return ctx.machines.rows
      .filter(
        (m) =>
          m.jobs_completed >= MACHINE_RULES.minJobs &&
          m.relative_run_time !== null &&
          m.relative_run_time >= MACHINE_RULES.slowRelative,
      )
      .map((m) => {
        const rel = m.relative_run_time ?? 1;
        const gained = perDay(ctx, m.jobs_completed * (1 - 1 / rel));
        return {
          id: `${this.id}:${m.machine_id}`,
          rule: this.id,
          subject: m.machine_id,
          severity: rel >= 2 ? 'high' : 'medium',
          title: `Find out why ${m.machine_id} runs slow`,
          what: `${m.machine_id} takes ${formatPercent(rel - 1, 0)} longer than the fleet for the same job types.`,
          why: 'A slow machine stretches the run time of every job it takes and skews pool planning.',
          action: 'Check its GPU model, clocks, thermal throttling and whether models load from local disk.',
          evidence: [evidence(ctx, 'relative_run_time', rel, MACHINE_RULES.slowRelative, 'ratio')],
          impact: {
            description: `Capacity for about ${formatCount(gained)} more jobs a day at fleet speed`,
            estimate: round1(gained),
            unit: 'jobs per day',
            score: gained,
          },
        };
      });
  },
};
