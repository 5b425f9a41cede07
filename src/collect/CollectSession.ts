import type { Logger } from '../log/Logger.ts';
import type { CollectUnit, JobRow, UnitResult } from './CollectUnit.ts';

export interface CollectLimits {
  /** COUNT hint of each SCAN/HSCAN call. */
  scanCount: number;
  /** Most commands in one Redis pipeline, and most entries per XRANGE call. */
  batchSize: number;
  /** Most job rows per warehouse transaction: bounds memory whatever the backlog. */
  unitRows: number;
}

/** The warehouse side of a collection pass, as a source sees it. Sources never touch the warehouse directly. */
export interface CollectSession {
  readonly source: string;
  /** When the pass started (epoch ms): the snapshot time and every row's collected_at. */
  readonly now: number;
  readonly limits: CollectLimits;
  readonly logger: Logger;
  /** The committed value of one of this source's checkpoints, or null. */
  checkpoint(name: string): Promise<string | null>;
  /** Current rows of these jobs, for sources that merge partial facts into what is already known. */
  existingJobs(queue: string, jobIds: readonly string[]): Promise<Map<string, JobRow>>;
  /** How many jobs of a queue the warehouse holds in a status (e.g. every completion ever recorded). */
  countJobs(queue: string, status: JobRow['status']): Promise<number>;
  /** Writes one unit atomically: its rows and the checkpoints that cover them. */
  commit(unit: CollectUnit): Promise<UnitResult>;
}
