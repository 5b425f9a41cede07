import type { RedisReader } from './RedisReader.ts';

export interface StreamInfo {
  length: number;
  firstId: string | null;
  lastGeneratedId: string | null;
  /** Redis 7+: the largest id ever removed (trimmed or deleted); "0-0" when none. */
  maxDeletedId: string | null;
  /** Redis 7+: entries ever added. */
  entriesAdded: number | null;
}

/** XINFO STREAM, decoded; null when the stream does not exist (a queue that never wrote an event). */
export async function readStreamInfo(reader: RedisReader, key: string): Promise<StreamInfo | null> {
  const [reply] = await reader.batch([['xinfo', 'STREAM', key]]);
  if (!reply || reply.error) return null;
  const flat = Array.isArray(reply.value) ? (reply.value as unknown[]) : [];
  const info = new Map<string, unknown>();
  for (let i = 0; i + 1 < flat.length; i += 2) info.set(String(flat[i]), flat[i + 1]);
  const first = info.get('first-entry');
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    length: Number(info.get('length') ?? 0),
    firstId: Array.isArray(first) && typeof first[0] === 'string' ? first[0] : null,
    lastGeneratedId: str(info.get('last-generated-id')),
    maxDeletedId: str(info.get('max-deleted-entry-id')),
    entriesAdded: info.has('entries-added') ? Number(info.get('entries-added')) : null,
  };
}
