import type { CollectSession } from '../../collect/CollectSession.ts';
import type { RedisReader } from '../../collect/RedisReader.ts';
import type { EmpKeys } from './empKeys.ts';
import { jobRowsOf } from './jobRowsOf.ts';
import { parseEmpTime } from './parseEmpTime.ts';
import { isRecord, parseJsonSafely } from './parseJsonSafely.ts';
import { readJobRecords } from './readJobRecords.ts';

export const FINISHED_WATERMARK = 'finished_watermark';
/** Entries this much older than the watermark are read again: worker clocks drift and HSETs are not atomic. */
export const WATERMARK_LAG_MS = 60_000;

/**
 * The cheap path to recent history (redis-emp.md §2): `jobs:completed` (kept a day) and `jobs:failed` (a week)
 * name the steps that finished; only those newer than the watermark have their job hash read. The watermark
 * advances in the last unit, so a crash re-reads (idempotently) rather than skips.
 */
export async function collectFinishedEntries(
  session: CollectSession,
  reader: RedisReader,
  keys: EmpKeys,
): Promise<void> {
  const saved = Number(await session.checkpoint(FINISHED_WATERMARK));
  const since = Number.isFinite(saved) && saved > 0 ? saved - WATERMARK_LAG_MS : 0;
  let watermark = Number.isFinite(saved) && saved > 0 ? saved : 0;
  let pending: string[] = [];
  const flush = async (checkpoints?: Record<string, string>) => {
    const { records, rejects } = await readJobRecords(reader, keys, pending, session.source, session.limits);
    pending = [];
    await session.commit({ jobs: jobRowsOf(records, session.now), rejects, ...(checkpoints ? { checkpoints } : {}) });
  };
  for (const [key, field] of [
    [keys.completed, 'completed_at'],
    [keys.failed, 'failed_at'],
  ] as const) {
    for await (const flat of reader.hscan(key, session.limits.scanCount)) {
      for (let i = 0; i + 1 < flat.length; i += 2) {
        const value = parseJsonSafely(flat[i + 1]);
        const at = isRecord(value) && typeof value[field] === 'string' ? parseEmpTime(value[field]) : null;
        // An entry without a readable time is read anyway: the job hash is the authority.
        if (at !== null && at < since) continue;
        if (at !== null && at <= session.now) watermark = Math.max(watermark, at);
        pending.push(keys.job(flat[i]!));
      }
      if (pending.length >= session.limits.unitRows) await flush();
    }
  }
  await flush({ [FINISHED_WATERMARK]: String(watermark) });
}
