import type { Command } from '../Command.ts';
import { notYetAvailable } from '../notYetAvailable.ts';

export const statusCommand: Command = {
  name: 'status',
  summary: 'Show the last and next run of each job, failures, collection lag and warehouse size.',
  usage: 'status',
  options: {},
  async run() {
    notYetAvailable('status', 'issue #9 (scheduler)');
  },
};
