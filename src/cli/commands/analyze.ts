import type { Command } from '../Command.ts';
import { notYetAvailable } from '../notYetAvailable.ts';

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'Compute metrics and write report bundles for closed periods without one, and the open periods.',
  usage: 'analyze [--through DATE]',
  options: {
    through: { type: 'string', valueName: 'DATE', description: 'Analyze periods up to this date (default: now).' },
  },
  async run() {
    notYetAvailable('analyze', 'issue #5 (analysis)');
  },
};
