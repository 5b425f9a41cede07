import type { CollectSession } from '../../collect/CollectSession.ts';
import type { MachineSnapshotRow, RejectRow, WorkerSnapshotRow } from '../../collect/CollectUnit.ts';
import type { RedisReader } from '../../collect/RedisReader.ts';
import { decodeMachineInfo } from './decodeMachineInfo.ts';
import { decodeWorkerHash } from './decodeWorkerHash.ts';
import type { EmpKeys } from './empKeys.ts';
import { escapeGlob } from './scanJobHashes.ts';

/**
 * Machines (`machine:*:info`, found by SCAN) and their workers (`worker:{id}`, named by each machine's structure
 * and by the active-job hashes). Both expire two minutes after their fleet stops reporting, so what is absent
 * now is simply offline.
 */
export async function readEmpSnapshot(
  session: CollectSession,
  reader: RedisReader,
  keys: EmpKeys,
  activeWorkers: readonly string[],
): Promise<{ machines: MachineSnapshotRow[]; workers: WorkerSnapshotRow[]; rejects: RejectRow[] }> {
  const { batchSize, scanCount } = session.limits;
  const machines: MachineSnapshotRow[] = [];
  const workers: WorkerSnapshotRow[] = [];
  const rejects: RejectRow[] = [];
  const workerIds = new Set(activeWorkers);
  const machineKeys: string[] = [];
  for await (const page of reader.scan(`${escapeGlob(keys.prefix)}machine:*:info`, scanCount)) {
    machineKeys.push(...page.keys);
  }
  for (let i = 0; i < machineKeys.length; i += batchSize) {
    const slice = machineKeys.slice(i, i + batchSize);
    const replies = await reader.batch(slice.map((k) => ['hgetall', k]));
    replies.forEach((reply, index) => {
      const key = slice[index]!;
      if (reply.error) {
        rejects.push({ key, reason: 'wrong key type: not a hash', excerpt: reply.error.message.slice(0, 200) });
        return;
      }
      if (!reply.value || Object.keys(reply.value).length === 0) return;
      const decoded = decodeMachineInfo(key, reply.value);
      if (!decoded.ok) {
        rejects.push(decoded.reject);
        return;
      }
      machines.push(decoded.machine);
      for (const id of decoded.workerIds) workerIds.add(id);
    });
  }
  const ids = [...workerIds].sort();
  for (let i = 0; i < ids.length; i += batchSize) {
    const slice = ids.slice(i, i + batchSize);
    const replies = await reader.batch(slice.map((id) => ['hgetall', keys.worker(id)]));
    replies.forEach((reply, index) => {
      const id = slice[index]!;
      const key = keys.worker(id);
      if (reply.error) {
        rejects.push({ key, reason: 'wrong key type: not a hash', excerpt: reply.error.message.slice(0, 200) });
        return;
      }
      if (!reply.value || Object.keys(reply.value).length === 0) return;
      const decoded = decodeWorkerHash(key, id, reply.value);
      if (decoded.ok) workers.push(decoded.worker);
      else rejects.push(decoded.reject);
    });
  }
  machines.sort((a, b) => a.machine_id.localeCompare(b.machine_id));
  return { machines, workers, rejects };
}
