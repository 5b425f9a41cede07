import type { CollectSession } from '../../collect/CollectSession.ts';
import type { RejectRow } from '../../collect/CollectUnit.ts';
import type { RedisReader } from '../../collect/RedisReader.ts';
import type { JobRecord } from './JobRecord.ts';
import { FINISHED_WATERMARK, WATERMARK_LAG_MS } from './collectFinishedEntries.ts';
import type { EmpKeys } from './empKeys.ts';
import { jobRowsOf } from './jobRowsOf.ts';
import { readJobRecords } from './readJobRecords.ts';
import { scanJobAndMachineKeys } from './scanJobAndMachineKeys.ts';

export const FULL_SCAN_CURSOR = 'full_scan_cursor';
export const FULL_SCAN_AT = 'full_scan_at';
const FULL_SCAN_STARTED_AT = 'full_scan_started_at';
const FULL_SCAN_SERVER = 'full_scan_server';
/** HGETALL pipelines in flight during a full scan: hides the round trip without flooding Redis. */
const MAX_READS_IN_FLIGHT = 3;

/** Whether this pass owes a full scan: never done, interrupted, or older than the configured interval. */
export async function fullScanDue(session: CollectSession, intervalMinutes: number): Promise<boolean> {
  const cursor = await session.checkpoint(FULL_SCAN_CURSOR);
  if (cursor !== null && cursor !== 'done') return true;
  const at = Number(await session.checkpoint(FULL_SCAN_AT));
  return !(Number.isFinite(at) && at > 0 && session.now - at < intervalMinutes * 60_000);
}

/**
 * Every `job:*` hash (they never expire), so history survives collector outages longer than the finished sets'
 * TTLs. Streams in units of `unitRows` jobs, each committed with the SCAN cursor reached: memory stays flat, and
 * a killed pass resumes from the last committed cursor. Completing it moves the finished-set watermark to the
 * pass start, since everything finished before then has been read.
 *
 * Returns the machine info keys the same walk met (readEmpSnapshot reads them), or null when this pass resumed an
 * interrupted scan and so did not walk the whole keyspace.
 */
export async function collectFullScan(
  session: CollectSession,
  reader: RedisReader,
  keys: EmpKeys,
  signal?: AbortSignal,
): Promise<string[] | null> {
  const saved = await session.checkpoint(FULL_SCAN_CURSOR);
  // A SCAN cursor only means something to the server instance that issued it: after a restart or failover the
  // rebuilt hash table orders keys differently and resuming would skip some. Resume only on the same run_id.
  const server = await serverRunId(reader);
  const sameServer = server !== null && (await session.checkpoint(FULL_SCAN_SERVER)) === server;
  const resuming = saved !== null && saved !== 'done' && sameServer;
  const from = resuming ? saved : '0:0';
  const startedAt = resuming
    ? ((await session.checkpoint(FULL_SCAN_STARTED_AT)) ?? String(session.now))
    : String(session.now);
  const { batchSize, unitRows } = session.limits;

  // Reads overlap: several HGETALL pipelines in flight while the next SCAN page is requested, and the previous
  // unit's commit (on DuckDB's threads) while the next unit is read. A unit is committed only once every read of
  // the pages its cursor covers has landed, so the cursor never runs ahead of the rows.
  const reads: Promise<Awaited<ReturnType<typeof readJobRecords>>>[] = [];
  const machineInfoKeys: string[] = [];
  let records: JobRecord[] = [];
  let rejects: RejectRow[] = [];
  let commit: Promise<unknown> = Promise.resolve();
  const land = async (keep: number) => {
    while (reads.length > keep) {
      const read = await reads.shift()!;
      for (const r of read.records) records.push(r);
      for (const r of read.rejects) rejects.push(r);
    }
  };
  const flush = async (checkpoints: Record<string, string>) => {
    await land(0);
    const unit = { jobs: jobRowsOf(records, session.now), rejects, checkpoints };
    records = [];
    rejects = [];
    await commit;
    commit = session.commit(unit);
    commit.catch(() => undefined); // awaited later; see the reads below
  };
  try {
    for await (const page of scanJobAndMachineKeys(reader, keys, session.limits.scanCount, from)) {
      // Stopping: the unit in flight commits (finally below); what was read since is read again from its cursor.
      signal?.throwIfAborted();
      for (const key of page.machineInfoKeys) machineInfoKeys.push(key);
      for (let i = 0; i < page.jobKeys.length; i += batchSize) {
        const read = readJobRecords(reader, keys, page.jobKeys.slice(i, i + batchSize), session.source, session.limits);
        // Awaited in order by land(), but a later read can fail first (reads span the bulk and the main
        // connection) while the pass awaits a SCAN page: marked handled now, so that failure is not an unhandled
        // rejection ending the process; land() or the finally below still sees it.
        read.catch(() => undefined);
        reads.push(read);
      }
      await land(MAX_READS_IN_FLIGHT);
      if (page.done) break;
      if (records.length + reads.length * batchSize >= unitRows) {
        await flush({
          [FULL_SCAN_CURSOR]: page.cursor,
          [FULL_SCAN_STARTED_AT]: startedAt,
          [FULL_SCAN_SERVER]: server ?? '',
        });
      }
    }
    await flush({
      [FULL_SCAN_CURSOR]: 'done',
      [FULL_SCAN_AT]: startedAt,
      [FINISHED_WATERMARK]: String(Math.max(0, Number(startedAt) - WATERMARK_LAG_MS)),
    });
  } finally {
    // Never leave a transaction running behind a failure: the caller records the run only after it settles.
    await Promise.allSettled([commit, ...reads]);
  }
  await commit;
  return resuming ? null : machineInfoKeys;
}

async function serverRunId(reader: RedisReader): Promise<string | null> {
  const info = await reader.call<string>('info', 'server');
  return /run_id:([0-9a-f]+)/.exec(String(info))?.[1] ?? null;
}
