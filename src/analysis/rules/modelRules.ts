import { formatCount, formatDuration, formatPercent } from '../text/format.ts';
import type { Rule } from './Rule.ts';
import { evidence, hoursAsJobs, perDay, round1 } from './ruleHelpers.ts';

export const modelDownloadFailures: Rule = {
  id: 'model-download-failures',
  description: 'A model whose downloads fail at least 10% of at least 5 attempts.',
  evaluate(ctx) {
    return ctx.models.downloads_by_model
      .filter((d) => d.attempts >= 5 && d.failures / d.attempts >= 0.1)
      .map((d) => {
        const rate = d.failures / d.attempts;
        const daily = perDay(ctx, d.failures);
        return {
          id: `${this.id}:${d.model}`,
          rule: this.id,
          subject: d.model,
          severity: rate >= 0.5 ? 'high' : 'medium',
          title: `Fix failing downloads of ${d.model}`,
          what: `Downloads of ${d.model} failed ${formatCount(d.failures)} of ${formatCount(d.attempts)} times (${formatPercent(rate, 0)}).`,
          why: 'A failed download delays or fails the job that needed the model, and the transfer is repeated.',
          action: 'Check the download source and credentials; mirror the model closer to the fleet or pre-place it.',
          evidence: [evidence(ctx, 'download_failure_rate', rate, 0.1, 'fraction')],
          impact: {
            description: `About ${formatCount(daily)} failed downloads a day avoided`,
            estimate: round1(daily),
            unit: 'downloads per day',
            score: daily,
          },
        };
      });
  },
};

export const modelPreplacement: Rule = {
  id: 'model-preplacement',
  description: 'A model downloaded at least 10 times whose downloads take over 30 minutes a day in total.',
  evaluate(ctx) {
    return ctx.models.downloads_by_model
      .filter((d) => d.attempts >= 10 && perDay(ctx, d.total_ms) >= 30 * 60_000)
      .slice(0, 3)
      .map((d) => {
        const hours = perDay(ctx, d.total_ms) / 3_600_000;
        return {
          id: `${this.id}:${d.model}`,
          rule: this.id,
          subject: d.model,
          severity: hours >= 4 ? 'medium' : 'low',
          title: `Pre-place ${d.model} on the machines that use it`,
          what: `${d.model} was downloaded ${formatCount(d.attempts)} times, ${formatDuration(perDay(ctx, d.total_ms))} of downloading a day.`,
          why: 'Jobs that wait for a model download spend GPU time idle; a model used every day can live on disk.',
          action: 'Keep the model on the machines of its pool and exclude it from cache eviction.',
          evidence: [evidence(ctx, 'download_hours_per_day', hours, 0.5, 'hours')],
          impact: {
            description: `About ${round1(hours)} machine-hours of downloads a day saved`,
            estimate: round1(hours),
            unit: 'hours per day',
            score: hoursAsJobs(ctx, hours),
          },
        };
      });
  },
};
