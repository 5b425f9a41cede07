import type { EmpKeys } from '../sources/emp/empKeys.ts';
import type { Fleet, SimMachine } from './buildFleet.ts';
import { iso, secondsMicros } from './empFormat.ts';
import type { EmpSink } from './EmpSink.ts';
import type { Incident } from './planIncidents.ts';
import { incidentAt } from './planIncidents.ts';

/** What each busy worker is doing at the instant the state is written. */
export type BusyWorkers = Map<number, { jobId: string; assignedUs: number }>;

const STATUS_INTERVAL_MS = 10_000;
const HEARTBEAT_INTERVAL_MS = 30_000;
const API_TTL_S = 120;
const HEARTBEAT_TTL_S = 60;

/** The online session containing t, or undefined. */
export function sessionAt(machine: SimMachine, t: number): [number, number] | undefined {
  return machine.sessions.find((s) => s[0] <= t && t < s[1]);
}

/** How many of a machine's services report healthy: near an incident's peak, the later half of them do not. */
export function healthyServices(machine: SimMachine, incidents: readonly Incident[], t: number): number {
  const total = machine.workers.reduce((n, w) => n + w.services.length, 0);
  return (incidentAt(incidents, machine.index, t)?.intensity ?? 0) > 0.8 ? Math.floor(total / 2) : total;
}

/**
 * The current state as of `asOf`: `machine:{id}:info` and `worker:{id}` hashes for machines online then (TTL 120 s
 * from the API's last 10-second refresh), `worker:{id}:heartbeat` (SETEX 60 from the last 30-second heartbeat).
 * Machines that left have no state keys: their workers deleted them on shutdown and the info key expired.
 */
export function writeFleetState(
  fleet: Fleet,
  incidents: readonly Incident[],
  busy: BusyWorkers,
  asOf: number,
  keys: EmpKeys,
  sink: EmpSink,
): number {
  let written = 0;
  for (const machine of fleet.machines) {
    const session = sessionAt(machine, asOf);
    if (session === undefined) continue;
    const uptime = asOf - session[0];
    const lastStatus = asOf - (uptime % STATUS_INTERVAL_MS);
    const ttl = API_TTL_S - Math.floor((asOf - lastStatus) / 1000);
    const healthy = healthyServices(machine, incidents, asOf);
    let serviceIndex = 0;
    const services: Record<string, unknown> = {};
    const structureWorkers: Record<string, unknown> = {};
    for (const w of machine.workers) {
      structureWorkers[w.id] = {
        worker_id: w.id,
        pm2_name:
          w.type === 'openai' || w.type === 'simulation'
            ? `redis-worker-${w.type}-${w.gpuId}`
            : `redis-worker-${w.type}-gpu${w.gpuId}`,
        gpu_id: w.gpuId,
        worker_type: w.type,
        resource_binding: w.type === 'openai' || w.type === 'simulation' ? 'shared' : 'mock_gpu',
        services: w.services,
        connectors: w.services,
      };
      for (const s of w.services) {
        services[`${w.id}.${s}`] = {
          worker_id: w.id,
          service_type: s,
          pm2_name: `redis-worker-${w.type}-${w.gpuId}`,
          status: 'active',
          health: serviceIndex++ < healthy ? 'healthy' : 'unhealthy',
          pm2_status: 'online',
        };
      }
    }
    const capabilities = [...new Set(machine.workers.flatMap((w) => w.services))];
    sink.hset(keys.machineInfo(machine.id), {
      machine_id: machine.id,
      status: 'ready',
      last_activity: iso(lastStatus),
      gpu_count: String(machine.gpuCount),
      capabilities: JSON.stringify(capabilities),
      structure: JSON.stringify({ gpu_count: machine.gpuCount, capabilities, workers: structureWorkers, services }),
      uptime_ms: String(lastStatus - session[0]),
    });
    sink.expire(keys.machineInfo(machine.id), ttl);
    written++;
    const connectorStatuses = JSON.stringify(services);
    for (const w of machine.workers) {
      const job = busy.get(w.index);
      const heartbeat = asOf - (uptime % HEARTBEAT_INTERVAL_MS);
      sink.hset(keys.worker(w.id), {
        worker_id: w.id,
        machine_id: machine.id,
        status: job ? 'busy' : 'idle',
        is_connected: 'true',
        current_job_id: job?.jobId ?? '',
        last_activity: iso(lastStatus),
        capabilities: JSON.stringify({ gpu_id: w.gpuId, services: w.services }),
        connector_statuses: connectorStatuses,
        last_status_change: job ? secondsMicros(job.assignedUs) : iso(session[0]),
        last_heartbeat: iso(heartbeat),
      });
      sink.expire(keys.worker(w.id), ttl);
      sink.set(keys.workerHeartbeat(w.id), iso(heartbeat));
      sink.expire(keys.workerHeartbeat(w.id), HEARTBEAT_TTL_S - Math.floor((asOf - heartbeat) / 1000));
      written += 2;
    }
  }
  return written;
}
