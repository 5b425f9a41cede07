import type { RedisReader } from '../../collect/RedisReader.ts';
import type { EmpKeys } from './empKeys.ts';

/**
 * The full SCAN of `job:*` (never KEYS), as batches of job hash keys with the cursor to resume after each.
 * `job:{id}:progress` hashes match the pattern too and are skipped (redis-emp.md §11).
 */
export async function* scanJobHashes(
  reader: RedisReader,
  keys: EmpKeys,
  scanCount: number,
  from: string,
): AsyncGenerator<{ jobKeys: string[]; cursor: string; done: boolean }> {
  const pattern = `${escapeGlob(keys.prefix)}job:*`;
  for await (const page of reader.scan(pattern, scanCount, from)) {
    yield { jobKeys: page.keys.filter((k) => !k.endsWith(':progress')), cursor: page.cursor, done: page.done };
  }
}

export function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
