import type { JobRow } from '../../collect/CollectUnit.ts';
import type { BullmqJobHash } from './BullmqJobHash.ts';
import type { JobFacts } from './JobFacts.ts';

const FINAL = new Set<JobRow['status']>(['completed', 'failed', 'cancelled']);

/**
 * One job's row from everything known about it: the warehouse row from earlier passes, this pass's stream facts
 * and the job hash when it still exists. The hash's times (producer/worker clock) win over stream times (server
 * clock); a finished job never goes back to an unfinished state. Returns null when there is nothing to record.
 */
export function mergeJob(
  base: { source: string; queue: string; now: number },
  existing: JobRow | undefined,
  facts: JobFacts,
  hash: BullmqJobHash | null,
): JobRow | null {
  let status = facts.status ?? (hash ? statusFromHash(hash) : null) ?? existing?.status ?? null;
  if (status === null) return null;
  if (existing && FINAL.has(existing.status) && !FINAL.has(status)) status = existing.status;
  const final = FINAL.has(status);
  const createdAt = hash?.createdAt ?? existing?.created_at ?? facts.addedAt;
  const startedAt =
    status === 'waiting' || status === 'delayed'
      ? (existing?.started_at ?? null)
      : (hash?.startedAt ?? facts.activeAt ?? existing?.started_at ?? null);
  const finishedAt = final ? (hash?.finishedAt ?? facts.finishedAt ?? existing?.finished_at ?? null) : null;
  const attempts = max(
    hash?.attemptsMade,
    hash?.attemptsStarted,
    facts.attemptsMade,
    existing?.attempts,
    facts.activeCount || null,
  );
  const failedReason =
    status === 'failed' ? (hash?.failedReason ?? facts.failedReason ?? existing?.error_message ?? null) : null;
  return {
    source: base.source,
    queue: base.queue,
    job_id: facts.jobId,
    name: hash?.name ?? facts.name ?? existing?.name ?? null,
    status,
    priority: hash?.priority ?? existing?.priority ?? null,
    machine_id: null,
    worker_id: hash?.processedBy ?? existing?.worker_id ?? null,
    attempts,
    created_at: createdAt ?? null,
    started_at: startedAt,
    finished_at: finishedAt,
    wait_ms: difference(createdAt, startedAt),
    run_ms: final ? difference(startedAt, finishedAt) : null,
    error_type: status === 'failed' ? (hash?.errorType ?? existing?.error_type ?? null) : null,
    error_message: failedReason,
    models: [],
    collected_at: base.now,
    service: null,
    workflow_id: null,
    error_reason: null,
  };
}

function statusFromHash(hash: BullmqJobHash): JobRow['status'] {
  if (hash.finishedAt !== null) return hash.returned || hash.failedReason === null ? 'completed' : 'failed';
  return hash.startedAt !== null ? 'active' : 'waiting';
}

function difference(from: number | null | undefined, to: number | null | undefined): number | null {
  if (from == null || to == null || to < from) return null;
  return to - from;
}

function max(...values: (number | null | undefined)[]): number | null {
  const known = values.filter((v): v is number => typeof v === 'number');
  return known.length === 0 ? null : Math.max(...known);
}
