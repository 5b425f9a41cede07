import { realSteps } from '../../../jobs/realSteps.ts';
import { createProgress } from '../../progress/createProgress.ts';
import { formatInstant } from '../../schedule/formatInstant.ts';
import { checkBackfillRange, runBackfill } from '../../schedule/runBackfill.ts';
import type { Command } from '../Command.ts';
import { writeJson } from '../writeJson.ts';

export const backfillCommand: Command = {
  name: 'backfill',
  summary: 'Recompute and republish past periods, marking restatements.',
  usage: 'backfill --from DATE --to DATE',
  options: {
    from: { type: 'string', valueName: 'DATE', description: 'First day to recompute (YYYY-MM-DD).' },
    to: { type: 'string', valueName: 'DATE', description: 'Last day to recompute (YYYY-MM-DD).' },
    email: { type: 'boolean', description: 'Also re-send restated reports to subscribers.' },
  },
  async run(context, args) {
    const config = context.config;
    const from = args.values.from as string | undefined;
    const to = args.values.to as string | undefined;
    checkBackfillRange(from, to, formatInstant(context.now(), config.timezone).slice(0, 10));
    const warehouse = await context.openWarehouse();
    try {
      const result = await runBackfill({
        config,
        warehouse,
        logger: context.logger,
        now: () => context.now(),
        steps: realSteps,
        progress: createProgress({ stream: process.stderr, logger: context.logger }),
        signal: new AbortController().signal,
        from: from!,
        to: to!,
        email: args.values.email === true,
      });
      if (context.json) writeJson(context.stdout, { ok: true, from, to, ...result });
      else context.stdout.write(`Backfill ${from} to ${to} done.\n`);
    } finally {
      await warehouse.close();
    }
  },
};
