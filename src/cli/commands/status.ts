import { cronTable } from '../../../jobs/cronTable.ts';
import { formatStatus } from '../../schedule/formatStatus.ts';
import { readStatus } from '../../schedule/readStatus.ts';
import type { Command } from '../Command.ts';
import { writeJson } from '../writeJson.ts';

export const statusCommand: Command = {
  name: 'status',
  summary: 'Show the last and next run of each job, failures, collection lag and warehouse size.',
  usage: 'status',
  options: {},
  async run(context) {
    const config = context.config;
    const { report, notes } = await readStatus(config, cronTable(config), context.now());
    if (context.json) writeJson(context.stdout, { ...report, notes });
    else context.stdout.write(formatStatus(report, notes));
  },
};
