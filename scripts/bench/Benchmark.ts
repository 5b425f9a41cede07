/** One figure a benchmark produces: the main value and anything else worth printing. */
export interface Figure {
  value: number;
  /** e.g. "jobs/s" or "s". */
  unit: string;
  /** Extra facts printed after the table (sizes, bytes, searchable text…). */
  notes?: Record<string, string | number | boolean>;
}

export interface BenchParams {
  quick: boolean;
}

/**
 * A benchmark module under scripts/bench/ exports `benchmarks: Benchmark[]`. Each run happens in a child process
 * of its own (so its peak memory is its own), after `warmups` unmeasured runs.
 */
export interface Benchmark<State = unknown> {
  /** Unique, used on the command line: `npm run bench -- --only collect-1m`. */
  id: string;
  stage: string;
  title: string;
  /** Whether a larger value is better (throughput) or a smaller one (seconds). */
  better: 'higher' | 'lower';
  /** The target, as text and as a check on the median (and the reference's median, when there is one). */
  target?: { text: string; met(median: number, referenceMedian: number | null): boolean };
  setup?(params: BenchParams): Promise<State>;
  run(state: State, params: BenchParams): Promise<Figure>;
  /** The same work done by the thing it is compared with (the machine's limit or the usual alternative). */
  reference?: { title: string; run(state: State, params: BenchParams): Promise<Figure> };
  teardown?(state: State): Promise<void>;
  repetitions?: { full: number; quick: number };
}
