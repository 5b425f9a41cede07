/** A `jobs` row (architecture §4.2 plus the extra columns of 001_core.sql); times are epoch ms. */
export interface JobRow {
  source: string;
  queue: string;
  job_id: string;
  name: string | null;
  status: 'waiting' | 'active' | 'delayed' | 'completed' | 'failed' | 'cancelled';
  priority: number | null;
  machine_id: string | null;
  worker_id: string | null;
  attempts: number | null;
  created_at: number | null;
  started_at: number | null;
  finished_at: number | null;
  wait_ms: number | null;
  run_ms: number | null;
  error_type: string | null;
  error_message: string | null;
  models: string[];
  collected_at: number;
  service: string | null;
  workflow_id: string | null;
  error_reason: string | null;
}

export interface QueueSnapshotRow {
  queue: string;
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
  oldest_waiting_ms: number | null;
}

export interface WorkerSnapshotRow {
  worker_id: string;
  machine_id: string | null;
  status: string | null;
  current_job_id: string | null;
}

export interface MachineSnapshotRow {
  machine_id: string;
  phase: string | null;
  gpu_count: number | null;
  workers: number | null;
  services_healthy: number | null;
  services_total: number | null;
}

export interface ModelDownloadRow {
  machine_id: string | null;
  model: string;
  started_at: number | null;
  finished_at: number | null;
  bytes: number | null;
  ok: boolean;
  error: string | null;
  /** Where it came from (a stream entry id): re-reading the same event never adds a second row. */
  event_id: string;
}

export interface RejectRow {
  key: string;
  reason: string;
  excerpt: string;
}

export interface GapRow {
  queue: string | null;
  gap_from: number | null;
  gap_to: number | null;
  reason: string;
  /** Records known (from counters) to be lost, when known. */
  missed: number | null;
}

export interface Snapshot {
  queues: QueueSnapshotRow[];
  workers: WorkerSnapshotRow[];
  machines: MachineSnapshotRow[];
}

/**
 * What a source hands to the warehouse in one transaction: rows plus the checkpoints that cover them. Either all
 * of it is committed or none, so a crash between units leaves a consistent warehouse that the next run resumes.
 */
export interface CollectUnit {
  jobs?: readonly JobRow[];
  snapshot?: Snapshot;
  modelDownloads?: readonly ModelDownloadRow[];
  rejects?: readonly RejectRow[];
  gaps?: readonly GapRow[];
  checkpoints?: Readonly<Record<string, string>>;
}

export interface UnitResult {
  jobsNew: number;
  jobsUpdated: number;
  modelDownloadsNew: number;
}
