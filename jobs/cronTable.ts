import type { Config } from '../src/config/Config.ts';
import type { ScheduledJob } from '../src/schedule/Job.ts';
import { collectJob } from './collect.ts';
import { deliverJob } from './deliver.ts';
import { publishJob } from './publish.ts';

/**
 * The schedule, from `config.schedule`: cron expressions are read in the report time zone (`config.timezone`),
 * so "0 6 * * *" means 06:00 where the reports' days begin, whatever the host's zone.
 */
export function cronTable(config: Config): ScheduledJob[] {
  const minutes = config.schedule.timeoutMinutes;
  return [
    {
      job: collectJob,
      cron: config.schedule.collect,
      after: null,
      onStart: 'always',
      timeoutMs: minutes.collect * 60_000,
    },
    {
      job: publishJob,
      cron: config.schedule.publish,
      after: null,
      onStart: 'if-missed',
      timeoutMs: minutes.publish * 60_000,
    },
    { job: deliverJob, cron: null, after: 'publish', onStart: 'never', timeoutMs: minutes.deliver * 60_000 },
  ];
}
