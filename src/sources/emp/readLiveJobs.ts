import type { CollectSession } from '../../collect/CollectSession.ts';
import type { QueueSnapshotRow } from '../../collect/CollectUnit.ts';
import type { RedisReader } from '../../collect/RedisReader.ts';
import type { EmpKeys } from './empKeys.ts';
import { readJobRecords } from './readJobRecords.ts';
import { jobRowsOf } from './jobRowsOf.ts';

/**
 * The jobs that are not finished: every id in `jobs:pending` (paged ZRANGE) and in the `jobs:active:{worker}`
 * hashes of the known workers. Their rows are upserted (a pending step may have been retried since the last pass) and they give the
 * queue snapshot: emp routes work by service, so each service is a queue; its depth comes from the pending set
 * and the age of its oldest waiting job from the job's `created_at`, never from the score (redis-emp.md §4).
 */
export async function readLiveJobs(
  session: CollectSession,
  reader: RedisReader,
  keys: EmpKeys,
  workerIds: readonly string[],
): Promise<QueueSnapshotRow[]> {
  const byQueue = new Map<string, QueueSnapshotRow>();
  const queueOf = (name: string) => {
    let row = byQueue.get(name);
    if (!row) {
      row = { queue: name, waiting: 0, active: 0, delayed: 0, completed: 0, failed: 0, oldest_waiting_ms: null };
      byQueue.set(name, row);
    }
    return row;
  };
  const { batchSize, scanCount, unitRows } = session.limits;

  const consume = async (jobKeys: string[], from: 'pending' | 'active') => {
    const { records, rejects } = await readJobRecords(reader, keys, jobKeys, session.source, session.limits);
    for (const r of records) {
      const row = queueOf(r.queue);
      if (from === 'pending' && r.status === 'waiting') {
        row.waiting++;
        if (r.createdAt !== null && r.createdAt <= session.now) {
          row.oldest_waiting_ms = Math.max(row.oldest_waiting_ms ?? 0, session.now - r.createdAt);
        }
      } else if (from === 'active' && r.status === 'active') {
        row.active++;
      }
    }
    await session.commit({ jobs: jobRowsOf(records, session.now), rejects });
  };

  const total = Number(await reader.call('zcard', keys.pending));
  let pending: string[] = [];
  for (let start = 0; start < total; start += scanCount) {
    const ids = await reader.call<string[]>('zrange', keys.pending, start, start + scanCount - 1);
    if (!Array.isArray(ids) || ids.length === 0) break;
    pending.push(...ids.map((id) => keys.job(String(id))));
    if (pending.length >= unitRows) {
      await consume(pending, 'pending');
      pending = [];
    }
  }
  if (pending.length > 0) await consume(pending, 'pending');

  // Active steps: the `jobs:active:{worker}` hash of every worker the machines report (HKEYS, no keyspace SCAN:
  // an incremental pass scans the keyspace once, for machines). Entries orphaned by vanished workers are caught by
  // the periodic full scan.
  let active: string[] = [];
  for (let i = 0; i < workerIds.length; i += batchSize) {
    const slice = workerIds.slice(i, i + batchSize);
    const replies = await reader.batch(slice.map((w) => ['hkeys', keys.active(w)]));
    replies.forEach((reply) => {
      if (!reply.error && Array.isArray(reply.value)) active.push(...reply.value.map((id) => keys.job(String(id))));
    });
    if (active.length >= unitRows) {
      await consume(active, 'active');
      active = [];
    }
  }
  if (active.length > 0) await consume(active, 'active');
  return [...byQueue.values()].sort((a, b) => a.queue.localeCompare(b.queue));
}
