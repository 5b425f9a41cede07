import type { Command } from '../Command.ts';
import { notYetAvailable } from '../notYetAvailable.ts';

export const deliverCommand: Command = {
  name: 'deliver',
  summary: 'Email due reports to their subscribers and record each delivery.',
  usage: 'deliver [--dry-run] [--resend KIND:ID]',
  options: {
    'dry-run': { type: 'boolean', description: 'Write .eml files to data/outbox/ instead of sending.' },
    resend: { type: 'string', valueName: 'KIND:ID', description: 'Send this report again on purpose.' },
  },
  async run() {
    notYetAvailable('deliver', 'issue #8 (email delivery)');
  },
};
