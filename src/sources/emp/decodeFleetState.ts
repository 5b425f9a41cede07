import type { MachineStateRecord, WorkerStateRecord } from './FleetStateRaw.ts';
import { machineIdFromWorkerId } from './machineIdFromWorkerId.ts';
import { parseEmpTime } from './parseEmpTime.ts';
import { isRecord, parseJsonSafely } from './parseJsonSafely.ts';
import { reject, type Decoded } from './Reject.ts';

const SAFE_ID = /^[\w.:@-]{1,200}$/;
const WORKER_STATUSES = new Set([
  'initializing',
  'idle',
  'busy',
  'paused',
  'stopping',
  'offline',
  'error',
  'maintenance',
]);
const PHASES = new Set(['starting', 'ready', 'shutdown', 'disconnected']);

function strings(raw: unknown, key: string): Decoded<Record<string, string>> {
  if (!isRecord(raw)) return reject(key, 'hash is not a field map', raw);
  for (const [field, value] of Object.entries(raw)) {
    if (typeof value !== 'string') return reject(key, `field ${field.slice(0, 40)} is not a string`, raw);
  }
  return { ok: true, value: raw as Record<string, string> };
}

/** Decodes a `worker:{id}` hash; the id comes from the key when the hash lacks it. Never throws. */
export function decodeWorkerHash(raw: unknown, key: string, workerIdFromKey: string): Decoded<WorkerStateRecord> {
  const h = strings(raw, key);
  if (!h.ok) return h;
  const workerId = h.value['worker_id'] || workerIdFromKey;
  if (!SAFE_ID.test(workerId)) return reject(key, 'missing or malformed worker_id', raw);
  const machine = h.value['machine_id'] ?? '';
  const status = h.value['status'] ?? '';
  const current = h.value['current_job_id'] ?? '';
  return {
    ok: true,
    value: {
      workerId,
      machineId: SAFE_ID.test(machine) ? machine : machineIdFromWorkerId(workerId),
      status: WORKER_STATUSES.has(status) ? status : 'unknown',
      currentJobId: SAFE_ID.test(current) ? current : null,
      lastHeartbeat: parseEmpTime(h.value['last_heartbeat']),
    },
  };
}

/**
 * Decodes a `machine:{id}:info` hash: worker count from `structure.workers`, service health from
 * `structure.services` ("<worker>.<service>" → {health}). Never throws.
 */
export function decodeMachineInfo(raw: unknown, key: string, machineIdFromKey: string): Decoded<MachineStateRecord> {
  const h = strings(raw, key);
  if (!h.ok) return h;
  const machineId = h.value['machine_id'] || machineIdFromKey;
  if (!SAFE_ID.test(machineId)) return reject(key, 'missing or malformed machine_id', raw);
  const structure = parseJsonSafely(h.value['structure']);
  const workers = isRecord(structure) && isRecord(structure['workers']) ? Object.keys(structure['workers']).length : 0;
  let healthy = 0;
  let total = 0;
  if (isRecord(structure) && isRecord(structure['services'])) {
    for (const service of Object.values(structure['services'])) {
      total++;
      if (isRecord(service) && service['health'] === 'healthy') healthy++;
    }
  }
  const gpu = h.value['gpu_count'] ?? '';
  const phase = h.value['status'] ?? '';
  return {
    ok: true,
    value: {
      machineId,
      phase: PHASES.has(phase) ? phase : 'unknown',
      gpuCount: /^\d{1,4}$/.test(gpu) ? Number(gpu) : null,
      workers,
      servicesHealthy: healthy,
      servicesTotal: total,
    },
  };
}
