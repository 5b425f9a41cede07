import type { CollectSession } from '../../collect/CollectSession.ts';
import type { RedisReader } from '../../collect/RedisReader.ts';
import { FINISHED_WATERMARK } from './collectFinishedEntries.ts';
import type { EmpKeys } from './empKeys.ts';
import { LostJobHashes } from './LostJobHashes.ts';
import { scanFinishedEntries, type FinishedEntry } from './scanFinishedEntries.ts';

/**
 * In a full-scan pass (which reads job hashes, not the finished sets): checks the finished-set entries not yet
 * checked for a missing job hash, and commits what was lost as coverage gaps. Runs before the scan, so an entry
 * counted here was gone before this pass could read it.
 */
export async function countLostJobHashes(session: CollectSession, reader: RedisReader, keys: EmpKeys): Promise<void> {
  const lost = await LostJobHashes.open(session, Number(await session.checkpoint(FINISHED_WATERMARK)));
  const { scanCount, batchSize } = session.limits;
  for await (const page of scanFinishedEntries(reader, keys, scanCount)) {
    const due: FinishedEntry[] = page.filter((e) => lost.due(e));
    await lost.checkExists(reader, keys, due, batchSize);
  }
  await session.commit({ gaps: lost.gaps(), checkpoints: lost.checkpoints() });
}
