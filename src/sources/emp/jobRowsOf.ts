import type { JobRow } from '../../collect/CollectUnit.ts';
import type { JobRecord } from './JobRecord.ts';
import { toJobRow } from './toJobRow.ts';

/** The simulator's `toJobRow` (the one mapping both `simulate --warehouse` and `collect` use), typed for commit. */
export function jobRowsOf(records: readonly JobRecord[], collectedAt: number): JobRow[] {
  return records.map((r) => toJobRow(r, collectedAt) as unknown as JobRow);
}
