import { cronTable } from '../../../jobs/cronTable.ts';
import { realSteps } from '../../../jobs/realSteps.ts';
import { runDaemon } from '../../schedule/runDaemon.ts';
import type { Command } from '../Command.ts';

export const scheduleCommand: Command = {
  name: 'schedule',
  summary: 'Run the long-lived scheduler (cron table from config, report time zone).',
  usage: 'schedule',
  options: {},
  async run(context) {
    const config = context.config;
    // Held for the daemon's whole life: any other writer (or a second daemon) is refused, naming this process.
    const warehouse = await context.openWarehouse();
    try {
      return await runDaemon({
        config,
        warehouse,
        logger: context.logger,
        steps: realSteps,
        table: cronTable(config),
        now: () => context.now(),
        progress: context.progress,
        signals: process,
        exit: (code) => process.exit(code),
      });
    } finally {
      await warehouse.close();
    }
  },
};
