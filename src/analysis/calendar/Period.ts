import type { BundleKind } from '../../report/BundleKind.ts';
import type { CivilDate } from './CivilDate.ts';

/** A report period cut in a time zone: `[start, end)` in epoch ms. */
export interface Period {
  kind: BundleKind;
  id: string;
  timeZone: string;
  start: number;
  end: number;
  /** First and last local calendar day of the period. */
  firstDay: CivilDate;
  lastDay: CivilDate;
  days: number;
  /** Length in hours: 23 or 25 for a DST change day. */
  hours: number;
}
