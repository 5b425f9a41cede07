import type { CollectSession } from './CollectSession.ts';
import type { CollectUnit, GapRow } from './CollectUnit.ts';
import { readStreamInfo } from './readStreamInfo.ts';
import type { RedisReader } from './RedisReader.ts';
import { compareStreamIds, isStreamId, msOfStreamId } from './streamIds.ts';

export interface StreamTailOptions {
  key: string;
  /** Checkpoint name: holds the last id read and the stream's added-count up to it. */
  checkpoint: string;
  /** The queue a coverage gap is recorded under (null: the whole source). */
  gapQueue: string | null;
  /** What the stream holds, for gap reasons ("events", "telemetry events"). */
  label: string;
  /** Turns one page of raw XRANGE entries into rows; the checkpoint is added by the caller. */
  page(entries: unknown[]): Promise<CollectUnit>;
}

/** The checkpoint value: the last id read, and how many entries the stream had ever received up to it. */
export function parseStreamCheckpoint(value: string | null): { id: string; added: number | null } | null {
  if (value === null) return null;
  const [id = '', added] = value.split('|');
  if (!isStreamId(id)) return null;
  return { id, added: added !== undefined && /^\d+$/.test(added) ? Number(added) : null };
}

/**
 * Reads a stream after the saved id (XRANGE with an exclusive start, COUNT-bounded, never XREAD BLOCK) up to the
 * last id XINFO reported, one unit per page: the page's rows plus the new checkpoint.
 *
 * Trimming (XADD/XTRIM MAXLEN ~) leaves no trace but a counter: XINFO's `entries-added` minus the count stored
 * with the checkpoint says how many entries followed it; if the stream holds fewer, the rest were trimmed unread.
 * That gap is committed with the first page, together with the checkpoint that moves past it.
 */
export async function collectStreamTail(
  session: CollectSession,
  reader: RedisReader,
  options: StreamTailOptions,
): Promise<void> {
  const saved = parseStreamCheckpoint(await session.checkpoint(options.checkpoint));
  const info = await readStreamInfo(reader, options.key);
  if (!info || info.lastGeneratedId === null) return;
  const end = info.lastGeneratedId;
  if (saved && compareStreamIds(saved.id, end) >= 0) return;

  const gaps: GapRow[] = [];
  // Entries after the checkpoint that the stream still holds, hence the added-count just before them.
  let after: number | null = null;
  if (info.entriesAdded !== null) {
    const trimmedPast = saved === null || (info.firstId !== null && compareStreamIds(info.firstId, saved.id) > 0);
    after = trimmedPast ? info.length : saved.added === null ? null : info.entriesAdded - saved.added;
    const expected = saved === null ? info.entriesAdded : saved.added === null ? null : info.entriesAdded - saved.added;
    const lost = expected === null || after === null ? 0 : expected - after;
    if (lost > 0) {
      gaps.push({
        queue: options.gapQueue,
        gap_from: saved ? msOfStreamId(saved.id) : null,
        gap_to: info.firstId ? msOfStreamId(info.firstId) : null,
        reason: saved
          ? `${options.label} stream trimmed past the checkpoint: ${lost} entries lost before they were read`
          : `${options.label} stream trimmed before the first collection: ${lost} entries never read`,
        missed: null,
      });
    }
  } else if (saved && info.firstId && compareStreamIds(info.firstId, saved.id) > 0) {
    session.logger.warn(`Redis before 7 cannot tell whether the ${options.label} stream was trimmed`, {
      key: options.key,
    });
  }
  const addedBefore = after === null || info.entriesAdded === null ? null : info.entriesAdded - after;

  let start = saved === null ? '-' : `(${saved.id}`;
  let read = 0;
  const size = session.limits.batchSize;
  let exhausted = false;
  while (!exhausted) {
    // One unit gathers several XRANGE pages, so a job's events are rarely split across units.
    const entries: unknown[] = [];
    let last: string | null = null;
    while (entries.length < session.limits.unitRows) {
      const page = await reader.call<unknown[]>('xrange', options.key, start, end, 'COUNT', size);
      const pageLast = Array.isArray(page) ? lastIdOf(page) : null;
      if (!Array.isArray(page) || pageLast === null) {
        exhausted = true;
        break;
      }
      entries.push(...page);
      last = pageLast;
      start = `(${last}`;
      if (page.length < size || compareStreamIds(last, end) >= 0) {
        exhausted = true;
        break;
      }
    }
    if (last === null) break;
    read += entries.length;
    const unit = await options.page(entries);
    await session.commit({
      ...unit,
      gaps: [...(unit.gaps ?? []), ...gaps.splice(0)],
      checkpoints: {
        ...unit.checkpoints,
        [options.checkpoint]: addedBefore === null ? last : `${last}|${addedBefore + read}`,
      },
    });
  }
  if (gaps.length > 0) await session.commit({ gaps });
}

function lastIdOf(entries: unknown[]): string | null {
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (Array.isArray(entry) && typeof entry[0] === 'string' && isStreamId(entry[0])) return entry[0];
  }
  return null;
}
