import type { Fleet } from './buildFleet.ts';
import type { FailureMode } from './catalog.ts';
import { iso, secondsMicros } from './empFormat.ts';
import type { SimAttempt, SimJob } from './SimJob.ts';

export const CANCEL_ERROR = 'Job cancelled by user';

/** A step's hash as of an instant, with what the side keys need to know about that moment. */
export interface JobView {
  fields: Record<string, string>;
  /** emp status as written: pending, assigned, in_progress, completed, failed. */
  status: string;
  /** Attempts claimed by `asOf`. */
  visible: number;
  cancelled: boolean;
  /** The hash as it was just before the current claim (the `jobs:active` snapshot), when active. */
  beforeClaim: Record<string, string> | null;
  /** The permanent failure of the last attempt, when the step failed for good by `asOf`. */
  permanent: FailureMode | null;
  requeued: boolean;
}

/** Fields written at submission (LightweightAPIServer.submitJob); unset optional fields are "". */
function submitted(job: SimJob): Record<string, string> {
  const wf = job.workflowId !== '';
  return {
    id: job.id,
    service_required: job.service,
    priority: String(job.priority),
    payload: job.payload,
    requirements: job.requirements,
    customer_id: job.customerId,
    created_at: iso(job.createdAt),
    status: 'pending',
    retry_count: '0',
    max_retries: String(job.maxRetries),
    workflow_id: job.workflowId,
    workflow_priority: wf ? String(job.workflowPriority) : '',
    workflow_datetime: wf ? String(job.workflowDatetime) : '',
    current_step: wf ? String(job.step) : '',
    total_steps: wf ? String(job.totalSteps) : '',
    job_trace_id: job.jobTraceId,
    job_span_id: job.jobSpanId,
    workflow_trace_id: job.workflowTraceId,
    workflow_span_id: job.workflowSpanId,
    // Customer ids are [a-z0-9_], so the template is valid JSON without escaping.
    ctx: `{"workflow_context":{"retry_attempt":0},"storage":{"provider":"azure","container":"emprops-share","prefix":"u/${job.customerId}"}}`,
  };
}

export function isRetry(a: SimAttempt, index: number, job: SimJob): boolean {
  return a.failure !== null && a.failure !== 'cancel' && a.failure.retryable && index + 1 < job.maxRetries;
}

/**
 * Replays a step's writers (API submit, Lua claim, worker start/complete/fail, API cancel; redis-emp.md §5) up to
 * `asOf` and returns the resulting `job:{id}` hash. The Redis writer and the warehouse path both start here.
 */
export function encodeJobHash(job: SimJob, asOf: number, fleet: Fleet): JobView {
  const f = submitted(job);
  const view: JobView = {
    fields: f,
    status: 'pending',
    visible: 0,
    cancelled: false,
    beforeClaim: null,
    permanent: null,
    requeued: false,
  };
  const cancelAt = job.cancelAt >= 0 && job.cancelAt <= asOf ? job.cancelAt : -1;
  for (let k = 0; k < job.attempts.length; k++) {
    const a = job.attempts[k]!;
    if (a.assignedUs / 1000 > asOf) break;
    if (cancelAt >= 0 && a.failure !== 'cancel' && cancelAt <= a.assignedUs / 1000) break;
    view.visible = k + 1;
    const worker = fleet.workers[a.worker]?.id ?? '';
    // Only a step still held by a worker at `asOf` needs the pre-claim snapshot (for jobs:active).
    const held = a.startedAt > asOf || a.endAt > asOf || a.failure === 'cancel';
    const before = held ? { ...f } : null;
    f['status'] = 'assigned';
    f['worker_id'] = worker;
    f['assigned_at'] = secondsMicros(a.assignedUs);
    view.status = 'assigned';
    view.requeued = false;
    if (a.startedAt > asOf) {
      view.beforeClaim = before;
      break;
    }
    f['status'] = 'in_progress';
    f['started_at'] = iso(a.startedAt);
    view.status = 'in_progress';
    if (a.endAt > asOf || a.failure === 'cancel') {
      view.beforeClaim = before;
      break;
    }
    if (a.failure === null) {
      f['status'] = 'completed';
      f['completed_at'] = iso(a.endAt);
      view.status = 'completed';
      break;
    }
    f['retry_count'] = String(k + 1);
    f['last_failed_worker'] = worker;
    f['failed_at'] = iso(a.endAt);
    if (isRetry(a, k, job)) {
      f['status'] = 'pending';
      f['worker_id'] = '';
      f['assigned_at'] = '';
      view.status = 'pending';
      view.requeued = true;
      continue;
    }
    f['status'] = 'failed';
    view.status = 'failed';
    view.permanent = a.failure;
    break;
  }
  if (cancelAt >= 0 && view.status !== 'completed' && view.status !== 'failed') {
    f['status'] = 'failed';
    f['failed_at'] = iso(cancelAt);
    f['error'] = CANCEL_ERROR;
    view.status = 'failed';
    view.cancelled = true;
    view.beforeClaim = null;
    view.requeued = false;
  }
  return view;
}
