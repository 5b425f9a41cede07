import { isRecord, parseJsonSafely } from './parseJsonSafely.ts';

const SAFE_ID = /^[\w.:@-]{1,200}$/;
const MAX_WORKERS = 1000;

/** The worker ids a `machine:{id}:info` hash lists in `structure.workers` (redis-emp.md §7); [] when unreadable. */
export function workerIdsOfMachine(raw: unknown): string[] {
  if (!isRecord(raw) || typeof raw['structure'] !== 'string') return [];
  const structure = parseJsonSafely(raw['structure']);
  if (!isRecord(structure) || !isRecord(structure['workers'])) return [];
  return Object.keys(structure['workers'])
    .filter((id) => SAFE_ID.test(id))
    .slice(0, MAX_WORKERS);
}
