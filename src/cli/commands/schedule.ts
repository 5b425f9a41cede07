import type { Command } from '../Command.ts';
import { notYetAvailable } from '../notYetAvailable.ts';

export const scheduleCommand: Command = {
  name: 'schedule',
  summary: 'Run the long-lived scheduler (cron table from config, report time zone).',
  usage: 'schedule',
  options: {},
  async run() {
    notYetAvailable('schedule', 'issue #9 (scheduler)');
  },
};
