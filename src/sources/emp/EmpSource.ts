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
 * emp-job-queue (redis-emp.md §12). Each pass: machines and workers; the unfinished jobs (pending set, the
 * workers' active hashes) with the queue snapshot; recent finished jobs through `jobs:completed`/`jobs:failed` and a watermark, or, on the first pass,
 * after an interruption and every `fullScanMinutes`, a full SCAN of `job:*`; either way, finished-set entries whose
 * job hash is gone become coverage gaps; model downloads from `telemetry:events`; the snapshot is committed last,
 * so a failed pass leaves none.
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
    const { machines, workers, rejects } = await readEmpSnapshot(session, reader, keys);
    const queues = await readLiveJobs(
      session,
      reader,
      keys,
      workers.map((w) => w.worker_id),
    );
    signal?.throwIfAborted();
    if (await fullScanDue(session, this.options.fullScanMinutes)) {
      await countLostJobHashes(session, reader, keys);
      await collectFullScan(session, reader, keys, signal);
    } else await collectFinishedEntries(session, reader, keys);
    signal?.throwIfAborted();
    await collectTelemetry(session, reader, keys);
    signal?.throwIfAborted();
    await session.commit({ snapshot: { queues, workers, machines }, rejects });
  }
}
