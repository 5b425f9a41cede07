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
  /**
   * Size factor from `--scale` (1 unless asked). Only benchmarks that declare `grows` read it: they multiply what
   * `grows.what` names by it, so the growth table can say whether cost grows linearly with it.
   */
  scale: number;
  /** True only on the unmeasured warm-up call of `run`, so a long benchmark can warm up on part of its work. */
  warmup?: boolean;
  /**
   * A folder shared by every benchmark of one harness run and removed when it ends: a fixture that several
   * benchmarks build the same way (the PDF benchmarks' fixture site) is built there once. Absent outside the harness.
   */
  scratch?: string;
}

/** The same work done by the thing a benchmark is compared with (the machine's limit or the usual alternative). */
export interface Reference<State = unknown> {
  title: string;
  run(state: State, params: BenchParams): Promise<Figure>;
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
  /** The main reference: the target and the ratio column use it. */
  reference?: Reference<State>;
  /**
   * Further references measured in the same run, each printed with its own ratio: a stage has both a floor
   * (the engine's own limit) and a usual alternative, and one ratio cannot say both.
   */
  moreReferences?: Reference<State>[];
  /** Declared by benchmarks that honour `params.scale`: what grows, and its size at a given scale. */
  grows?: { what: string; size(params: BenchParams): number };
  /** Left out of a full run unless `--scale` or `--only` asks for it: a growth series whose scale-1 figure another
   * benchmark gives already. `--quick` runs it, so it keeps working. */
  growthOnly?: boolean;
  teardown?(state: State): Promise<void>;
  repetitions?: { full: number; quick: number };
}

/** A figure as the harness records it: plus the wall and CPU seconds it measured around the call itself. */
export interface Measured extends Figure {
  wallSeconds: number;
  /** This process (all threads) and its children that exited during the call (a build child, a closed Chromium). */
  cpuSeconds: number;
}
