import type { CollectSession } from '../../collect/CollectSession.ts';
import type { RedisReader } from '../../collect/RedisReader.ts';
import { FINISHED_WATERMARK, WATERMARK_LAG_MS } from './collectFinishedEntries.ts';
import type { EmpKeys } from './empKeys.ts';
import { jobRowsOf } from './jobRowsOf.ts';
import { readJobRecords } from './readJobRecords.ts';
import { scanJobHashes } from './scanJobHashes.ts';

export const FULL_SCAN_CURSOR = 'full_scan_cursor';
export const FULL_SCAN_AT = 'full_scan_at';

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
 */
export async function collectFullScan(session: CollectSession, reader: RedisReader, keys: EmpKeys): Promise<void> {
  const saved = await session.checkpoint(FULL_SCAN_CURSOR);
  const from = saved !== null && saved !== 'done' ? saved : '0:0';
  const startedAt =
    saved !== null && saved !== 'done'
      ? ((await session.checkpoint('full_scan_started_at')) ?? String(session.now))
      : String(session.now);
  let batch: string[] = [];
  let committedDone = false;
  const flush = async (cursor: string, done: boolean) => {
    const { records, rejects } = await readJobRecords(reader, keys, batch, session.source, session.limits);
    batch = [];
    const checkpoints: Record<string, string> = done
      ? {
          [FULL_SCAN_CURSOR]: 'done',
          [FULL_SCAN_AT]: startedAt,
          [FINISHED_WATERMARK]: String(Math.max(0, Number(startedAt) - WATERMARK_LAG_MS)),
        }
      : { [FULL_SCAN_CURSOR]: cursor, full_scan_started_at: startedAt };
    await session.commit({ jobs: jobRowsOf(records, session.now), rejects, checkpoints });
    committedDone = done;
  };
  for await (const page of scanJobHashes(reader, keys, session.limits.scanCount, from)) {
    batch.push(...page.jobKeys);
    if (page.done || batch.length >= session.limits.unitRows) await flush(page.cursor, page.done);
  }
  if (!committedDone) await flush('done', true);
}
