import type { CollectSession } from '../../collect/CollectSession.ts';
import type { GapRow } from '../../collect/CollectUnit.ts';
import type { RedisReader } from '../../collect/RedisReader.ts';
import type { EmpKeys } from './empKeys.ts';
import type { FinishedEntry } from './scanFinishedEntries.ts';

/** The newest finished-set entry already checked for a missing job hash (epoch ms). */
export const FINISHED_VERIFIED = 'finished_verified';

const REASON: Record<FinishedEntry['set'], string> = {
  completed: 'jobs:completed entries whose job hash was gone before it was read (evicted or deleted)',
  failed: 'jobs:failed entries whose job hash was gone before it was read (evicted or deleted)',
};

/**
 * Finished steps whose `job:{id}` hash Redis lost before the collector read it. emp writes the hash before the
 * `jobs:completed`/`jobs:failed` entry and never deletes hashes itself (redis-emp.md §2, §5), so an entry without
 * its hash is history evicted by `maxmemory` or removed by hand: the step finished, and its row is lost.
 *
 * Each entry is checked once: only entries newer than the `finished_verified` checkpoint and not in the future
 * are due, and the count is committed as `coverage_gaps` rows (one per finished set, `missed` = steps lost)
 * together with the checkpoint that moves past them. So a rerun after a crash counts the same entries again
 * from the same checkpoint, and a later pass never counts them twice.
 */
export class LostJobHashes {
  private readonly since: number;
  private readonly now: number;
  private verified: number;
  private readonly lost = new Map<FinishedEntry['set'], { n: number; from: number; to: number }>();

  private constructor(since: number, now: number) {
    this.since = since;
    this.now = now;
    this.verified = since;
  }

  /**
   * Entries up to the checkpoint were checked by earlier passes. A warehouse collected before this check existed
   * has only the finished-set watermark (`watermark`, 0 when none): entries older than it were read then, so
   * checking starts there.
   */
  static async open(session: CollectSession, watermark: number): Promise<LostJobHashes> {
    const verified = Number(await session.checkpoint(FINISHED_VERIFIED));
    const since =
      Number.isFinite(verified) && verified > 0
        ? verified
        : Number.isFinite(watermark) && watermark > 0
          ? watermark
          : -Infinity;
    return new LostJobHashes(since, session.now);
  }

  /** Whether this pass must check the entry: it has a time, newer than the checkpoint, not ahead of the pass. */
  due(entry: FinishedEntry): boolean {
    return entry.at !== null && entry.at > this.since && entry.at <= this.now;
  }

  /** Records that a due entry was checked; `present` is whether its job hash exists. */
  checked(entry: FinishedEntry, present: boolean): void {
    const at = entry.at!;
    if (at > this.verified) this.verified = at;
    if (present) return;
    const lost = this.lost.get(entry.set);
    if (lost === undefined) this.lost.set(entry.set, { n: 1, from: at, to: at });
    else {
      lost.n++;
      lost.from = Math.min(lost.from, at);
      lost.to = Math.max(lost.to, at);
    }
  }

  /**
   * Checks due entries that were not read (or read back nothing) with EXISTS, in pipelines of `batchSize`: an
   * entry whose hash exists (a hash whose `id` field differs from its key, say) is not a loss.
   */
  async checkExists(reader: RedisReader, keys: EmpKeys, entries: readonly FinishedEntry[], batchSize: number) {
    for (let i = 0; i < entries.length; i += batchSize) {
      const slice = entries.slice(i, i + batchSize);
      const replies = await reader.batch(slice.map((e) => ['exists', keys.job(e.id)]));
      // An unreadable reply is not evidence of a loss.
      slice.forEach((e, index) => this.checked(e, replies[index]?.error !== null || replies[index]?.value !== 0));
    }
  }

  gaps(): GapRow[] {
    return [...this.lost.entries()].map(([set, lost]) => ({
      queue: null,
      gap_from: lost.from,
      gap_to: lost.to,
      reason: REASON[set],
      missed: lost.n,
    }));
  }

  /** The checkpoint to commit with `gaps()`. */
  checkpoints(): Record<string, string> {
    return Number.isFinite(this.verified) ? { [FINISHED_VERIFIED]: String(this.verified) } : {};
  }
}
