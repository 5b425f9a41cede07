import { formatDuration, formatPercent } from '../text/format.ts';
import type { Rule } from './Rule.ts';
import { evidence, perDay, round1 } from './ruleHelpers.ts';

export const dataGaps: Rule = {
  id: 'data-gaps',
  description: 'History lost to coverage gaps, or snapshot coverage under 95%.',
  evaluate(ctx) {
    const q = ctx.dataQuality;
    const coverage = q.snapshot_coverage;
    if (q.gap_ms === 0 && (coverage === null || coverage >= 0.95)) return [];
    const lostShare = Math.min(1, q.gap_ms / (ctx.days * 86_400_000));
    const affected = perDay(ctx, ctx.kpis.jobs_submitted.value ?? 0) * Math.max(lostShare, 1 - (coverage ?? 1));
    return [
      {
        id: this.id,
        rule: this.id,
        subject: null,
        severity: lostShare > 0.1 || (coverage ?? 1) < 0.8 ? 'high' : 'medium',
        title: 'Close the gaps in collection',
        what:
          q.gap_ms > 0
            ? `${formatDuration(q.gap_ms)} of history could not be read in this period.`
            : `Only ${formatPercent(coverage ?? 0, 0)} of the expected snapshots were taken.`,
        why: 'Numbers from incomplete data understate volume and failures; reports on partial data are flagged.',
        action: 'Run the collector more often than the stream is trimmed, and alert when a collection fails.',
        evidence: [
          evidence(ctx, 'gap_ms', q.gap_ms, 0, 'ms'),
          evidence(ctx, 'snapshot_coverage', coverage, 0.95, 'fraction'),
        ],
        impact: {
          description: 'Complete and trustworthy reports',
          estimate: round1(affected),
          unit: 'jobs per day',
          score: affected,
        },
      },
    ];
  },
};
