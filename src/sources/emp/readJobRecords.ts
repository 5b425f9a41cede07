import type { CollectLimits } from '../../collect/CollectSession.ts';
import type { RejectRow } from '../../collect/CollectUnit.ts';
import type { CommandResult, RedisReader } from '../../collect/RedisReader.ts';
import { decodeJobHash } from './decodeJobHash.ts';
import type { EmpKeys } from './empKeys.ts';
import { JOB_HASH_FIELDS } from './jobHashFields.ts';
import type { JobHashRaw } from './JobHashRaw.ts';
import type { JobRecord } from './JobRecord.ts';

/**
 * Reads and decodes job hashes by key, in bounded pipelines: HMGET of the fields the decoder reads for all, then,
 * for failed steps only, their `jobs:failed` entry and permanent failure attestation (where the worker path keeps
 * the error). Hashes that do not decode, and keys that are not hashes, become rejects.
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
    const replies = await reader.readHashFields(slice, JOB_HASH_FIELDS);
    const hashes: { key: string; raw: JobHashRaw }[] = [];
    const blank: string[] = [];
    for (let index = 0; index < replies.length; index++) {
      const reply = replies[index]!;
      const key = slice[index]!;
      if (reply instanceof Error) {
        rejects.push(replyReject(key, reply));
        continue;
      }
      const raw = fieldMap(reply);
      if (raw === null) blank.push(key);
      else hashes.push({ key, raw });
    }
    // No field at all: usually the key vanished between SCAN and HMGET (archived), which is nothing to record; a
    // hash that exists without any of a job's fields is a malformed record, which is.
    for (const key of await existingKeys(reader, blank)) {
      rejects.push({ key, reason: 'hash has none of the fields of a job', excerpt: '{}' });
    }
    const failed = hashes.filter((h) => h.raw.status === 'failed' && h.raw.id !== undefined);
    const extras = await reader.batch(
      failed.flatMap((h) => [
        ['hget', keys.failed, h.raw.id!],
        ['get', keys.failureAttestation(h.raw.id!, h.raw.workflow_id ?? '', 'permanent')],
      ]),
    );
    const extrasByKey = new Map<string, { failedEntry: string | null; failureAttestation: string | null }>();
    failed.forEach((h, index) => {
      extrasByKey.set(h.key, {
        failedEntry: stringOf(extras[index * 2]),
        failureAttestation: stringOf(extras[index * 2 + 1]),
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

/** An HMGET reply as the field map the decoder takes (absent fields left out), or null when no field is set. */
function fieldMap(value: readonly (string | null)[]): JobHashRaw | null {
  const raw: JobHashRaw = {};
  let found = false;
  for (let f = 0; f < JOB_HASH_FIELDS.length; f++) {
    const text: unknown = value[f];
    if (typeof text === 'string') {
      raw[JOB_HASH_FIELDS[f]!] = text;
      found = true;
    }
  }
  return found ? raw : null;
}

async function existingKeys(reader: RedisReader, candidates: readonly string[]): Promise<string[]> {
  if (candidates.length === 0) return [];
  const replies = await reader.batch(candidates.map((key) => ['exists', key]));
  return candidates.filter((_, index) => replies[index]?.value === 1);
}

function replyReject(key: string, error: Error): RejectRow {
  const wrongType = /WRONGTYPE/.test(error.message);
  return {
    key,
    reason: wrongType ? 'wrong key type: not a hash' : 'unreadable key',
    excerpt: error.message.slice(0, 200),
  };
}

function stringOf(reply: CommandResult | undefined): string | null {
  return reply && !reply.error && typeof reply.value === 'string' ? reply.value : null;
}
