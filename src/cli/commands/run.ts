import type { Command } from '../Command.ts';
import { notYetAvailable } from '../notYetAvailable.ts';

export const runCommand: Command = {
  name: 'run',
  summary: 'Collect, analyze, build, pdf and deliver once, in order (for system cron).',
  usage: 'run',
  options: {},
  async run() {
    notYetAvailable('run', 'issue #9 (scheduler)');
  },
};
