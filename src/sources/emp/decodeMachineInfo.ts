import type { MachineSnapshotRow, RejectRow } from '../../collect/CollectUnit.ts';
import { excerptOf } from '../../collect/excerptOf.ts';
import { isRecord, parseJsonSafely } from './parseJsonSafely.ts';

const SAFE_ID = /^[\w.:@-]{1,200}$/;

/**
 * A `machine:{id}:info` hash (redis-emp.md §7): phase in `status`, GPUs in `gpu_count`, and the `structure` JSON
 * whose `workers` map lists the machine's workers and whose `services` map (`"<wid>.<service>"`) carries health.
 */
export function decodeMachineInfo(
  key: string,
  raw: unknown,
): { ok: true; machine: MachineSnapshotRow; workerIds: string[] } | { ok: false; reject: RejectRow } {
  const bad = (reason: string) => ({ ok: false as const, reject: { key, reason, excerpt: excerptOf(raw) } });
  if (!isRecord(raw)) return bad('machine info is not a field map');
  const h = raw as Record<string, unknown>;
  const machineId = typeof h['machine_id'] === 'string' ? h['machine_id'] : '';
  if (!SAFE_ID.test(machineId)) return bad('missing or malformed machine_id');
  const structure = typeof h['structure'] === 'string' ? parseJsonSafely(h['structure']) : undefined;
  if (h['structure'] !== undefined && h['structure'] !== '' && !isRecord(structure)) {
    return bad('structure is not a JSON object');
  }
  const workers = isRecord(structure) && isRecord(structure['workers']) ? structure['workers'] : null;
  const services = isRecord(structure) && isRecord(structure['services']) ? structure['services'] : null;
  const gpuText = typeof h['gpu_count'] === 'string' ? h['gpu_count'] : '';
  const gpuFromStructure = isRecord(structure) ? structure['gpu_count'] : undefined;
  const gpuCount = /^\d{1,4}$/.test(gpuText)
    ? Number(gpuText)
    : typeof gpuFromStructure === 'number' && Number.isInteger(gpuFromStructure)
      ? gpuFromStructure
      : null;
  const serviceList = services ? Object.values(services) : [];
  const phase = typeof h['status'] === 'string' && h['status'] !== '' ? h['status'].slice(0, 40) : null;
  return {
    ok: true,
    machine: {
      machine_id: machineId,
      phase,
      gpu_count: gpuCount,
      workers: workers ? Object.keys(workers).length : null,
      services_healthy: services ? serviceList.filter((s) => isRecord(s) && s['health'] === 'healthy').length : null,
      services_total: services ? serviceList.length : null,
    },
    workerIds: workers ? Object.keys(workers).filter((id) => SAFE_ID.test(id)) : [],
  };
}
