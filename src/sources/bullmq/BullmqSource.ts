import type { CollectSession } from '../../collect/CollectSession.ts';
import type { QueueSnapshotRow, WorkerSnapshotRow } from '../../collect/CollectUnit.ts';
import type { RedisReader } from '../../collect/RedisReader.ts';
import type { Source } from '../../collect/Source.ts';
import { isAlmanacError } from '../../errors/AlmanacError.ts';
import { errorMessage } from '../../errors/errorMessage.ts';
import { accountMissedJobs, type MetricsCounts } from './accountMissedJobs.ts';
import { bullmqKeys, type BullmqKeys } from './bullmqKeys.ts';
import { collectEvents } from './collectEvents.ts';
import { collectFinishedSet } from './collectFinishedSet.ts';
import { discoverQueues } from './discoverQueues.ts';
import { parseClientList } from './parseClientList.ts';
import { readQueueSnapshot } from './readQueueSnapshot.ts';

export interface BullmqSourceOptions {
  name: string;
  reader: RedisReader;
  /** The BullMQ key prefix ("bull" by default). */
  prefix: string;
  /** Queues to collect; empty means every queue found by its meta key. */
  queues: readonly string[];
}

/**
 * BullMQ (redis-bullmq.md §1.6): per queue, the events stream from the saved id, then the completed/failed sets
 * from their watermarks, enriched from job hashes while they exist; losses measured against the metrics counters.
 * The snapshot (state sizes, workers) is committed last, so a failed pass leaves no snapshot behind.
 */
export class BullmqSource implements Source {
  readonly layout = 'bullmq' as const;
  readonly name: string;
  private readonly options: BullmqSourceOptions;

  constructor(options: BullmqSourceOptions) {
    this.name = options.name;
    this.options = options;
  }

  async collect(session: CollectSession, signal?: AbortSignal): Promise<void> {
    const { reader, prefix } = this.options;
    const queues = await discoverQueues(reader, prefix, session.limits.scanCount, this.options.queues);
    const snapshots: QueueSnapshotRow[] = [];
    for (const queue of queues) {
      signal?.throwIfAborted();
      const keys = bullmqKeys(prefix, queue);
      // Counters first: anything finishing while the history is read then shows up as seen, never as missed.
      const metrics = await readMetrics(reader, keys);
      snapshots.push(await readQueueSnapshot(reader, keys, session.now));
      await collectEvents(session, reader, keys);
      await collectFinishedSet(session, reader, keys, 'completed');
      await collectFinishedSet(session, reader, keys, 'failed');
      await accountMissedJobs(session, queue, metrics);
    }
    signal?.throwIfAborted();
    const workers = await this.readWorkers(session, new Set(queues));
    await session.commit({ snapshot: { queues: snapshots, workers, machines: [] } });
  }

  private async readWorkers(session: CollectSession, queues: ReadonlySet<string>): Promise<WorkerSnapshotRow[]> {
    if (queues.size === 0) return [];
    try {
      // On a Cluster each master lists its own connections; like BullMQ's getWorkers, take for each queue the
      // node where most of its workers are seen (a worker blocks on the node holding its queue's hash slot).
      const lists = (await this.options.reader.callEach<string>('client', 'LIST')).map(String);
      return [...queues].flatMap((queue) =>
        lists
          .map((text) => parseClientList(text, this.options.prefix, new Set([queue])))
          .reduce((best, rows) => (rows.length > best.length ? rows : best), []),
      );
    } catch (error) {
      if (isAlmanacError(error) && (error.code === 'RedisConnectionLost' || error.code === 'RedisTimeout')) throw error;
      // Managed Redis services often forbid CLIENT LIST; workers are then simply not in the snapshot.
      session.logger.warn('cannot list BullMQ workers (CLIENT LIST refused)', { error: errorMessage(error) });
      return [];
    }
  }
}

async function readMetrics(reader: RedisReader, keys: BullmqKeys): Promise<MetricsCounts> {
  const [completed, failed] = await reader.batch([
    ['hget', keys.metricsCompleted, 'count'],
    ['hget', keys.metricsFailed, 'count'],
  ]);
  const value = (r: typeof completed) =>
    r && !r.error && typeof r.value === 'string' && /^\d{1,15}$/.test(r.value) ? Number(r.value) : null;
  return { completed: value(completed), failed: value(failed) };
}
