import type { Fleet } from './buildFleet.ts';
import { JOB_TYPES } from './catalog.ts';
import { jobSegments } from './jobSegments.ts';
import type { Incident } from './planIncidents.ts';
import type { SimJob } from './SimJob.ts';
import { healthyServices, sessionAt } from './writeFleetState.ts';

export const SERVICES: readonly string[] = [...new Set(JOB_TYPES.map((t) => t.service))];

type Row = Record<string, unknown>;

/**
 * What a collector running every `intervalMs` would have seen: per tick, queue depth by service, each online
 * worker's state and each online machine. Filled job by job (any order), read out at the end in tick order.
 */
export class SnapshotGrid {
  readonly ticks: number;
  readonly first: number;
  readonly interval: number;
  private readonly waiting: Int32Array;
  private readonly active: Int32Array;
  private readonly completed: Int32Array;
  private readonly failed: Int32Array;
  private readonly oldest: Float64Array;
  private readonly collected: Int32Array;
  private readonly busy = new Map<number, string>();
  private readonly workerCount: number;
  private readonly serviceIndex = new Map<string, number>(SERVICES.map((s, i) => [s, i]));

  constructor(from: number, end: number, intervalMs: number, workerCount: number) {
    this.interval = intervalMs;
    this.first = Math.floor(from / intervalMs) * intervalMs + intervalMs;
    this.ticks = Math.max(0, Math.floor((end - this.first) / intervalMs) + 1);
    const cells = this.ticks * SERVICES.length;
    this.waiting = new Int32Array(cells);
    this.active = new Int32Array(cells);
    this.completed = new Int32Array(cells);
    this.failed = new Int32Array(cells);
    this.oldest = new Float64Array(cells).fill(Infinity);
    this.collected = new Int32Array(this.ticks);
    this.workerCount = workerCount;
  }

  tickAt(i: number): number {
    return this.first + i * this.interval;
  }

  /** Index of the first tick at or after t. */
  private ceilTick(t: number): number {
    return Math.max(0, Math.ceil((t - this.first) / this.interval));
  }

  /** Adds one step; returns the tick at which a collector would last have written its row. */
  add(job: SimJob, end: number): number {
    const s = this.serviceIndex.get(job.service) ?? 0;
    const seg = jobSegments(job);
    const S = SERVICES.length;
    for (let j = 0; j < seg.waiting.length; j += 2) {
      const a = seg.waiting[j]!;
      const b = seg.waiting[j + 1]!;
      for (let i = this.ceilTick(a); i < this.ticks && this.tickAt(i) < b; i++) {
        const cell = i * S + s;
        this.waiting[cell]!++;
        if (job.createdAt < this.oldest[cell]!) this.oldest[cell] = job.createdAt;
      }
    }
    for (let j = 0; j < seg.active.length; j += 3) {
      const a = seg.active[j]!;
      const b = seg.active[j + 1]!;
      const w = seg.active[j + 2]!;
      for (let i = this.ceilTick(a); i < this.ticks && this.tickAt(i) < b; i++) {
        this.active[i * S + s]!++;
        this.busy.set(i * this.workerCount + w, job.id);
      }
    }
    if (seg.final === 'completed' || seg.final === 'failed') {
      const i = this.ceilTick(seg.finalAt);
      if (i < this.ticks) (seg.final === 'completed' ? this.completed : this.failed)[i * S + s]!++;
    }
    const changed = seg.final !== null && seg.finalAt <= end ? seg.finalAt : end;
    const tick = Math.min(this.ceilTick(changed), this.ticks - 1);
    if (tick >= 0) this.collected[tick]!++;
    return tick >= 0 ? this.tickAt(tick) : end;
  }

  /** Jobs rows each tick's collection would have written. */
  jobsWrittenAt(i: number): number {
    return this.collected[i] ?? 0;
  }

  queueRows(i: number, source: string, cumulative: Int32Array): Row[] {
    const S = SERVICES.length;
    const t = this.tickAt(i);
    const rows: Row[] = [];
    for (let s = 0; s < S; s++) {
      const cell = i * S + s;
      cumulative[s * 2] = (cumulative[s * 2] ?? 0) + this.completed[cell]!;
      cumulative[s * 2 + 1] = (cumulative[s * 2 + 1] ?? 0) + this.failed[cell]!;
      const oldest = this.oldest[cell]!;
      rows.push({
        taken_at: t,
        source,
        queue: SERVICES[s],
        waiting: this.waiting[cell],
        active: this.active[cell],
        delayed: 0,
        completed: cumulative[s * 2],
        failed: cumulative[s * 2 + 1],
        oldest_waiting_ms: oldest === Infinity ? null : Math.max(0, t - oldest),
      });
    }
    return rows;
  }

  workerAndMachineRows(
    i: number,
    source: string,
    fleet: Fleet,
    incidents: readonly Incident[],
  ): { workers: Row[]; machines: Row[] } {
    const t = this.tickAt(i);
    const workers: Row[] = [];
    const machines: Row[] = [];
    for (const m of fleet.machines) {
      if (sessionAt(m, t) === undefined) continue;
      const services = m.workers.reduce((n, w) => n + w.services.length, 0);
      machines.push({
        taken_at: t,
        source,
        machine_id: m.id,
        phase: 'ready',
        gpu_count: m.gpuCount,
        workers: m.workers.length,
        services_healthy: healthyServices(m, incidents, t),
        services_total: services,
      });
      for (const w of m.workers) {
        const job = this.busy.get(i * this.workerCount + w.index);
        workers.push({
          taken_at: t,
          source,
          worker_id: w.id,
          machine_id: m.id,
          status: job === undefined ? 'idle' : 'busy',
          current_job_id: job ?? null,
        });
      }
    }
    return { workers, machines };
  }
}
