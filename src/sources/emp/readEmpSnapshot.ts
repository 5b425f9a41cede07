import type { CollectSession } from '../../collect/CollectSession.ts';
import type { MachineSnapshotRow, RejectRow, WorkerSnapshotRow } from '../../collect/CollectUnit.ts';
import type { CommandResult, RedisReader } from '../../collect/RedisReader.ts';
import { decodeMachineInfo, decodeWorkerHash } from './decodeFleetState.ts';
import type { EmpKeys } from './empKeys.ts';
import { workerIdsOfMachine } from './workerIdsOfMachine.ts';

/**
 * Machines (`machine:*:info`) and the workers their structures name (`worker:{id}`), through the simulator's
 * fleet-state decoders so collected snapshots equal `simulate --warehouse` snapshots. Both expire two minutes after
 * a fleet stops reporting: absent means offline. The machine keys are those a full scan just met, or else found by
 * a SCAN of their own (the only keyspace walk of an incremental pass).
 */
export async function readEmpSnapshot(
  session: CollectSession,
  reader: RedisReader,
  keys: EmpKeys,
  scannedMachineInfoKeys: readonly string[] | null,
): Promise<{ machines: MachineSnapshotRow[]; workers: WorkerSnapshotRow[]; rejects: RejectRow[] }> {
  const { batchSize, scanCount } = session.limits;
  const machines: MachineSnapshotRow[] = [];
  const workers: WorkerSnapshotRow[] = [];
  const rejects: RejectRow[] = [];
  const workerIds = new Set<string>();
  // SCAN may return a key twice (while Redis rehashes): a machine is read once.
  const found = new Set<string>(scannedMachineInfoKeys);
  if (scannedMachineInfoKeys === null) {
    for await (const page of reader.scan(keys.machineInfoPattern, scanCount)) {
      for (const key of page.keys) found.add(key);
    }
  }
  const machineKeys = [...found].sort();
  for (let i = 0; i < machineKeys.length; i += batchSize) {
    const slice = machineKeys.slice(i, i + batchSize);
    const replies = await reader.batch(slice.map((k) => ['hgetall', k]));
    replies.forEach((reply, index) => {
      const key = slice[index]!;
      const raw = hashOf(reply, key, rejects);
      if (raw === null) return;
      const idFromKey = keys.strip(key)?.slice('machine:'.length, -':info'.length) ?? '';
      const decoded = decodeMachineInfo(raw, key, idFromKey);
      if (!decoded.ok) {
        rejects.push(decoded.reject);
        return;
      }
      const m = decoded.value;
      machines.push({
        machine_id: m.machineId,
        phase: m.phase,
        gpu_count: m.gpuCount,
        workers: m.workers,
        services_healthy: m.servicesHealthy,
        services_total: m.servicesTotal,
      });
      for (const id of workerIdsOfMachine(raw)) workerIds.add(id);
    });
  }
  const ids = [...workerIds].sort();
  for (let i = 0; i < ids.length; i += batchSize) {
    const slice = ids.slice(i, i + batchSize);
    const replies = await reader.batch(slice.map((id) => ['hgetall', keys.worker(id)]));
    replies.forEach((reply, index) => {
      const id = slice[index]!;
      const key = keys.worker(id);
      const raw = hashOf(reply, key, rejects);
      if (raw === null) return;
      const decoded = decodeWorkerHash(raw, key, id);
      if (!decoded.ok) {
        rejects.push(decoded.reject);
        return;
      }
      const w = decoded.value;
      workers.push({
        worker_id: w.workerId,
        machine_id: w.machineId,
        status: w.status,
        current_job_id: w.currentJobId,
      });
    });
  }
  machines.sort((a, b) => a.machine_id.localeCompare(b.machine_id));
  return { machines, workers, rejects };
}

/** The reply's field map, or null when the key is gone (expired) or is not a hash (then a reject). */
function hashOf(reply: CommandResult, key: string, rejects: RejectRow[]): Record<string, unknown> | null {
  if (reply.error) {
    rejects.push({ key, reason: 'wrong key type: not a hash', excerpt: reply.error.message.slice(0, 200) });
    return null;
  }
  const value = reply.value;
  if (!value || typeof value !== 'object' || Object.keys(value).length === 0) return null;
  return value as Record<string, unknown>;
}
