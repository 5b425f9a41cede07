import type { Command } from '../Command.ts';
import { notYetAvailable } from '../notYetAvailable.ts';

export const backfillCommand: Command = {
  name: 'backfill',
  summary: 'Recompute and republish past periods, marking restatements.',
  usage: 'backfill --from DATE --to DATE',
  options: {
    from: { type: 'string', valueName: 'DATE', description: 'First day to recompute (YYYY-MM-DD).' },
    to: { type: 'string', valueName: 'DATE', description: 'Last day to recompute (YYYY-MM-DD).' },
    email: { type: 'boolean', description: 'Also re-send restated reports to subscribers.' },
  },
  async run() {
    notYetAvailable('backfill', 'issue #9 (scheduler)');
  },
};
