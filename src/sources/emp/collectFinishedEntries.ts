import type { CollectSession } from '../../collect/CollectSession.ts';
import type { RedisReader } from '../../collect/RedisReader.ts';
import type { EmpKeys } from './empKeys.ts';
import { jobRowsOf } from './jobRowsOf.ts';
import { LostJobHashes } from './LostJobHashes.ts';
import { readJobRecords } from './readJobRecords.ts';
import { scanFinishedEntries, type FinishedEntry } from './scanFinishedEntries.ts';

export const FINISHED_WATERMARK = 'finished_watermark';
/** Entries this much older than the watermark are read again: worker clocks drift and HSETs are not atomic. */
export const WATERMARK_LAG_MS = 60_000;

/**
 * The cheap path to recent history (redis-emp.md §2): `jobs:completed` (kept a day) and `jobs:failed` (a week)
 * name the steps that finished; only those newer than the watermark have their job hash read. An entry whose hash
 * is gone is lost history, counted as a coverage gap (LostJobHashes). The watermark, the gaps and the check's
 * checkpoint go in the last unit, so a crash re-reads (idempotently) rather than skips.
 */
export async function collectFinishedEntries(
  session: CollectSession,
  reader: RedisReader,
  keys: EmpKeys,
): Promise<void> {
  const saved = Number(await session.checkpoint(FINISHED_WATERMARK));
  const since = Number.isFinite(saved) && saved > 0 ? saved - WATERMARK_LAG_MS : 0;
  let watermark = Number.isFinite(saved) && saved > 0 ? saved : 0;
  const lost = await LostJobHashes.open(session, saved);
  let pending: FinishedEntry[] = [];
  let unread: FinishedEntry[] = [];
  const flush = async (last: boolean) => {
    const jobKeys = pending.map((e) => keys.job(e.id));
    const { records, rejects } = await readJobRecords(reader, keys, jobKeys, session.source, session.limits);
    // A hash read back (decoded or rejected) exists; the due entries that read back nothing are checked again.
    const read = new Set([...records.map((r) => keys.job(r.jobId)), ...rejects.map((r) => r.key)]);
    for (const e of pending) {
      if (!lost.due(e)) continue;
      if (read.has(keys.job(e.id))) lost.checked(e, true);
      else unread.push(e);
    }
    pending = [];
    await lost.checkExists(reader, keys, unread, session.limits.batchSize);
    unread = [];
    await session.commit({
      jobs: jobRowsOf(records, session.now),
      rejects,
      ...(last
        ? { gaps: lost.gaps(), checkpoints: { [FINISHED_WATERMARK]: String(watermark), ...lost.checkpoints() } }
        : {}),
    });
  };
  for await (const page of scanFinishedEntries(reader, keys, session.limits.scanCount)) {
    for (const entry of page) {
      const at = entry.at;
      // An entry without a readable time is read anyway: the job hash is the authority.
      if (at !== null && at < since) {
        // Older than the read window but not yet checked (a warehouse upgraded mid-history): check it exists.
        if (lost.due(entry)) unread.push(entry);
        continue;
      }
      if (at !== null && at <= session.now) watermark = Math.max(watermark, at);
      pending.push(entry);
    }
    if (pending.length + unread.length >= session.limits.unitRows) await flush(false);
  }
  await flush(true);
}
