import type { Command } from '../Command.ts';
import { notYetAvailable } from '../notYetAvailable.ts';

export const buildCommand: Command = {
  name: 'build',
  summary: 'Build the static site from the report bundles into dist/.',
  usage: 'build [--full]',
  options: {
    full: { type: 'boolean', description: 'Rebuild every page, not only new and restated periods.' },
  },
  async run() {
    notYetAvailable('build', 'issue #6 (static site)');
  },
};
