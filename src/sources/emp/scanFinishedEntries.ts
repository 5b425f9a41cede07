import type { RedisReader } from '../../collect/RedisReader.ts';
import type { EmpKeys } from './empKeys.ts';
import { parseEmpTime } from './parseEmpTime.ts';
import { isRecord, parseJsonSafely } from './parseJsonSafely.ts';

/** One field of `jobs:completed` or `jobs:failed`: a step that finished, and when its entry says it did. */
export interface FinishedEntry {
  set: 'completed' | 'failed';
  id: string;
  /** `completed_at` / `failed_at` of the entry's JSON; null when it has none readable. */
  at: number | null;
}

/** `jobs:completed` then `jobs:failed` (redis-emp.md §2), one HSCAN page at a time. */
export async function* scanFinishedEntries(
  reader: RedisReader,
  keys: EmpKeys,
  count: number,
): AsyncGenerator<FinishedEntry[]> {
  for (const [set, key, field] of [
    ['completed', keys.completed, 'completed_at'],
    ['failed', keys.failed, 'failed_at'],
  ] as const) {
    for await (const flat of reader.hscan(key, count)) {
      const page: FinishedEntry[] = [];
      for (let i = 0; i + 1 < flat.length; i += 2) {
        const value = parseJsonSafely(flat[i + 1]);
        const at = isRecord(value) && typeof value[field] === 'string' ? parseEmpTime(value[field]) : null;
        page.push({ set, id: flat[i]!, at });
      }
      yield page;
    }
  }
}
