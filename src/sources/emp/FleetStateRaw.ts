/** A `worker:{id}` hash as HGETALL returns it (redis-emp.md §6): strings only, any field may be missing. */
export interface WorkerHashRaw {
  worker_id?: string;
  machine_id?: string;
  status?: string;
  is_connected?: string;
  current_job_id?: string;
  last_activity?: string;
  capabilities?: string;
  connector_statuses?: string;
  last_status_change?: string;
  last_heartbeat?: string;
  [field: string]: string | undefined;
}

/** A `machine:{id}:info` hash (redis-emp.md §7). */
export interface MachineInfoRaw {
  machine_id?: string;
  status?: string;
  last_activity?: string;
  gpu_count?: string;
  capabilities?: string;
  structure?: string;
  uptime_ms?: string;
  [field: string]: string | undefined;
}

export interface WorkerStateRecord {
  workerId: string;
  machineId: string | null;
  /** idle, busy, offline or unknown (the states that occur, redis-emp.md §6). */
  status: string;
  currentJobId: string | null;
  lastHeartbeat: number | null;
}

export interface MachineStateRecord {
  machineId: string;
  /** `status` of the info hash: the machine phase (starting, ready, shutdown) or `disconnected`. */
  phase: string;
  gpuCount: number | null;
  workers: number;
  servicesHealthy: number;
  servicesTotal: number;
}
