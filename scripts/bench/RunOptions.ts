import type { Measured } from './Benchmark.ts';

/** What the runner asks of the child process that runs one benchmark (runOne.ts). */
export interface RunOptions {
  quick: boolean;
  scale: number;
  /** One unmeasured run of the benchmark and of each reference first. */
  warmup: boolean;
  /** Overrides the benchmark's own repetitions. */
  reps: number | null;
}

/** What that child prints: one JSON line. */
export interface RunOutput {
  id: string;
  runs: Measured[];
  /** One list per reference, in order: `reference` first, then `moreReferences`. */
  references: Measured[][];
  peakRssMb: number;
  /** The whole child: setup, warm-up, repetitions, references and teardown, with the children it waited for. */
  cpuSecondsInAll: number;
}
