import { realSteps } from '../../../jobs/realSteps.ts';
import { formatInstant } from '../../schedule/formatInstant.ts';
import { checkBackfillRange, runBackfill } from '../../schedule/runBackfill.ts';
import { isPartialFailure, type PartialFailure } from '../../schedule/PartialFailure.ts';
import type { StepSummary } from '../../schedule/Steps.ts';
import type { Command } from '../Command.ts';
import { stopOnSignals } from '../stopOnSignals.ts';
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
    const stop = stopOnSignals(context.logger);
    let result: Record<string, StepSummary>;
    let partial: PartialFailure | null = null;
    try {
      result = await runBackfill({
        config,
        warehouse,
        logger: context.logger,
        now: () => context.now(),
        steps: realSteps,
        progress: context.progress,
        signal: stop.signal,
        from: from!,
        to: to!,
        email: args.values.email === true,
      });
    } catch (error) {
      if (stop.isStop(error)) {
        // What was written before the signal is whole; running the same backfill again finishes it.
        if (context.json) writeJson(context.stdout, { ok: false, from, to, interrupted: stop.received() });
        else context.stdout.write(`Backfill ${from} to ${to} stopped by ${stop.received()}; run it again to finish.\n`);
        return 0;
      }
      // Some PDFs failed their gate: the restatements are published all the same; say what happened, then fail.
      if (!isPartialFailure(error)) throw error;
      partial = error;
      result = error.summary as Record<string, StepSummary>;
    } finally {
      await warehouse.close();
      stop.dispose();
    }
    if (context.json) writeJson(context.stdout, { ok: partial === null, from, to, ...result });
    else {
      const written = (result.analyze?.written as string[] | undefined) ?? [];
      const restated = written.filter((w) => w.includes('(revision'));
      context.stdout.write(
        `Backfill ${from} to ${to}: ${restated.length} report${restated.length === 1 ? '' : 's'} restated` +
          (restated.length ? `: ${restated.join(', ')}` : ' (no figures changed)') +
          '.\n',
      );
    }
    if (partial) throw partial;
  },
};
