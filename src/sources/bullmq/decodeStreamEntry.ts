import type { RejectRow } from '../../collect/CollectUnit.ts';
import { excerptOf } from '../../collect/excerptOf.ts';
import type { BullmqEvent } from './BullmqEvent.ts';
import { isStreamId, msOfStreamId } from '../../collect/streamIds.ts';

const SAFE_JOB_ID = /^[^\s]{1,200}$/;
const EVENT_NAME = /^[a-z][a-z-]{0,40}$/;

/** Decodes one XRANGE entry `[id, [field, value, …]]`; anything malformed becomes a reject for the stream key. */
export function decodeStreamEntry(
  streamKey: string,
  entry: unknown,
): { ok: true; event: BullmqEvent } | { ok: false; reject: RejectRow } {
  const bad = (reason: string) => ({
    ok: false as const,
    reject: { key: streamKey, reason, excerpt: excerptOf(entry) },
  });
  if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string' || !Array.isArray(entry[1])) {
    return bad('stream entry is not [id, fields]');
  }
  const id = entry[0];
  if (!isStreamId(id)) return bad('stream entry id is malformed');
  const flat = entry[1] as unknown[];
  const fields = new Map<string, string>();
  for (let i = 0; i + 1 < flat.length; i += 2) {
    if (typeof flat[i] === 'string' && typeof flat[i + 1] === 'string')
      fields.set(flat[i] as string, flat[i + 1] as string);
  }
  const event = fields.get('event') ?? '';
  if (!EVENT_NAME.test(event))
    return {
      ok: false,
      reject: {
        key: `${streamKey}#${id}`,
        reason: 'stream entry without a known event name',
        excerpt: excerptOf(flat),
      },
    };
  const jobId = fields.get('jobId') ?? null;
  if (jobId !== null && !SAFE_JOB_ID.test(jobId)) {
    return {
      ok: false,
      reject: { key: `${streamKey}#${id}`, reason: 'stream entry with a malformed jobId', excerpt: excerptOf(flat) },
    };
  }
  const attempts = fields.get('attemptsMade');
  return {
    ok: true,
    event: {
      id,
      at: msOfStreamId(id),
      event,
      jobId,
      name: clip(fields.get('name') ?? null, 200),
      failedReason: clip(fields.get('failedReason') ?? null, 500),
      attemptsMade: attempts !== undefined && /^\d{1,6}$/.test(attempts) ? Number(attempts) : null,
    },
  };
}

function clip(text: string | null, max: number): string | null {
  return text === null ? null : text.slice(0, max);
}
