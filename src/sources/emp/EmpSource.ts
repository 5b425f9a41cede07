import type { CollectSession } from '../../collect/CollectSession.ts';
import type { RedisReader } from '../../collect/RedisReader.ts';
import type { Source } from '../../collect/Source.ts';
import { collectFinishedEntries } from './collectFinishedEntries.ts';
import { collectFullScan, fullScanDue } from './collectFullScan.ts';
import { collectTelemetry } from './collectTelemetry.ts';
import { countLostJobHashes } from './countLostJobHashes.ts';
import { empKeys } from './empKeys.ts';
import { readEmpSnapshot } from './readEmpSnapshot.ts';
import { readLiveJobs } from './readLiveJobs.ts';

export interface EmpSourceOptions {
  name: string;
  reader: RedisReader;
  /** Prepended to every key ("" in production). */
  prefix: string;
  /** Minutes between full SCANs of `job:*`. */
  fullScanMinutes: number;
}

/**
 * emp-job-queue (redis-emp.md §12). Each pass: recent finished jobs through `jobs:completed`/`jobs:failed` and a
 * watermark, or, on the first pass, after an interruption and every `fullScanMinutes`, a full SCAN of `job:*`;
 * either way, finished-set entries whose job hash is gone become coverage gaps. Then machines and workers; the
 * unfinished jobs (pending set, the workers' active hashes) with the queue snapshot; model downloads from
 * `telemetry:events`. History comes first so that a full scan's walk of the keyspace also finds the machines, and
 * the live jobs, read after it, leave their latest state. The snapshot is committed last, so a failed pass leaves
 * none.
 */
export class EmpSource implements Source {
  readonly layout = 'emp' as const;
  readonly name: string;
  private readonly options: EmpSourceOptions;

  constructor(options: EmpSourceOptions) {
    this.name = options.name;
    this.options = options;
  }

  async collect(session: CollectSession, signal?: AbortSignal): Promise<void> {
    const { reader } = this.options;
    const keys = empKeys(this.options.prefix);
    let machineInfoKeys: string[] | null = null;
    if (await fullScanDue(session, this.options.fullScanMinutes)) {
      await countLostJobHashes(session, reader, keys);
      machineInfoKeys = await collectFullScan(session, reader, keys, signal);
    } else await collectFinishedEntries(session, reader, keys);
    signal?.throwIfAborted();
    const { machines, workers, rejects } = await readEmpSnapshot(session, reader, keys, machineInfoKeys);
    const queues = await readLiveJobs(
      session,
      reader,
      keys,
      workers.map((w) => w.worker_id),
    );
    signal?.throwIfAborted();
    await collectTelemetry(session, reader, keys);
    signal?.throwIfAborted();
    await session.commit({ snapshot: { queues, workers, machines }, rejects });
  }
}
