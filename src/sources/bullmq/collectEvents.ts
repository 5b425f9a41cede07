import type { CollectSession } from '../../collect/CollectSession.ts';
import type { RejectRow } from '../../collect/CollectUnit.ts';
import { collectStreamTail } from '../../collect/collectStreamTail.ts';
import type { RedisReader } from '../../collect/RedisReader.ts';
import { applyEvent } from './applyEvent.ts';
import type { BullmqKeys } from './bullmqKeys.ts';
import { buildJobRows } from './buildJobRows.ts';
import { decodeStreamEntry } from './decodeStreamEntry.ts';
import { emptyFacts, type JobFacts } from './JobFacts.ts';

export const eventsCheckpoint = (queue: string) => `events:${queue}`;

/**
 * The queue's events stream since the checkpoint (redis-bullmq.md §1.6.1): each page's events are folded into
 * per-job facts, enriched from the job hashes that still exist and merged with the warehouse's rows.
 */
export async function collectEvents(session: CollectSession, reader: RedisReader, keys: BullmqKeys): Promise<void> {
  await collectStreamTail(session, reader, {
    key: keys.events,
    checkpoint: eventsCheckpoint(keys.queue),
    gapQueue: keys.queue,
    label: 'events',
    async page(entries) {
      const facts = new Map<string, JobFacts>();
      const rejects: RejectRow[] = [];
      for (const entry of entries) {
        const decoded = decodeStreamEntry(keys.events, entry);
        if (!decoded.ok) {
          rejects.push(decoded.reject);
          continue;
        }
        const jobId = decoded.event.jobId;
        if (jobId === null) continue;
        let f = facts.get(jobId);
        if (!f) facts.set(jobId, (f = emptyFacts(jobId)));
        applyEvent(f, decoded.event);
      }
      const built = await buildJobRows(session, reader, keys, [...facts.values()]);
      return { jobs: built.jobs, rejects: [...rejects, ...built.rejects] };
    },
  });
}
