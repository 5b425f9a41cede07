import type { QueueSnapshotRow } from '../../collect/CollectUnit.ts';
import type { RedisReader } from '../../collect/RedisReader.ts';
import type { BullmqKeys } from './bullmqKeys.ts';

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;
}

/**
 * State sizes of one queue (LLEN/ZCARD, as getJobCounts computes them) and the age of the head of the wait list.
 * `completed`/`failed` count only what retention kept: they are gauges, not totals.
 */
export async function readQueueSnapshot(reader: RedisReader, keys: BullmqKeys, now: number): Promise<QueueSnapshotRow> {
  const r = await reader.batch([
    ['llen', keys.wait],
    ['llen', keys.paused],
    ['zcard', keys.prioritized],
    ['llen', keys.active],
    ['zcard', keys.delayed],
    ['zcard', keys.completed],
    ['zcard', keys.failed],
    ['lindex', keys.wait, -1],
  ]);
  const v = r.map((x) => (x.error ? null : x.value));
  let oldest: number | null = null;
  const head = v[7];
  if (typeof head === 'string' && head !== '') {
    const [created] = await reader.batch([['hget', keys.job(head), 'timestamp']]);
    const ms = created && !created.error && typeof created.value === 'string' ? Number(created.value) : NaN;
    if (Number.isFinite(ms) && ms > 0 && ms <= now) oldest = now - ms;
  }
  return {
    queue: keys.queue,
    waiting: count(v[0]) + count(v[1]) + count(v[2]),
    active: count(v[3]),
    delayed: count(v[4]),
    completed: count(v[5]),
    failed: count(v[6]),
    oldest_waiting_ms: oldest,
  };
}
