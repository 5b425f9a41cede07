import { isKnownCategory } from '../sections/buildFailures.ts';
import { formatCount, formatPercent } from '../text/format.ts';
import type { Rule } from './Rule.ts';
import { evidence, perDay, round1, shortHash } from './ruleHelpers.ts';

export const newFailureMode: Rule = {
  id: 'new-failure-mode',
  description:
    'A failure mode (type and normalized message) first seen within 7 days before the period or in it, and absent in the 28 days before that, seen at least 5 times.',
  evaluate(ctx) {
    return ctx.recentFailureModes
      .filter((m) => m.count >= 5)
      .slice(0, 5)
      .map((m) => {
        const daily = perDay(ctx, m.count);
        return {
          id: `${this.id}:${shortHash(`${m.error_type}\u0000${m.message}`)}`,
          rule: this.id,
          subject: `${m.error_type}: ${m.message}`,
          severity: m.count >= 100 ? 'high' : 'medium',
          title: `Investigate a new failure: ${m.error_type}`,
          what: `"${m.message}" caused ${formatCount(m.count)} failures; it first appeared in the last week.`,
          why: 'A failure mode that appears suddenly usually follows a deployment, a model change or a failing machine.',
          action: 'Check what changed when it first appeared: releases, model versions, machines added.',
          evidence: [evidence(ctx, 'new_failure_count', m.count, 5, 'jobs')],
          impact: {
            description: `About ${formatCount(daily)} failed jobs a day`,
            estimate: round1(daily),
            unit: 'jobs per day',
            score: daily,
          },
        };
      });
  },
};

export const unknownFailures: Rule = {
  id: 'unknown-failures',
  description: 'Under 90% of at least 20 failures carry a known error category.',
  evaluate(ctx) {
    const share = ctx.failures.known_category_share;
    if (share === null || ctx.failures.total < 20 || share >= 0.9) return [];
    const unknown = ctx.failures.by_type.filter((t) => !isKnownCategory(t.error_type)).reduce((s, t) => s + t.count, 0);
    const daily = perDay(ctx, unknown);
    return [
      {
        id: this.id,
        rule: this.id,
        subject: null,
        severity: share < 0.6 ? 'medium' : 'low',
        title: 'Classify the failures that have no category',
        what: `${formatPercent(1 - share, 0)} of failures (${formatCount(unknown)}) have no known error type.`,
        why: 'Unclassified failures cannot be routed to the team that can fix them, nor tracked over time.',
        action: 'Map the top unclassified messages to error types in the workers’ failure classification.',
        evidence: [evidence(ctx, 'known_category_share', share, 0.9, 'fraction')],
        impact: {
          description: `Explains about ${formatCount(daily)} failures a day`,
          estimate: round1(daily),
          unit: 'jobs per day',
          score: daily * 0.5,
        },
      },
    ];
  },
};
