import type { CollectLimits } from '../../collect/CollectSession.ts';
import type { RejectRow } from '../../collect/CollectUnit.ts';
import type { RedisReader } from '../../collect/RedisReader.ts';
import { decodeJobHash } from './decodeJobHash.ts';
import type { EmpKeys } from './empKeys.ts';
import type { JobRecord } from './JobRecord.ts';

/**
 * Reads and decodes job hashes by key, in bounded pipelines: HGETALL for all, then, for failed steps only, their
 * `jobs:failed` entry and permanent failure attestation (where the worker path keeps the error). Hashes that do
 * not decode, and keys that are not hashes, become rejects.
 */
export async function readJobRecords(
  reader: RedisReader,
  keys: EmpKeys,
  jobKeys: readonly string[],
  source: string,
  limits: CollectLimits,
): Promise<{ records: JobRecord[]; rejects: RejectRow[] }> {
  const records: JobRecord[] = [];
  const rejects: RejectRow[] = [];
  for (let i = 0; i < jobKeys.length; i += limits.batchSize) {
    const slice = jobKeys.slice(i, i + limits.batchSize);
    const replies = await reader.batch(slice.map((key) => ['hgetall', key]));
    const hashes: { key: string; raw: Record<string, string> }[] = [];
    replies.forEach((reply, index) => {
      const key = slice[index]!;
      if (reply.error) {
        const wrongType = /WRONGTYPE/.test(reply.error.message);
        rejects.push({
          key,
          reason: wrongType ? 'wrong key type: not a hash' : 'unreadable key',
          excerpt: reply.error.message.slice(0, 200),
        });
      } else if (reply.value && typeof reply.value === 'object' && Object.keys(reply.value).length > 0) {
        hashes.push({ key, raw: reply.value as Record<string, string> });
      }
      // An empty reply: the key vanished between SCAN and HGETALL (archived); nothing to record.
    });
    const failed = hashes.filter((h) => h.raw['status'] === 'failed' && typeof h.raw['id'] === 'string');
    const extras = await reader.batch(
      failed.flatMap((h) => [
        ['hget', keys.failed, h.raw['id']!],
        ['get', keys.failureAttestation(h.raw['id']!, h.raw['workflow_id'] ?? '', 'permanent')],
      ]),
    );
    const extrasByKey = new Map<string, { failedEntry: string | null; failureAttestation: string | null }>();
    failed.forEach((h, index) => {
      const entry = extras[index * 2];
      const attestation = extras[index * 2 + 1];
      extrasByKey.set(h.key, {
        failedEntry: entry && !entry.error && typeof entry.value === 'string' ? entry.value : null,
        failureAttestation:
          attestation && !attestation.error && typeof attestation.value === 'string' ? attestation.value : null,
      });
    });
    for (const h of hashes) {
      const decoded = decodeJobHash(h.raw, { source, key: h.key, ...extrasByKey.get(h.key) });
      if (decoded.ok) records.push(decoded.value);
      else rejects.push(decoded.reject);
    }
  }
  return { records, rejects };
}
