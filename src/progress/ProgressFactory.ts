/** One long task's progress. Cheap to call often: output is throttled by the implementation. */
export interface Progress {
  /** Adds `count` (default 1) units of work done; `detail` names the current item (e.g. "daily/2026-11-21"). */
  advance(count?: number, detail?: string): void;
  /** Sets the absolute amount done. */
  update(done: number, detail?: string): void;
  /** The total is sometimes known only after the work started. */
  setTotal(total: number): void;
  /** Ends the task: a TTY bar is replaced by a final line; logs get one summary line. */
  finish(message?: string): void;
}

/** Starts progress reporting for a task named `label` with `total` units (unknown: a counter without a bar). */
export type ProgressFactory = (label: string, total?: number) => Progress;
