/**
 * A `job:{id}` hash exactly as HGETALL returns it (redis-emp.md §3): every value is a string, and any field may be
 * missing, empty or malformed. Only the decoder looks inside.
 */
export interface JobHashRaw {
  id?: string;
  service_required?: string;
  priority?: string;
  payload?: string;
  requirements?: string;
  customer_id?: string;
  created_at?: string;
  status?: string;
  retry_count?: string;
  max_retries?: string;
  workflow_id?: string;
  workflow_priority?: string;
  workflow_datetime?: string;
  current_step?: string;
  total_steps?: string;
  job_trace_id?: string;
  job_span_id?: string;
  workflow_trace_id?: string;
  workflow_span_id?: string;
  ctx?: string;
  worker_id?: string;
  assigned_at?: string;
  started_at?: string;
  completed_at?: string;
  failed_at?: string;
  last_failed_worker?: string;
  error?: string;
  cancelled_at?: string;
  processing_time?: string;
  [field: string]: string | undefined;
}

/** What the collector found next to a job hash that the decoder needs (all raw strings, all optional). */
export interface JobHashExtras {
  /** The `jobs:failed` field for this job: `{"error","failed_at","retry_count"[,"cancelled"]}`. */
  failedEntry?: string | null;
  /** The permanent failure attestation (`worker:failure:…:permanent`) JSON. */
  failureAttestation?: string | null;
}
