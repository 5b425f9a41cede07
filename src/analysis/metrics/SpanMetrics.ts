/** Everything measured over one span; additive fields are 0 when nothing happened, figures are null without data. */
export interface SpanMetrics {
  submitted: number;
  completed: number;
  failed: number;
  cancelled: number;
  retries: number;
  runP50: number | null;
  runP90: number | null;
  runP95: number | null;
  runP99: number | null;
  runMean: number | null;
  waitP50: number | null;
  waitP95: number | null;
  pools: { fast: PoolCount; standard: PoolCount; heavy: PoolCount };
  /** Most jobs finished in one hour bucket of the span. */
  peakHourly: number;
  machinesOnlineAvg: number | null;
  machinesOnlineMin: number | null;
  machinesSeen: number;
  machineInstants: number;
  workersOnlineAvg: number | null;
  workerObs: number;
  busyObs: number;
  queueDepthMax: number | null;
  oldestWaitMs: number | null;
  queueInstants: number;
  downloads: number;
  downloadsOk: number;
  downloadMs: number;
}

export interface PoolCount {
  jobs: number;
  /** Summed run time of the pool's completed jobs (the GPU-time proxy). */
  ms: number;
}

export function emptySpanMetrics(): SpanMetrics {
  return {
    submitted: 0,
    completed: 0,
    failed: 0,
    cancelled: 0,
    retries: 0,
    runP50: null,
    runP90: null,
    runP95: null,
    runP99: null,
    runMean: null,
    waitP50: null,
    waitP95: null,
    pools: { fast: { jobs: 0, ms: 0 }, standard: { jobs: 0, ms: 0 }, heavy: { jobs: 0, ms: 0 } },
    peakHourly: 0,
    machinesOnlineAvg: null,
    machinesOnlineMin: null,
    machinesSeen: 0,
    machineInstants: 0,
    workersOnlineAvg: null,
    workerObs: 0,
    busyObs: 0,
    queueDepthMax: null,
    oldestWaitMs: null,
    queueInstants: 0,
    downloads: 0,
    downloadsOk: 0,
    downloadMs: 0,
  };
}
