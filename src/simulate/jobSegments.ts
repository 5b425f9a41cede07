import { isRetry } from './encodeJobHash.ts';
import type { SimJob } from './SimJob.ts';

export interface JobSegments {
  /** Flat [from, to) pairs when the step sat in `jobs:pending`. */
  waiting: number[];
  /** Flat [from, to, worker] triples when a worker held it (claim to end). */
  active: number[];
  /** Final emp state and when it was reached, or null when still open at the end of the data. */
  final: 'completed' | 'failed' | 'cancelled' | null;
  finalAt: number;
}

/**
 * A step's life as time segments, mirroring encodeJobHash's replay: queue and worker snapshots are built from
 * these, so they agree with the job rows.
 */
export function jobSegments(job: SimJob): JobSegments {
  const out: JobSegments = { waiting: [], active: [], final: null, finalAt: Infinity };
  const cancelAt = job.cancelAt >= 0 ? job.cancelAt : Infinity;
  let readyAt = job.createdAt;
  let cancelledInRun = false;
  for (let k = 0; k < job.attempts.length; k++) {
    const a = job.attempts[k]!;
    const claim = a.assignedUs / 1000;
    if (cancelAt <= claim) break;
    out.waiting.push(readyAt, claim);
    out.active.push(claim, a.endAt, a.worker);
    if (a.failure === 'cancel') {
      cancelledInRun = true;
      break;
    }
    if (a.failure === null) {
      out.final = 'completed';
      out.finalAt = a.endAt;
      return out;
    }
    if (!isRetry(a, k, job)) {
      out.final = 'failed';
      out.finalAt = a.endAt;
      return out;
    }
    readyAt = a.endAt;
  }
  if (cancelAt < Infinity) {
    if (!cancelledInRun) out.waiting.push(readyAt, cancelAt);
    out.final = 'cancelled';
    out.finalAt = cancelAt;
    return out;
  }
  out.waiting.push(readyAt, Infinity);
  return out;
}
