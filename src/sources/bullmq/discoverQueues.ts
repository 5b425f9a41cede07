import type { RedisReader } from '../../collect/RedisReader.ts';
import { metaPattern, queueOfMetaKey } from './bullmqKeys.ts';

/** Every queue of a prefix, found by its `meta` hash (SCAN, never KEYS), optionally limited to configured names. */
export async function discoverQueues(
  reader: RedisReader,
  prefix: string,
  scanCount: number,
  only: readonly string[],
): Promise<string[]> {
  const found = new Set<string>();
  for await (const page of reader.scan(metaPattern(prefix), scanCount)) {
    for (const key of page.keys) {
      const queue = queueOfMetaKey(prefix, key);
      if (queue !== null && (only.length === 0 || only.includes(queue))) found.add(queue);
    }
  }
  return [...found].sort();
}
