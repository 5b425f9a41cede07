import type { RedisReader } from '../../collect/RedisReader.ts';
import type { EmpKeys } from './empKeys.ts';

/**
 * The full scan's SCAN (never KEYS), as pages of job hash keys and machine info keys with the cursor to resume
 * after each. Walking a multi-million-key keyspace costs Redis seconds of CPU whatever the MATCH pattern, so a full
 * pass walks it once for both: the snapshot then needs no SCAN of its own. `job:{id}:progress` hashes also match
 * and are skipped (redis-emp.md §11).
 */
export async function* scanJobAndMachineKeys(
  reader: RedisReader,
  keys: EmpKeys,
  scanCount: number,
  from: string,
): AsyncGenerator<{ jobKeys: string[]; machineInfoKeys: string[]; cursor: string; done: boolean }> {
  for await (const page of reader.scan(keys.fullScanPattern, scanCount, from)) {
    yield {
      jobKeys: page.keys.filter((k) => keys.isJobHash(k)),
      machineInfoKeys: page.keys.filter((k) => keys.isMachineInfo(k)),
      cursor: page.cursor,
      done: page.done,
    };
  }
}
