import type { JobRow } from '../../collect/CollectUnit.ts';

/** What the events stream (and the finished sets) said about one job during a pass, on the Redis server clock. */
export interface JobFacts {
  jobId: string;
  status: JobRow['status'] | null;
  name: string | null;
  addedAt: number | null;
  activeAt: number | null;
  finishedAt: number | null;
  failedReason: string | null;
  attemptsMade: number | null;
  activeCount: number;
}

export function emptyFacts(jobId: string): JobFacts {
  return {
    jobId,
    status: null,
    name: null,
    addedAt: null,
    activeAt: null,
    finishedAt: null,
    failedReason: null,
    attemptsMade: null,
    activeCount: 0,
  };
}
