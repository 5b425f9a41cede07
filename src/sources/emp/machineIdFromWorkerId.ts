const MARKER = '-worker-';

/**
 * Worker ids are `{machine}-worker-{type}-{index}` (redis-emp.md §6); the machine id is everything before the
 * last `-worker-`. Returns null when the id does not follow the convention.
 */
export function machineIdFromWorkerId(workerId: string): string | null {
  const at = workerId.lastIndexOf(MARKER);
  if (at <= 0) return null;
  return workerId.slice(0, at);
}
