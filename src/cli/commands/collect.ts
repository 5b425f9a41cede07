import type { Command } from '../Command.ts';
import { notYetAvailable } from '../notYetAvailable.ts';

export const collectCommand: Command = {
  name: 'collect',
  summary: 'Snapshot each source (queues, workers, machines) and copy new job history into the warehouse.',
  usage: 'collect [--source NAME] [--redis URL --layout emp|bullmq]',
  options: {
    source: { type: 'string', valueName: 'NAME', description: 'Collect only this configured source.' },
    redis: {
      type: 'string',
      valueName: 'URL',
      description: 'Collect from this Redis instead of the configured sources.',
    },
    layout: { type: 'string', valueName: 'emp|bullmq', description: 'Layout of --redis (default emp).' },
    prefix: { type: 'string', valueName: 'PREFIX', description: 'Key prefix of --redis.' },
  },
  async run() {
    notYetAvailable('collect', 'issue #4 (collector)');
  },
};
