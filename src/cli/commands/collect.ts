import { collectAll, collectLimits } from '../../collect/collectAll.ts';
import type { CollectSummary } from '../../collect/CollectSummary.ts';
import type { SourceConfig } from '../../config/Config.ts';
import { AlmanacError, isAlmanacError } from '../../errors/AlmanacError.ts';
import { errorMessage } from '../../errors/errorMessage.ts';
import { REDIS_URL_FORMS, redisUrlProblem } from '../../redis/parseRedisUrl.ts';
import { redactSecretsIn } from '../../util/redactUrl.ts';
import type { Command, CommandArgs } from '../Command.ts';
import type { CommandContext } from '../CommandContext.ts';
import { stopOnSignals } from '../stopOnSignals.ts';
import { writeJson } from '../writeJson.ts';

export const collectCommand: Command = {
  name: 'collect',
  summary: 'Snapshot each source (queues, workers, machines) and copy new job history into the warehouse.',
  usage: 'collect [--source NAME] [--redis URL --layout emp|bullmq [--prefix PREFIX]]',
  options: {
    source: {
      type: 'string',
      valueName: 'NAME',
      description: 'Collect only this configured source (with --redis: the name to store rows under).',
    },
    redis: {
      type: 'string',
      valueName: 'URL',
      description: 'Collect from this Redis instead of the configured sources.',
    },
    layout: { type: 'string', valueName: 'emp|bullmq', description: 'Layout of --redis (default emp).' },
    prefix: {
      type: 'string',
      valueName: 'PREFIX',
      description: 'Key prefix of --redis (default "" for emp, "bull" for bullmq).',
    },
  },
  async run(context, args) {
    const sources = chooseSources(context, args);
    const warehouse = await context.openWarehouse();
    const stop = stopOnSignals(context.logger);
    let result;
    try {
      result = await collectAll({
        warehouse,
        sources,
        limits: collectLimits(context.config),
        logger: context.logger,
        now: () => context.now().getTime(),
        signal: stop.signal,
      });
    } finally {
      await warehouse.close();
      stop.dispose();
    }
    // Stopped by a signal at a unit boundary: not a failure; the next pass resumes from the committed checkpoints.
    const stoppedBy = stop.isStop(result.error) ? stop.received() : null;
    const failure = stoppedBy ? undefined : result.error;
    if (context.json) {
      writeJson(context.stdout, {
        ok: failure === undefined,
        ...(stoppedBy ? { interrupted: stoppedBy } : {}),
        sources: result.summaries,
        ...(failure === undefined ? {} : { error: describe(failure) }),
      });
    } else {
      context.stdout.write(result.summaries.map(formatSummary).join(''));
      if (stoppedBy) {
        context.stdout.write(`stopped by ${stoppedBy}; the next collection carries on from the last committed unit\n`);
      }
      if (failure !== undefined) {
        const d = describe(failure);
        context.stdout.write(`error[${d.code}]: ${d.message}\n${d.hint ? `hint: ${d.hint}\n` : ''}`);
      }
    }
    return failure === undefined ? 0 : isAlmanacError(failure) ? failure.exitCode : 1;
  },
};

function chooseSources(context: CommandContext, args: CommandArgs): SourceConfig[] {
  const { redis, layout, prefix, source } = args.values;
  if (typeof redis === 'string') {
    const problem = redisUrlProblem(redis);
    if (problem !== null) {
      throw new AlmanacError('BadUsage', `--redis needs a Redis URL: ${problem}.`, {
        hint: REDIS_URL_FORMS,
        exitCode: 2,
      });
    }
    if (layout !== undefined && layout !== 'emp' && layout !== 'bullmq') {
      throw new AlmanacError('BadUsage', `--layout must be emp or bullmq, not "${String(layout)}".`, { exitCode: 2 });
    }
    const chosen = layout === 'bullmq' ? 'bullmq' : 'emp';
    return [
      {
        name: typeof source === 'string' ? source : chosen,
        layout: chosen,
        redisUrl: redis,
        prefix: typeof prefix === 'string' ? prefix : chosen === 'bullmq' ? 'bull' : '',
        queues: [],
        fullScanMinutes: 360,
      },
    ];
  }
  if (layout !== undefined || prefix !== undefined) {
    throw new AlmanacError('BadUsage', '--layout and --prefix only apply with --redis.', {
      hint: 'Configured sources carry their own layout and prefix in almanac.config.json.',
      exitCode: 2,
    });
  }
  const configured = context.config.sources;
  if (configured.length === 0) {
    throw new AlmanacError('NoSources', 'There is no source to collect from.', {
      hint: 'Add "sources" to almanac.config.json, set REDIS_URL, or pass --redis URL --layout emp|bullmq.',
      exitCode: 2,
    });
  }
  if (typeof source !== 'string') return configured;
  const found = configured.filter((s) => s.name === source);
  if (found.length === 0) {
    throw new AlmanacError('UnknownSource', `There is no configured source named "${source}".`, {
      hint: `The configured sources are: ${configured.map((s) => s.name).join(', ')}.`,
      exitCode: 2,
    });
  }
  return found;
}

function describe(error: unknown): { code: string; message: string; hint: string | null } {
  if (isAlmanacError(error)) {
    return { code: error.code, message: redactSecretsIn(error.message), hint: error.hint ?? null };
  }
  return { code: 'Unexpected', message: redactSecretsIn(errorMessage(error)), hint: null };
}

function formatSummary(s: CollectSummary): string {
  const head = `${s.source} (${s.layout}): ${s.status === 'ok' ? 'ok' : 'FAILED'} in ${s.seconds.toFixed(1)} s`;
  return (
    `${head}: ${s.jobsNew} new jobs, ${s.jobsUpdated} updated, ${s.snapshots} snapshot rows, ` +
    `${s.modelDownloads} model downloads, ${s.rejects} rejects, ${s.gaps} coverage gaps\n`
  );
}
