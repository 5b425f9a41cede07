/** Raw rows of the per-period breakdown queries, grouped by span key; shaped into bundle sections elsewhere. */
export interface JobTypeRaw {
  source: string;
  service: string;
  job_type: string | null;
  is_service: number;
  submitted: number;
  completed: number;
  failed: number;
  cancelled: number;
  run_q: number[] | null;
  wait_p95: number | null;
  fast_jobs: number;
  standard_jobs: number;
  heavy_jobs: number;
}

export interface MachineRaw {
  source: string;
  machine_id: string;
  type_pool: 'fast' | 'standard' | 'heavy' | null;
  is_machine: number;
  finished: number;
  completed: number;
  failed: number;
  /** Null on per-pool rows (is_machine 0), which only the pool suitability reads. */
  run_p95: number | null;
  fleet_p95: number | null;
  relative: number | null;
  fast_jobs: number;
  standard_jobs: number;
  heavy_jobs: number;
}

export interface MachineHealthRaw {
  source: string;
  machine_id: string;
  online_share: number | null;
  gpu_count: number | null;
  utilization: number | null;
}

export interface FailureRaw {
  error_type: string;
  message: string;
  n: number;
  machines: number;
  is_new: boolean;
  is_recent: boolean;
}

export interface ModelRaw {
  model: string;
  machine_id: string | null;
  pool: string | null;
  no_machine: number;
  no_pool: number;
  jobs: number;
  machines: number;
}

export interface ModelPairRaw {
  a: string;
  b: string;
  jobs: number;
}

export interface DownloadRaw {
  model: string | null;
  machine_id: string | null;
  error: string | null;
  no_model: number;
  no_machine: number;
  no_error: number;
  attempts: number;
  failures: number;
  total_ms: number;
  bytes: number;
}

export interface BreakdownRows {
  jobTypes: JobTypeRaw[];
  machines: MachineRaw[];
  machineHealth: MachineHealthRaw[];
  failures: FailureRaw[];
  models: ModelRaw[];
  modelPairs: ModelPairRaw[];
  downloads: DownloadRaw[];
  lateRows: number;
}

export function emptyBreakdownRows(): BreakdownRows {
  return {
    jobTypes: [],
    machines: [],
    machineHealth: [],
    failures: [],
    models: [],
    modelPairs: [],
    downloads: [],
    lateRows: 0,
  };
}
