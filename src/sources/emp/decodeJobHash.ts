import { comfyGraphOf } from './comfyGraphOf.ts';
import { decodeFailure } from './decodeFailure.ts';
import { extractModels } from './extractModels.ts';
import type { JobHashExtras, JobHashRaw } from './JobHashRaw.ts';
import type { JobRecord, JobStatus } from './JobRecord.ts';
import { jobNameOf } from './jobNameOf.ts';
import { machineIdFromWorkerId } from './machineIdFromWorkerId.ts';
import { parseEmpTime } from './parseEmpTime.ts';
import { isRecord, parseJsonSafely } from './parseJsonSafely.ts';
import { reject, type Decoded } from './Reject.ts';

export interface DecodeJobContext extends JobHashExtras {
  source: string;
  /** The key the hash was read from, for the reject record. */
  key: string;
}

const SAFE_ID = /^[\w.:@-]{1,200}$/;
const SAFE_SERVICE = /^[\w.-]{1,64}$/;

/** emp status → warehouse status; `failed` is resolved further (cancellation) by the caller. */
const STATUS: Record<string, JobStatus> = {
  pending: 'waiting',
  queued: 'waiting',
  accepted: 'active',
  assigned: 'active',
  in_progress: 'active',
  completed: 'completed',
  failed: 'failed',
  timeout: 'failed',
  unworkable: 'failed',
  cancelled: 'cancelled',
};

function intOrNull(value: string | undefined): number | null {
  if (value === undefined || !/^-?\d{1,15}$/.test(value.trim())) return null;
  return Number(value.trim());
}

/** The times a job hash may carry besides created_at, in the order a corrupt one is reported. */
const LATER_TIMES = ['assigned_at', 'started_at', 'completed_at', 'failed_at', 'cancelled_at'] as const;

/** A field that holds something: absent and blank fields are unset. */
function isSet(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '';
}

function nonNegative(from: number | null, to: number | null): number | null {
  if (from === null || to === null) return null;
  return to >= from ? to - from : null;
}

/**
 * Decodes one `job:{id}` hash into a JobRecord (redis-emp.md §3–§5). Pure and total: hostile input yields a reject
 * with a reason and an excerpt, never an exception. Payloads are read for the job type and model names only and are
 * never kept.
 */
export function decodeJobHash(raw: unknown, ctx: DecodeJobContext): Decoded<JobRecord> {
  if (!isRecord(raw)) return reject(ctx.key, 'job hash is not a field map', raw);
  const h = raw as JobHashRaw;
  for (const field in h) {
    if (typeof h[field] !== 'string') return reject(ctx.key, `field ${field.slice(0, 40)} is not a string`, raw);
  }
  const id = h.id ?? '';
  if (!SAFE_ID.test(id)) return reject(ctx.key, 'missing or malformed id', raw);
  const service = h.service_required ?? '';
  if (!SAFE_SERVICE.test(service)) return reject(ctx.key, 'missing or malformed service_required', raw);
  const mapped = STATUS[h.status ?? ''];
  if (mapped === undefined) return reject(ctx.key, `unknown status "${(h.status ?? '').slice(0, 40)}"`, raw);
  const createdAt = parseEmpTime(h.created_at);
  if (createdAt === null) return reject(ctx.key, 'missing or unparseable created_at', raw);
  // Each time is parsed once (a catch-up decodes millions of hashes). One that is present but unreadable or
  // implausible is a corrupt record, not an unset field.
  const times: Partial<Record<(typeof LATER_TIMES)[number], number | null>> = {};
  for (const field of LATER_TIMES) {
    const ms = parseEmpTime(h[field]);
    if (ms === null && isSet(h[field])) return reject(ctx.key, `unparseable or implausible ${field}`, raw);
    times[field] = ms;
  }
  const assignedAt = times.assigned_at ?? null;
  const startedRaw = times.started_at ?? null;
  const completedAt = times.completed_at ?? null;
  const failedAt = times.failed_at ?? null;
  const cancelledAt = times.cancelled_at ?? null;

  const retryCount = Math.max(0, intOrNull(h.retry_count) ?? 0);
  const workerRaw = h.worker_id ?? '';
  const workerId = SAFE_ID.test(workerRaw) ? workerRaw : null;

  let status: JobStatus = mapped;
  let errorType: string | null = null;
  let errorMessage: string | null = null;
  let errorReason: string | null = null;
  if (mapped === 'failed' || mapped === 'cancelled') {
    const failure = decodeFailure(h.error, ctx.failedEntry, ctx.failureAttestation);
    status = failure.cancelled || mapped === 'cancelled' ? 'cancelled' : 'failed';
    errorType = status === 'cancelled' ? 'cancelled' : failure.errorType;
    errorMessage = status === 'cancelled' ? (failure.errorMessage ?? 'cancelled') : failure.errorMessage;
    errorReason = status === 'cancelled' ? null : failure.errorReason;
  }

  // A re-queued step keeps the started_at of its failed attempt (§5.6): while waiting it has not started.
  const startedAt = status === 'waiting' ? null : startedRaw;
  const finishedAt =
    status === 'completed'
      ? completedAt
      : status === 'failed' || status === 'cancelled'
        ? (failedAt ?? cancelledAt)
        : null;
  const claimedAt = status === 'waiting' ? null : (assignedAt ?? startedAt);
  const waitMs = nonNegative(createdAt, claimedAt);
  const runMs = status === 'completed' || status === 'failed' ? nonNegative(startedAt, finishedAt) : null;
  const attempts =
    status === 'completed' || status === 'active'
      ? retryCount + 1
      : status === 'failed'
        ? Math.max(1, retryCount)
        : status === 'cancelled'
          ? retryCount + (workerId !== null ? 1 : 0)
          : retryCount;

  const payload = parseJsonSafely(h.payload);
  const nodes = comfyGraphOf(payload);
  const workflowId = h.workflow_id ?? '';
  return {
    ok: true,
    value: {
      source: ctx.source,
      queue: service,
      jobId: id,
      name: jobNameOf(service, payload, nodes),
      service,
      status,
      priority: intOrNull(h.priority),
      machineId: workerId === null ? null : machineIdFromWorkerId(workerId),
      workerId,
      attempts,
      createdAt,
      startedAt,
      finishedAt,
      waitMs,
      runMs,
      errorType,
      errorMessage,
      errorReason,
      models: extractModels(nodes),
      workflowId: SAFE_ID.test(workflowId) ? workflowId : null,
    },
  };
}
