import { buildFleet, type Fleet } from './buildFleet.ts';
import { buildPayload, pickModels } from './buildPayload.ts';
import {
  DOWNLOAD_FAILURE,
  FAILURE_MODES,
  INCIDENT_FAILURES,
  JOB_TIMEOUT_MS,
  JOB_TYPES,
  NEXT_STEP,
  TIMEOUT_FAILURE,
  type FailureMode,
  type JobType,
} from './catalog.ts';
import { buildModelCatalog, type ModelCatalog } from './modelCatalog.ts';
import { ModelCaches } from './ModelCaches.ts';
import { incidentAt, planIncidents, type Incident } from './planIncidents.ts';
import { cumulative, Prng, zipfWeights } from './Prng.ts';
import { expectedVolume } from './seasonality.ts';
import { pickMode } from './pickMode.ts';
import { planArrivals } from './planArrivals.ts';
import { TaskQueue } from './TaskQueue.ts';
import type { SimAttempt, SimDownload, SimJob } from './SimJob.ts';
import { WorkerHeap } from './WorkerHeap.ts';
import { DAY_MS, type SimOptions } from './SimOptions.ts';

export interface DayBatch {
  dayStart: number;
  jobs: SimJob[];
  downloads: SimDownload[];
}

const DISCONNECT: FailureMode = {
  type: 'system_error',
  reason: 'worker_disconnected',
  message: 'Worker disconnected/timeout: machine shut down',
  retryable: true,
  weight: 0,
};
const CANCEL_RATE = 0.004;
const AVOID_PENALTY_MS = 60_000;
/** Share of a job type's failure rate that comes from steps doomed on every attempt. */
const POISON_SHARE = 0.45;

/**
 * The pure fleet model: produces each day's steps with their whole lifecycle (claims, runs, failures, retries,
 * cancellations, downloads) from the seed alone. State that spans days (when each worker is next free, which
 * models each machine holds) is carried over, so generation streams day by day in bounded memory.
 */
interface WorkflowState {
  id: string;
  /** Submission time of the workflow (its `workflow_datetime`). */
  at: number;
  priority: number;
  total: number;
  step: number;
  trace: string;
  span: string;
}

interface Task {
  at: number;
  order: number;
  typeIndex: number;
  priority: number;
  wf: WorkflowState | null;
}

export class FleetEngine {
  readonly options: SimOptions;
  readonly fleet: Fleet;
  readonly catalog: ModelCatalog;
  readonly incidents: Incident[];
  readonly from: number;
  readonly firstDay: number;
  private readonly freeAt: Float64Array;
  private readonly eligible: number[][];
  private readonly models: ModelCaches;
  private readonly typeCdf: number[];
  private readonly customerCdf: number[];
  private readonly customers: string[];
  private readonly heaps: WorkerHeap[];
  private readonly version: Int32Array;
  private readonly typesOf: number[][];
  private readonly aside: number[] = [];
  private readonly tasks = new TaskQueue<Task>();
  private order = 0;
  private seq = 0;
  private sessionEnd = 0;
  private sessionIndex = 0;

  constructor(options: SimOptions) {
    this.options = options;
    this.from = options.end - options.days * DAY_MS;
    this.firstDay = Math.floor(this.from / DAY_MS) * DAY_MS;
    this.fleet = buildFleet(options.seed, options.machines, this.from, options.end);
    this.catalog = buildModelCatalog(options.seed);
    this.incidents = planIncidents(
      options.seed,
      this.firstDay,
      Math.ceil((options.end - this.firstDay) / DAY_MS),
      options.machines,
    );
    this.freeAt = new Float64Array(this.fleet.workers.length);
    this.eligible = JOB_TYPES.map((t) =>
      (this.fleet.byService.get(t.service) ?? []).filter((w) => {
        const machine = this.fleet.machines[this.fleet.workers[w]?.machine ?? 0];
        return machine !== undefined && machine.gpu.memoryGb >= t.minGpuMemory;
      }),
    );
    this.version = new Int32Array(this.fleet.workers.length);
    this.typesOf = this.fleet.workers.map(() => []);
    this.eligible.forEach((list, t) => list.forEach((w) => this.typesOf[w]?.push(t)));
    this.heaps = JOB_TYPES.map(() => new WorkerHeap());
    for (const w of this.fleet.workers) this.touch(w.index);
    this.models = new ModelCaches(this.catalog, options.machines);
    this.typeCdf = cumulative(JOB_TYPES.map((t) => t.share));
    const rng = Prng.derive(options.seed, 0xc057);
    this.customers = Array.from({ length: 300 }, () => `cust_${rng.hex(10)}`);
    this.customerCdf = cumulative(zipfWeights(this.customers.length, 1.05));
  }

  /** Every day of the range in order; each batch holds the steps submitted that day. */
  *days(): Generator<DayBatch> {
    yield* this.chunks(DAY_MS);
  }

  /**
   * The range in batches of `chunkMs` (a divisor of a day, or a day): the same steps as `days()`, in the same
   * order, cut finer, so a caller that only needs the near future (live mode) holds a few seconds of steps
   * instead of the whole run. Each batch holds the steps submitted in `[dayStart, dayStart + chunkMs)`.
   */
  *chunks(chunkMs: number): Generator<DayBatch> {
    for (let dayStart = this.firstDay, d = 0; dayStart < this.options.end; dayStart += DAY_MS, d++) {
      const rng = Prng.derive(this.options.seed, 0xda7, d);
      this.planDay(rng, d, dayStart);
      const dayEnd = Math.min(dayStart + DAY_MS, this.options.end);
      for (let from = dayStart; from < dayEnd; from += chunkMs) {
        // Nothing is submitted before the range starts: skip to it (a live run starts mid-day).
        if (from + chunkMs <= this.from) continue;
        yield { dayStart: from, ...this.runUntil(rng, Math.min(from + chunkMs, dayEnd)) };
      }
    }
  }

  /** Queues the day's arrivals (workflows as their first step, batches as their steps). */
  private planDay(rng: Prng, dayIndex: number, dayStart: number): void {
    const steady = this.options.steady === true;
    let volume: number;
    let window: [number, number] | undefined;
    if (steady) {
      window = [Math.max(dayStart, this.from), Math.min(dayStart + DAY_MS, this.options.end)];
      volume = (this.options.jobsPerDay * Math.max(0, window[1] - window[0])) / DAY_MS;
    } else {
      const totalDays = Math.ceil((this.options.end - this.firstDay) / DAY_MS);
      volume =
        expectedVolume(dayIndex, totalDays, dayStart, this.options.jobsPerDay, this.firstDay) * rng.logNormal(1, 0.08);
    }
    for (const a of planArrivals(rng, dayStart, volume, this.typeCdf, window)) {
      if (a.at < this.from || a.at >= this.options.end) continue;
      if (a.kind === 'workflow') {
        const x = rng.float();
        const wf: WorkflowState = {
          id: rng.uuid(),
          at: a.at,
          priority: x < 0.8 ? 50 : x < 0.92 ? 80 : 30,
          total: a.steps,
          step: 1,
          trace: rng.hex(32),
          span: rng.hex(16),
        };
        this.tasks.push({ at: a.at, order: this.order++, typeIndex: a.typeIndex, priority: wf.priority, wf });
        continue;
      }
      const count = a.kind === 'batch' ? a.steps : 1;
      for (let i = 0; i < count; i++) {
        const at = Math.floor(a.at + i * rng.range(50, 400));
        this.tasks.push({
          at,
          order: this.order++,
          typeIndex: a.typeIndex,
          priority: a.kind === 'batch' ? 20 : 50,
          wf: null,
        });
      }
    }
  }

  /**
   * Runs the queued steps submitted before `limit`. Steps run in submission order; a workflow's next step is
   * queued when the previous one completes, so a step submitted later never takes a worker before an earlier one
   * (workers' free times only move forward).
   */
  private runUntil(rng: Prng, limit: number): { jobs: SimJob[]; downloads: SimDownload[] } {
    const jobs: SimJob[] = [];
    const downloads: SimDownload[] = [];
    while (this.tasks.size > 0 && this.tasks.peekAt() < limit) {
      const task = this.tasks.pop()!;
      const job = this.newJob(rng, task.typeIndex, task.at, task.priority, task.wf);
      const ok = this.runJob(rng, job, downloads);
      jobs.push(job);
      const wf = task.wf;
      if (!ok || wf === null || wf.step >= wf.total) continue;
      const last = job.attempts[job.attempts.length - 1];
      const at = Math.floor((last?.endAt ?? task.at) + rng.range(300, 2500));
      if (at >= this.options.end) continue;
      const next = NEXT_STEP[task.typeIndex] ?? [0];
      const typeIndex = next[rng.int(next.length)] ?? 0;
      this.tasks.push({ at, order: this.order++, typeIndex, priority: wf.priority, wf: { ...wf, step: wf.step + 1 } });
    }
    return { jobs, downloads };
  }

  private newJob(rng: Prng, typeIndex: number, createdAt: number, priority: number, wf: WorkflowState | null): SimJob {
    const type = JOB_TYPES[typeIndex] ?? JOB_TYPES[0]!;
    const models = pickModels(type, this.catalog, rng);
    const job: SimJob = {
      seq: this.seq++,
      id: wf !== null ? `step-${rng.uuid()}` : rng.uuid(),
      typeIndex,
      service: type.service,
      createdAt: Math.floor(createdAt),
      priority: wf !== null ? wf.priority : priority,
      customerId: this.customers[rng.pickCumulative(this.customerCdf)] ?? '',
      maxRetries: 3,
      workflowId: wf?.id ?? '',
      workflowPriority: wf?.priority ?? 0,
      workflowDatetime: wf?.at ?? 0,
      step: wf?.step ?? 0,
      totalSteps: wf?.total ?? 0,
      requirements: type.minGpuMemory > 0 ? JSON.stringify({ hardware: { gpu_memory_gb: type.minGpuMemory } }) : '',
      payload: buildPayload(type, models, this.catalog, rng),
      jobTraceId: rng.hex(32),
      jobSpanId: rng.hex(16),
      workflowTraceId: wf?.trace ?? '',
      workflowSpanId: wf?.span ?? '',
      models,
      baseRunMs: rng.logNormal(type.medianSec * 1000, type.sigma),
      poison: rng.chance(type.failRate * POISON_SHARE) ? pickMode(rng, FAILURE_MODES[type.failureSet]) : null,
      attempts: [],
      cancelAt: rng.chance(CANCEL_RATE) ? Math.floor(createdAt + rng.logNormal(45_000, 1)) : -1,
    };
    return job;
  }

  /** Runs every attempt of a step; true when it completed. */
  private runJob(rng: Prng, job: SimJob, downloads: SimDownload[]): boolean {
    const type = JOB_TYPES[job.typeIndex] ?? JOB_TYPES[0]!;
    const outcome = this.attemptAll(rng, job, type, downloads);
    // A cancellation only counts when it landed while the step was still pending or running.
    if (outcome === 'completed' || outcome === 'failed') job.cancelAt = -1;
    return outcome === 'completed';
  }

  private attemptAll(
    rng: Prng,
    job: SimJob,
    type: JobType,
    downloads: SimDownload[],
  ): 'completed' | 'failed' | 'cancelled' | 'unclaimed' {
    let readyAt = job.createdAt;
    let lastWorker = -1;
    for (let attempt = 0; attempt < job.maxRetries; attempt++) {
      const pick = this.findWorker(job.typeIndex, readyAt, lastWorker);
      if (pick < 0) return 'unclaimed';
      const claimAt = this.claimTime + rng.float() * 1000;
      if (job.cancelAt >= 0 && job.cancelAt <= claimAt) return 'cancelled';
      const assignedUs = Math.floor(claimAt * 1000);
      const claimMs = Math.floor(assignedUs / 1000);
      const startedAt = claimMs + 30 + rng.int(400);
      const result = this.execute(rng, job, type, pick, startedAt, downloads);
      let endAt = result.endAt;
      let failure: SimAttempt['failure'] = result.failure;
      if (job.cancelAt >= 0 && job.cancelAt < endAt) {
        endAt = Math.max(job.cancelAt, startedAt);
        job.cancelAt = endAt;
        failure = 'cancel';
      }
      const a: SimAttempt = {
        worker: pick,
        assignedUs,
        startedAt,
        endAt,
        failure,
        progress: failure === null ? 100 : Math.min(99, Math.floor(result.progress)),
      };
      job.attempts.push(a);
      this.freeAt[pick] = endAt + 100 + rng.int(300);
      this.touch(pick);
      if (failure === null) return 'completed';
      if (failure === 'cancel') return 'cancelled';
      if (!failure.retryable || attempt + 1 >= job.maxRetries) return 'failed';
      readyAt = endAt + 20 + rng.int(200);
      lastWorker = pick;
    }
    return 'failed';
  }

  /** Time the chosen worker claims the step; set by findWorker. */
  private claimTime = 0;

  /** The eligible worker that can take the step soonest (free and its machine online), or -1. */
  private findWorker(typeIndex: number, readyAt: number, avoid: number): number {
    const heap = this.heaps[typeIndex];
    if (heap === undefined) return -1;
    const eligible = this.eligible[typeIndex]?.length ?? 0;
    const aside = this.aside;
    aside.length = 0;
    let best = -1;
    let bestAt = Infinity;
    // Keys are lower bounds of each worker's availability, so the search stops once the top cannot beat the best.
    let bestEffective = Infinity;
    while (heap.size > 0 && heap.topKey() < bestEffective && bestEffective > readyAt) {
      const key = heap.topKey();
      const w = heap.topWorker();
      const version = heap.topVersion();
      heap.pop();
      if (version !== this.version[w]) continue;
      const candidate = key > readyAt ? key : readyAt;
      const online = this.onlineFrom(this.fleet.workers[w]?.machine ?? 0, candidate);
      if (online === Infinity) continue;
      if (online > candidate) {
        heap.push(online, w, version);
        continue;
      }
      aside.push(key, w, version);
      // A retry prefers another worker than the one it failed on, unless that means waiting a minute longer.
      const effective = w === avoid && eligible > 1 ? online + AVOID_PENALTY_MS : online;
      if (effective < bestEffective) {
        bestEffective = effective;
        bestAt = online;
        best = w;
      }
    }
    for (let i = 0; i < aside.length; i += 3) heap.push(aside[i]!, aside[i + 1]!, aside[i + 2]!);
    if (best < 0) return -1;
    this.claimTime = bestAt;
    return best;
  }

  /** Re-indexes a worker after its free time changed. */
  private touch(w: number): void {
    const version = ++this.version[w]!;
    const key = this.onlineFrom(this.fleet.workers[w]?.machine ?? 0, this.freeAt[w] ?? 0);
    if (key === Infinity) return;
    for (const t of this.typesOf[w] ?? []) this.heaps[t]?.push(key, w, version);
  }

  /** Earliest instant ≥ t at which the machine is online with at least a minute left; sets sessionEnd/Index. */
  private onlineFrom(machine: number, t: number): number {
    const sessions = this.fleet.machines[machine]?.sessions ?? [];
    let lo = 0;
    let hi = sessions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sessions[mid]?.[1] ?? 0) - 60_000 > t) hi = mid;
      else lo = mid + 1;
    }
    const s = sessions[lo];
    if (s === undefined) return Infinity;
    this.sessionEnd = s[1];
    this.sessionIndex = lo;
    return s[0] > t ? s[0] : t;
  }

  private execute(
    rng: Prng,
    job: SimJob,
    type: JobType,
    worker: number,
    startedAt: number,
    downloads: SimDownload[],
  ): { endAt: number; failure: FailureMode | null; progress: number } {
    const machineIndex = this.fleet.workers[worker]?.machine ?? 0;
    const machine = this.fleet.machines[machineIndex]!;
    this.onlineFrom(machineIndex, startedAt);
    const sessionEnd = this.sessionEnd;
    const hit = incidentAt(this.incidents, machineIndex, startedAt);
    const intensity = hit?.intensity ?? 0;
    const slow = 1 + ((hit?.incident.slowPeak ?? 1) - 1) * intensity;
    let t = startedAt;
    if (job.models.length > 0) {
      const failedModel = this.models.fetch(rng, machine, this.sessionIndex, job.models, t, slow, intensity, downloads);
      t = this.models.readyAt;
      if (failedModel >= 0) {
        const name = this.catalog.models[failedModel]?.name ?? '';
        return {
          endAt: t,
          failure: { ...DOWNLOAD_FAILURE, message: `${DOWNLOAD_FAILURE.message}: ${name}` },
          progress: 0,
        };
      }
    }
    const gpuFactor = type.gpu ? machine.gpu.speed * machine.contention : 1;
    const run = job.baseRunMs * gpuFactor * slow * rng.logNormal(1, 0.06);
    const failP = type.failRate * machine.flakiness * (1 + ((hit?.incident.failPeak ?? 1) - 1) * intensity);
    let failure: FailureMode | null = null;
    let runFor = run;
    if (run > JOB_TIMEOUT_MS) {
      failure = TIMEOUT_FAILURE;
      runFor = JOB_TIMEOUT_MS;
    } else if (job.poison !== null) {
      failure = job.poison;
      runFor = run * rng.range(0.1, 0.9);
    } else if (rng.chance(failP)) {
      const modes = intensity > 0.3 && rng.chance(0.6) ? INCIDENT_FAILURES : FAILURE_MODES[type.failureSet];
      failure = pickMode(rng, modes);
      runFor = run * rng.range(0.1, 0.9);
    }
    let endAt = Math.floor(t + runFor);
    if (endAt > sessionEnd) {
      failure = DISCONNECT;
      endAt = Math.max(Math.floor(t), Math.floor(sessionEnd));
    }
    return { endAt, failure, progress: failure === null ? 100 : (100 * (endAt - t)) / Math.max(1, run) };
  }
}
