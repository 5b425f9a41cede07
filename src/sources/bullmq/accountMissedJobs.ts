import type { CollectSession } from '../../collect/CollectSession.ts';
import type { GapRow } from '../../collect/CollectUnit.ts';

export interface MetricsCounts {
  completed: number | null;
  failed: number | null;
}

export const missedCheckpoint = (queue: string, set: 'completed' | 'failed') => `missed:${set}:${queue}`;
export const passCheckpoint = (queue: string) => `collected_at:${queue}`;

/**
 * Compares BullMQ's own totals (the `metrics:*` count, exact whatever the retention) with the finished jobs the
 * warehouse has ever recorded for the queue. The shortfall is history that was gone before it could be read;
 * whatever it grew by since the last pass becomes a coverage gap with that count. The counts were read before
 * the stream, so a job finishing during the pass can only make the shortfall look smaller, never invent one.
 */
export async function accountMissedJobs(session: CollectSession, queue: string, metrics: MetricsCounts): Promise<void> {
  const gaps: GapRow[] = [];
  const checkpoints: Record<string, string> = { [passCheckpoint(queue)]: String(session.now) };
  const previousPass = Number(await session.checkpoint(passCheckpoint(queue)));
  for (const set of ['completed', 'failed'] as const) {
    const total = metrics[set];
    if (total === null) continue;
    const recorded = await session.countJobs(queue, set);
    const missed = Math.max(0, total - recorded);
    const already = Number(await session.checkpoint(missedCheckpoint(queue, set))) || 0;
    if (missed > already) {
      gaps.push({
        queue,
        gap_from: Number.isFinite(previousPass) && previousPass > 0 ? previousPass : null,
        gap_to: session.now,
        reason: `${set} jobs removed from Redis before they could be read (count from BullMQ metrics)`,
        missed: missed - already,
      });
    }
    checkpoints[missedCheckpoint(queue, set)] = String(Math.max(missed, already));
  }
  await session.commit({ gaps, checkpoints });
}
