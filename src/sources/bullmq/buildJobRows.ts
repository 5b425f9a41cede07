import type { CollectSession } from '../../collect/CollectSession.ts';
import type { JobRow, RejectRow } from '../../collect/CollectUnit.ts';
import type { RedisReader } from '../../collect/RedisReader.ts';
import type { BullmqKeys } from './bullmqKeys.ts';
import { decodeBullmqJobHash } from './decodeBullmqJobHash.ts';
import type { JobFacts } from './JobFacts.ts';
import { mergeJob } from './mergeJob.ts';

/**
 * Turns this pass's facts about some jobs into rows: reads each job hash while it still exists (bounded
 * pipelines), merges with what the warehouse already holds, and quarantines hashes that do not decode.
 */
export async function buildJobRows(
  session: CollectSession,
  reader: RedisReader,
  keys: BullmqKeys,
  facts: readonly JobFacts[],
): Promise<{ jobs: JobRow[]; rejects: RejectRow[] }> {
  const jobs: JobRow[] = [];
  const rejects: RejectRow[] = [];
  const size = session.limits.batchSize;
  for (let i = 0; i < facts.length; i += size) {
    const slice = facts.slice(i, i + size);
    const replies = await reader.batch(slice.map((f) => ['hgetall', keys.job(f.jobId)]));
    const existing = await session.existingJobs(
      keys.queue,
      slice.map((f) => f.jobId),
    );
    slice.forEach((f, index) => {
      const key = keys.job(f.jobId);
      const reply = replies[index]!;
      let hash = null;
      if (reply.error) {
        rejects.push({
          key,
          reason: /WRONGTYPE/.test(reply.error.message) ? 'wrong key type: not a hash' : 'unreadable job key',
          excerpt: reply.error.message.slice(0, 200),
        });
      } else {
        const decoded = decodeBullmqJobHash(key, reply.value);
        if (decoded.ok) hash = decoded.hash;
        else rejects.push(decoded.reject);
      }
      const row = mergeJob(
        { source: session.source, queue: keys.queue, now: session.now },
        existing.get(f.jobId),
        f,
        hash,
      );
      if (row) jobs.push(row);
    });
  }
  return { jobs, rejects };
}
