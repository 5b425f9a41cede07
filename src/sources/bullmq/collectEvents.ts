import type { CollectSession } from '../../collect/CollectSession.ts';
import type { GapRow, RejectRow } from '../../collect/CollectUnit.ts';
import type { RedisReader } from '../../collect/RedisReader.ts';
import { applyEvent } from './applyEvent.ts';
import type { BullmqKeys } from './bullmqKeys.ts';
import { buildJobRows } from './buildJobRows.ts';
import { decodeStreamEntry } from './decodeStreamEntry.ts';
import { emptyFacts, type JobFacts } from './JobFacts.ts';
import { readStreamInfo } from './readStreamInfo.ts';
import { compareStreamIds, isStreamId, msOfStreamId } from './streamIds.ts';

export const eventsCheckpoint = (queue: string) => `events:${queue}`;

/** The checkpoint: the last id read, and how many entries the stream had ever received up to it (Redis 7+). */
function parseCheckpoint(value: string | null): { id: string; added: number | null } | null {
  if (value === null) return null;
  const [id = '', added] = value.split('|');
  if (!isStreamId(id)) return null;
  return { id, added: added !== undefined && /^\d+$/.test(added) ? Number(added) : null };
}

/**
 * Reads a queue's events stream after the saved id (XRANGE, exclusive start, COUNT-bounded, never XREAD BLOCK) up
 * to the last id XINFO reported, one unit per page: the rows of the jobs it mentions plus the new checkpoint.
 *
 * Trimming (XTRIM MAXLEN ~) leaves no trace but a counter: XINFO's `entries-added` minus the count stored with
 * the checkpoint says how many entries followed it; if the stream holds fewer, the rest were trimmed unread.
 * That gap is committed with the first page, together with the checkpoint that moves past it.
 */
export async function collectEvents(session: CollectSession, reader: RedisReader, keys: BullmqKeys): Promise<void> {
  const name = eventsCheckpoint(keys.queue);
  const saved = parseCheckpoint(await session.checkpoint(name));
  const info = await readStreamInfo(reader, keys.events);
  if (!info || info.lastGeneratedId === null) return;
  const end = info.lastGeneratedId;
  if (saved && compareStreamIds(saved.id, end) >= 0) return;

  const gaps: GapRow[] = [];
  // Entries after the checkpoint that the stream still holds, and the added-count just before them.
  let after: number | null = null;
  if (info.entriesAdded !== null) {
    const trimmedPast = saved === null || (info.firstId !== null && compareStreamIds(info.firstId, saved.id) > 0);
    after = trimmedPast ? info.length : saved.added === null ? null : info.entriesAdded - saved.added;
    const expected = saved === null ? info.entriesAdded : saved.added === null ? null : info.entriesAdded - saved.added;
    const lost = expected === null || after === null ? 0 : expected - after;
    if (lost > 0) {
      gaps.push({
        queue: keys.queue,
        gap_from: saved ? msOfStreamId(saved.id) : null,
        gap_to: info.firstId ? msOfStreamId(info.firstId) : null,
        reason: saved
          ? `events stream trimmed past the checkpoint: ${lost} events lost before they were read`
          : `events stream trimmed before the first collection: ${lost} events never read`,
        missed: null,
      });
    }
  } else if (saved && info.firstId && compareStreamIds(info.firstId, saved.id) > 0) {
    session.logger.warn('Redis before 7 cannot tell whether the events stream was trimmed', { queue: keys.queue });
  }
  const addedBefore = after === null || info.entriesAdded === null ? null : info.entriesAdded - after;

  let start = saved === null ? '-' : `(${saved.id}`;
  let read = 0;
  const page = session.limits.batchSize;
  for (;;) {
    const entries = await reader.call<unknown[]>('xrange', keys.events, start, end, 'COUNT', page);
    if (!Array.isArray(entries) || entries.length === 0) break;
    const facts = new Map<string, JobFacts>();
    const rejects: RejectRow[] = [];
    let last: string | null = null;
    for (const entry of entries) {
      if (Array.isArray(entry) && typeof entry[0] === 'string' && isStreamId(entry[0])) last = entry[0];
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
    if (last === null) break;
    read += entries.length;
    const built = await buildJobRows(session, reader, keys, [...facts.values()]);
    await session.commit({
      jobs: built.jobs,
      rejects: [...rejects, ...built.rejects],
      gaps: gaps.splice(0),
      checkpoints: { [name]: addedBefore === null ? last : `${last}|${addedBefore + read}` },
    });
    if (entries.length < page || compareStreamIds(last, end) >= 0) break;
    start = `(${last}`;
  }
  if (gaps.length > 0) await session.commit({ gaps });
}
