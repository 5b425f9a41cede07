import { Redis } from 'ioredis';
import { AlmanacError } from '../../errors/AlmanacError.ts';
import { errorMessage } from '../../errors/errorMessage.ts';
import { clearEmpKeys, hasEmpKeys } from '../../simulate/clearEmpKeys.ts';
import { parseDuration } from '../../simulate/parseDuration.ts';
import { seedOf } from '../../simulate/Prng.ts';
import { resolveEnd } from '../../simulate/resolveEnd.ts';
import { RespConnection } from '../../simulate/RespConnection.ts';
import { RespEmpSink } from '../../simulate/RespEmpSink.ts';
import { RedisEmpSink } from '../../simulate/RedisEmpSink.ts';
import { resolveSimulateUrl } from '../../simulate/resolveSimulateUrl.ts';
import { simulateLive } from '../../simulate/simulateLive.ts';
import { simulateToRedis } from '../../simulate/simulateToRedis.ts';
import { simulateToWarehouse } from '../../simulate/simulateToWarehouse.ts';
import { DEFAULT_SIM_OPTIONS, type SimOptions } from '../../simulate/SimOptions.ts';
import { empKeys } from '../../sources/emp/empKeys.ts';
import { redactUrl } from '../../util/redactUrl.ts';
import type { Command } from '../Command.ts';
import type { CommandContext } from '../CommandContext.ts';
import { writeJson } from '../writeJson.ts';

function positiveInt(value: unknown, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || n <= 0) {
    throw new AlmanacError('BadUsage', `${option} "${String(value)}" must be a positive whole number.`, {
      exitCode: 2,
    });
  }
  return n;
}

function report(context: CommandContext, summary: Record<string, unknown>, text: string): void {
  if (context.json) writeJson(context.stdout, summary);
  else context.stdout.write(`${text}\n`);
}

async function connect(url: string, reconnect = false): Promise<Redis> {
  // A one-shot command does not loop on reconnects; a live fleet rides out short outages. The socket error is
  // kept to say what went wrong.
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 2,
    retryStrategy: reconnect ? (times: number) => Math.min(times * 200, 2000) : () => null,
  });
  let socketError: unknown = null;
  redis.on('error', (error: unknown) => {
    socketError = error;
  });
  try {
    await redis.connect();
    return redis;
  } catch (error) {
    redis.disconnect();
    const reason = errorMessage(socketError ?? error).replace(/\.+$/, '');
    throw new AlmanacError('RedisUnavailable', `Cannot connect to ${redactUrl(url)}: ${reason}.`, {
      hint: 'Start Redis (e.g. `redis-server`) or pass the right --redis URL.',
      cause: error,
    });
  }
}

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'Write a deterministic simulated fleet history into Redis or the warehouse.',
  usage: 'simulate --days N --seed S [--redis URL --layout emp | --warehouse] [--end DATE]',
  options: {
    days: { type: 'string', valueName: 'N', description: `Days of history (default ${DEFAULT_SIM_OPTIONS.days}).` },
    seed: {
      type: 'string',
      valueName: 'S',
      description: 'Random seed; the same seed and --end give the same fleet (default "almanac").',
    },
    end: {
      type: 'string',
      valueName: 'DATE',
      description: 'Last simulated day in the report time zone, or an ISO instant (default: yesterday).',
    },
    redis: { type: 'string', valueName: 'URL', description: 'Write into this Redis in the emp layout.' },
    layout: { type: 'string', valueName: 'emp', description: 'Redis layout to write (emp).' },
    prefix: { type: 'string', valueName: 'P', description: 'Key prefix for every Redis key (default "").' },
    replace: { type: 'boolean', description: 'Delete existing emp keys under the prefix first (Redis), by SCAN.' },
    warehouse: { type: 'boolean', description: 'Write straight into the warehouse, as if collected all along.' },
    source: { type: 'string', valueName: 'NAME', description: 'Source name for warehouse rows (default "simulated").' },
    interval: {
      type: 'string',
      valueName: 'MIN',
      description: 'Minutes between simulated collections (snapshots) in --warehouse (default 15).',
    },
    machines: { type: 'string', valueName: 'M', description: `Fleet size (default ${DEFAULT_SIM_OPTIONS.machines}).` },
    'jobs-per-day': {
      type: 'string',
      valueName: 'J',
      description: `Average jobs per day (default ${DEFAULT_SIM_OPTIONS.jobsPerDay}).`,
    },
    live: { type: 'boolean', description: 'Keep the fleet running in real time (with --redis).' },
    rate: {
      type: 'string',
      valueName: 'R',
      description: 'Jobs submitted per second in --live mode, steady (default 2).',
    },
    duration: { type: 'string', valueName: 'D', description: 'How long --live runs, e.g. 10m (default 10m).' },
    speed: {
      type: 'string',
      valueName: 'N',
      description:
        'In --live mode, run the fleet N times faster than real time, so it finishes N times more jobs (default 1).',
    },
  },
  async run(context, args) {
    const v = args.values;
    const layout = (v['layout'] as string | undefined) ?? 'emp';
    if (layout !== 'emp') {
      throw new AlmanacError('BadUsage', `--layout ${layout} is not simulated; only the emp layout is.`, {
        hint: 'Use --layout emp.',
        exitCode: 2,
      });
    }
    const givenUrl = v['redis'] as string | undefined;
    const toWarehouse = v['warehouse'] === true;
    if ((givenUrl === undefined) === !toWarehouse) {
      throw new AlmanacError('BadUsage', 'Say where to write: either --redis URL or --warehouse.', {
        hint: 'Example: almanac simulate --warehouse --days 90 --seed 7',
        exitCode: 2,
      });
    }
    // A Sentinel URL writes to the current master; a Cluster is refused with a clear error.
    const redisUrl = givenUrl === undefined ? undefined : await resolveSimulateUrl(givenUrl);
    const base = {
      seed: seedOf((v['seed'] as string | undefined) ?? 'almanac'),
      machines: positiveInt(v['machines'], '--machines', DEFAULT_SIM_OPTIONS.machines),
      jobsPerDay: positiveInt(v['jobs-per-day'], '--jobs-per-day', DEFAULT_SIM_OPTIONS.jobsPerDay),
    };
    const prefix = (v['prefix'] as string | undefined) ?? '';
    const started = performance.now();

    if (v['live'] === true) {
      if (redisUrl === undefined) throw new AlmanacError('BadUsage', '--live needs --redis URL.', { exitCode: 2 });
      const rate = Number((v['rate'] as string | undefined) ?? '2');
      if (!(rate > 0))
        throw new AlmanacError('BadUsage', '--rate must be a positive number of jobs per second.', { exitCode: 2 });
      const durationMs = parseDuration((v['duration'] as string | undefined) ?? '10m', '--duration');
      const speed = Number((v['speed'] as string | undefined) ?? '1');
      if (!(speed >= 1))
        throw new AlmanacError('BadUsage', '--speed must be a number of 1 or more (times real time).', { exitCode: 2 });
      const redis = await connect(redisUrl, true);
      try {
        context.logger.info('live simulation started', { redis: redactUrl(redisUrl), rate, speed, durationMs });
        const cpu = process.cpuUsage();
        const s = await simulateLive({ ...base, rate, durationMs, speed }, new RedisEmpSink(redis, 1000), prefix, () =>
          context.now().getTime(),
        );
        // What the writer cost, so a load test on a shared machine can tell a slow writer from a busy machine.
        const used = process.cpuUsage(cpu);
        const cpuSeconds = Math.round((used.user + used.system) / 10_000) / 100;
        report(
          context,
          { mode: 'live', ...s, cpuSeconds },
          `Live fleet ran for ${s.seconds.toFixed(1)} s: ${s.jobs} jobs submitted, ${s.finished} finished, longest tick ${Math.round(s.maxTickMs)} ms.`,
        );
      } finally {
        redis.disconnect();
      }
      return;
    }

    const options: SimOptions = {
      ...base,
      days: positiveInt(v['days'], '--days', DEFAULT_SIM_OPTIONS.days),
      end: resolveEnd(v['end'] as string | undefined, context.now(), context.config.timezone),
    };
    if (toWarehouse) {
      const source = (v['source'] as string | undefined) ?? 'simulated';
      const interval = positiveInt(v['interval'], '--interval', 15) * 60_000;
      const warehouse = await context.openWarehouse();
      const progress = context.progress('simulate', options.days);
      try {
        const s = await simulateToWarehouse(options, warehouse, source, interval, prefix, (day) =>
          progress.update(Math.min(day + 1, options.days), `day ${day + 1}`),
        );
        progress.finish(`${s.jobs} jobs`);
        const seconds = (performance.now() - started) / 1000;
        report(
          context,
          { mode: 'warehouse', source, end: new Date(options.end).toISOString(), seconds, ...s },
          `Simulated ${options.days} days into the warehouse (source "${source}"): ${s.jobs} jobs, ${s.snapshots} snapshot rows, ${s.downloads} model downloads in ${seconds.toFixed(1)} s.`,
        );
      } finally {
        await warehouse.close();
      }
      return;
    }

    const redis = await connect(redisUrl!);
    try {
      const keys = empKeys(prefix);
      if (v['replace'] === true) {
        const deleted = await clearEmpKeys(redis, keys);
        context.logger.info('deleted existing emp keys', { deleted, prefix });
      } else if (await hasEmpKeys(redis, keys)) {
        throw new AlmanacError(
          'SimulateTargetNotEmpty',
          `${redactUrl(redisUrl!)} already holds emp keys under the prefix "${prefix}".`,
          { hint: 'Pass --replace to delete them first, or choose another --prefix.', exitCode: 2 },
        );
      }
    } finally {
      redis.disconnect();
    }
    // The bulk load uses its own write-only connection (RespConnection): a general client's per-command objects
    // and promises would make a million jobs take minutes.
    const connection = await RespConnection.open(redisUrl!);
    const progress = context.progress('simulate', options.days);
    try {
      const s = await simulateToRedis(options, new RespEmpSink(connection), prefix, (day) =>
        progress.update(Math.min(day + 1, options.days), `day ${day + 1}`),
      );
      progress.finish(`${s.jobs} jobs`);
      const seconds = (performance.now() - started) / 1000;
      report(
        context,
        { mode: 'redis', prefix, end: new Date(options.end).toISOString(), seconds, ...s },
        `Simulated ${options.days} days into ${redactUrl(redisUrl!)} (prefix "${prefix}"): ${s.jobs} jobs, ${s.commands} writes in ${seconds.toFixed(1)} s.`,
      );
    } finally {
      connection.close();
    }
  },
};
