import type { Command } from '../Command.ts';
import { notYetAvailable } from '../notYetAvailable.ts';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Simulate 90 days, analyze, build the site and PDFs with no services; print where to look.',
  usage: 'demo',
  options: {},
  async run() {
    notYetAvailable('demo', 'issue #9 (scheduler and operations)');
  },
};
