import type { JobRecord } from './JobRecord.ts';

/** The `jobs` warehouse row (architecture §4.2 plus the extra columns of 001_core.sql) for one decoded step. */
export function toJobRow(r: JobRecord, collectedAt: number): Record<string, unknown> {
  return {
    source: r.source,
    queue: r.queue,
    job_id: r.jobId,
    name: r.name,
    status: r.status,
    priority: r.priority,
    machine_id: r.machineId,
    worker_id: r.workerId,
    attempts: r.attempts,
    created_at: r.createdAt,
    started_at: r.startedAt,
    finished_at: r.finishedAt,
    wait_ms: r.waitMs,
    run_ms: r.runMs,
    error_type: r.errorType,
    error_message: r.errorMessage,
    models: r.models,
    collected_at: collectedAt,
    service: r.service,
    workflow_id: r.workflowId,
    error_reason: r.errorReason,
  };
}
