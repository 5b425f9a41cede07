/** One decoded entry of a queue's `events` stream (redis-bullmq.md §1.2). */
export interface BullmqEvent {
  id: string;
  /** Redis server time of the entry, epoch ms. */
  at: number;
  event: string;
  jobId: string | null;
  name: string | null;
  failedReason: string | null;
  attemptsMade: number | null;
}
