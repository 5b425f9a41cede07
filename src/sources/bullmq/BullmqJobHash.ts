/** The fields of a BullMQ job hash the collector keeps (redis-bullmq.md §1.1), decoded; `data` is never read. */
export interface BullmqJobHash {
  name: string | null;
  createdAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  attemptsMade: number | null;
  attemptsStarted: number | null;
  failedReason: string | null;
  errorType: string | null;
  processedBy: string | null;
  priority: number | null;
  /** Whether it finished with a return value (success) rather than a failure reason. */
  returned: boolean;
}
