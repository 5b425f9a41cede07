import type { Fleet } from './buildFleet.ts';
import type { FailureMode } from './catalog.ts';
import { iso } from './empFormat.ts';
import { CANCEL_ERROR, isRetry, type JobView } from './encodeJobHash.ts';
import type { SimAttempt, SimJob } from './SimJob.ts';

export const WORKER_VERSION = '1.8.3';

function modeOf(a: SimAttempt): FailureMode {
  if (a.failure === null || a.failure === 'cancel') throw new TypeError('attempt did not fail');
  return a.failure;
}

/** The worker's error string: ComfyUI's connector serialises a JSON object, the others pass plain text. */
function workerError(job: SimJob, a: SimAttempt): string {
  const failure = modeOf(a);
  if (job.service !== 'comfyui') return failure.message;
  return JSON.stringify({
    error_message: failure.message,
    error_type: failure.type,
    connector_type: 'comfyui',
    processing_duration: a.endAt - a.startedAt,
  });
}

/** `jobs:failed[jobId]` for a permanent failure (worker path) or an API cancellation. */
function failedEntry(job: SimJob, view: JobView, lastIndex: number): string {
  if (view.cancelled) {
    return JSON.stringify({
      error: CANCEL_ERROR,
      failed_at: view.fields['failed_at'],
      retry_count: Number(view.fields['retry_count']),
      cancelled: true,
    });
  }
  const a = job.attempts[lastIndex]!;
  return JSON.stringify({ error: workerError(job, a), failed_at: iso(a.endAt), retry_count: lastIndex + 1 });
}

/** The worker's failure attestation for attempt `k` (retrying or permanent). */
function attestation(job: SimJob, k: number, fleet: Fleet): string {
  const a = job.attempts[k]!;
  const failure = modeOf(a);
  const retry = isRetry(a, k, job);
  const worker = fleet.workers[a.worker];
  const wf = job.workflowId !== '';
  return JSON.stringify({
    attestation_type: retry ? 'failure_retry' : 'failure_permanent',
    job_id: job.id,
    worker_id: worker?.id ?? '',
    status: retry ? 'failed_retrying' : 'failed_permanent',
    failed_at: iso(a.endAt),
    error_message: workerError(job, a),
    failure_type: failure.type,
    failure_reason: failure.reason,
    failure_description: `${failure.type}: ${failure.reason}`,
    retry_count: k + 1,
    will_retry: retry,
    max_retries: job.maxRetries,
    workflow_id: wf ? job.workflowId : null,
    current_step: wf ? job.step : null,
    total_steps: wf ? job.totalSteps : null,
    workflow_impact: wf ? (retry ? 'step_retrying' : 'workflow_failed') : 'none',
    machine_id: fleet.machines[worker?.machine ?? 0]?.id ?? '',
    worker_version: WORKER_VERSION,
    attestation_created_at: a.endAt,
  });
}

/** `workflow:failure:{wf}:…`: the step's failure record plus the workflow view of it. */
function workflowRecord(stepRecord: string, job: SimJob, workflowStatus: string): string {
  const record = JSON.parse(stepRecord) as Record<string, unknown>;
  return JSON.stringify({
    ...record,
    workflow_attestation_type: 'job_failure',
    failed_job_id: job.id,
    workflow_status: workflowStatus,
  });
}

/** Encoders for the failure records emp keeps (redis-emp.md §2, §5). */
export const encodeFailure = { workerError, failedEntry, attestation, workflowRecord };
