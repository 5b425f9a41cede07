import type { RejectRow, WorkerSnapshotRow } from '../../collect/CollectUnit.ts';
import { excerptOf } from '../../collect/excerptOf.ts';
import { machineIdFromWorkerId } from './machineIdFromWorkerId.ts';
import { isRecord } from './parseJsonSafely.ts';

const SAFE_ID = /^[\w.:@-]{1,200}$/;
const STATUSES = new Set([
  'initializing',
  'idle',
  'busy',
  'paused',
  'stopping',
  'offline',
  'error',
  'maintenance',
  'unknown',
]);

/** A `worker:{id}` hash (redis-emp.md §6): status, current job and machine, each optional. */
export function decodeWorkerHash(
  key: string,
  workerId: string,
  raw: unknown,
): { ok: true; worker: WorkerSnapshotRow } | { ok: false; reject: RejectRow } {
  if (!isRecord(raw))
    return { ok: false, reject: { key, reason: 'worker hash is not a field map', excerpt: excerptOf(raw) } };
  const h = raw as Record<string, unknown>;
  const status = typeof h['status'] === 'string' ? h['status'] : '';
  if (status !== '' && !STATUSES.has(status)) {
    return {
      ok: false,
      reject: { key, reason: `unknown worker status "${status.slice(0, 40)}"`, excerpt: excerptOf(raw) },
    };
  }
  const machine = typeof h['machine_id'] === 'string' && SAFE_ID.test(h['machine_id']) ? h['machine_id'] : null;
  const job = typeof h['current_job_id'] === 'string' && SAFE_ID.test(h['current_job_id']) ? h['current_job_id'] : null;
  return {
    ok: true,
    worker: {
      worker_id: workerId,
      machine_id: machine ?? machineIdFromWorkerId(workerId),
      status: status === '' ? null : status,
      current_job_id: job,
    },
  };
}
