import type { CollectSession } from '../../collect/CollectSession.ts';
import type { RedisReader } from '../../collect/RedisReader.ts';
import type { BullmqKeys } from './bullmqKeys.ts';
import { buildJobRows } from './buildJobRows.ts';
import { emptyFacts } from './JobFacts.ts';

/** Finished jobs younger than this are left for the next pass: worker clocks drift and writes are not atomic. */
export const SAFETY_LAG_MS = 5_000;

export const finishedCheckpoint = (queue: string, set: 'completed' | 'failed') => `${set}:${queue}`;

/**
 * The second path to finished jobs (redis-bullmq.md §1.6.2): the `completed`/`failed` ZSET (score = finish ms)
 * from the saved watermark up to now − safety lag. It recovers jobs whose events were trimmed but whose hashes
 * retention kept; re-reading a job the stream already delivered changes nothing.
 */
export async function collectFinishedSet(
  session: CollectSession,
  reader: RedisReader,
  keys: BullmqKeys,
  set: 'completed' | 'failed',
): Promise<void> {
  const name = finishedCheckpoint(keys.queue, set);
  const saved = Number(await session.checkpoint(name));
  let low = Number.isFinite(saved) && saved > 0 ? saved : 0;
  const high = session.now - SAFETY_LAG_MS;
  const key = set === 'completed' ? keys.completed : keys.failed;
  const page = session.limits.batchSize;
  let lowInclusive = false;
  const seenAtLow = new Set<string>();
  while (low <= high) {
    const flat = await reader.call<string[]>(
      'zrangebyscore',
      key,
      lowInclusive ? String(low) : `(${low}`,
      String(high),
      'WITHSCORES',
      'LIMIT',
      0,
      page,
    );
    if (!Array.isArray(flat) || flat.length === 0) break;
    const ids: string[] = [];
    let top = low;
    for (let i = 0; i + 1 < flat.length; i += 2) {
      const id = String(flat[i]);
      const score = Number(flat[i + 1]);
      if (!Number.isFinite(score)) continue;
      if (score === low && seenAtLow.has(id)) continue;
      ids.push(id);
      if (score > top) top = score;
    }
    const facts = ids.map((id) => ({ ...emptyFacts(id), status: set }));
    const built = await buildJobRows(session, reader, keys, facts);
    await session.commit({ jobs: built.jobs, rejects: built.rejects, checkpoints: { [name]: String(top) } });
    if (flat.length < page * 2) break;
    // Page by score; ids sharing the boundary score are kept in a set so none is skipped or read twice.
    if (top !== low) seenAtLow.clear();
    for (let i = 0; i + 1 < flat.length; i += 2) if (Number(flat[i + 1]) === top) seenAtLow.add(String(flat[i]));
    low = top;
    lowInclusive = true;
    if (ids.length === 0) break;
  }
}
