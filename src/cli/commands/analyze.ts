import packageJson from '../../../package.json' with { type: 'json' };
import { analyze } from '../../analysis/analyze.ts';
import { BundleStore } from '../../analysis/store/BundleStore.ts';
import type { Command } from '../Command.ts';
import { stopOnSignals } from '../stopOnSignals.ts';
import { writeJson } from '../writeJson.ts';

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'Compute metrics and write report bundles for closed periods without one, and the open periods.',
  usage: 'analyze [--through DATE]',
  options: {
    through: {
      type: 'string',
      valueName: 'DATE',
      description: 'Analyze as of the end of this local day (a past date writes closed periods only).',
    },
  },
  async run(context, args) {
    const { config } = context;
    const warehouse = await context.openWarehouse();
    const stop = stopOnSignals(context.logger);
    try {
      const result = await analyze({
        db: warehouse,
        store: new BundleStore(config.paths.reports),
        logger: context.logger,
        now: context.now().getTime(),
        timeZone: config.timezone,
        ...(typeof args.values.through === 'string' ? { through: args.values.through } : {}),
        targets: config.targets,
        pools: config.pools,
        version: packageJson.version,
        signal: stop.signal,
        progress: context.progress,
      });
      if (context.json) {
        writeJson(context.stdout, result);
        return;
      }
      const closed = result.written.filter((w) => w.closed);
      const open = result.written.filter((w) => !w.closed);
      const lines = [
        `Analyzed as of ${result.asOf} (${config.timezone}) in ${result.seconds.toFixed(2)} s.`,
        `Wrote ${closed.length} closed and ${open.length} open report bundle${result.written.length === 1 ? '' : 's'} under ${config.paths.reports}.`,
        ...result.written.slice(-6).map((w) => `  ${w.kind}/${w.id}${w.closed ? '' : ' (open)'}`),
        ...(result.waiting.length
          ? [`Waiting for data past the end of: ${result.waiting.map((w) => `${w.kind}/${w.id}`).join(', ')}.`]
          : []),
        ...(result.note ? [result.note] : []),
      ];
      context.stdout.write(`${lines.join('\n')}\n`);
    } catch (error) {
      if (!stop.isStop(error)) throw error;
      // Every bundle written before the signal is whole and recorded; the next run writes the rest.
      if (context.json) writeJson(context.stdout, { interrupted: stop.received() });
      else context.stdout.write(`stopped by ${stop.received()}; the next \`almanac analyze\` writes the rest\n`);
    } finally {
      await warehouse.close();
      stop.dispose();
    }
  },
};
