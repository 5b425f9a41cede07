import type { Period } from '../calendar/Period.ts';

/** One bundle to build: a period, whether it is closed, and the end of the data it rests on. */
export interface Target {
  period: Period;
  closed: boolean;
  /** `period.end` when closed; the analysis clock (an hour boundary) when open. */
  through: number;
  /** A closed period already published that is recomputed on request (a restatement if its figures changed). */
  restate?: boolean;
}
