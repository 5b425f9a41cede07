import type { Fleet } from './buildFleet.ts';
import type { Incident } from './planIncidents.ts';
import type { SimDownload, SimJob } from './SimJob.ts';

/**
 * Maps the engine's time onto the wall clock for a fleet that runs `speed` times faster than real time (live
 * mode's `--speed`): the engine models claims, runs, retries, downloads and machine sessions at their usual
 * lengths from `origin`, and everything written to Redis happens `speed` times sooner, at wall-clock times. So a
 * 50-machine fleet can finish a thousand jobs a second while each job keeps a believable life (claimed, started,
 * progressing, finished, sometimes retried), and every timestamp a collector reads is a real instant.
 */
export class WallClock {
  readonly origin: number;
  readonly speed: number;

  constructor(origin: number, speed: number) {
    this.origin = origin;
    this.speed = speed;
  }

  /** Wall-clock ms of an engine instant (floored, so the order of instants is kept). */
  wall(ms: number): number {
    return Math.floor(this.origin + (ms - this.origin) / this.speed);
  }

  /** The engine instant a wall-clock instant stands for. */
  engine(wallMs: number): number {
    return this.origin + (wallMs - this.origin) * this.speed;
  }

  /** Moves a step's times onto the wall clock, in place. */
  job(job: SimJob): void {
    job.createdAt = this.wall(job.createdAt);
    if (job.workflowId !== '') job.workflowDatetime = this.wall(job.workflowDatetime);
    // Rounded up: a cancellation the engine placed after a claim must stay after it (the claim is kept in µs).
    if (job.cancelAt >= 0) job.cancelAt = Math.ceil(this.origin + (job.cancelAt - this.origin) / this.speed);
    for (const a of job.attempts) {
      a.assignedUs = Math.floor(this.origin * 1000 + (a.assignedUs - this.origin * 1000) / this.speed);
      a.startedAt = this.wall(a.startedAt);
      a.endAt = this.wall(a.endAt);
    }
  }

  download(d: SimDownload): void {
    d.startedAt = this.wall(d.startedAt);
    d.endedAt = this.wall(d.endedAt);
  }

  /** The fleet with its machines' online sessions on the wall clock (workers and ids shared). */
  fleet(fleet: Fleet): Fleet {
    const machines = fleet.machines.map((m) => ({
      ...m,
      sessions: m.sessions.map(([from, to]): [number, number] => [this.wall(from), this.wall(to)]),
    }));
    return { ...fleet, machines };
  }

  incidents(incidents: readonly Incident[]): Incident[] {
    return incidents.map((i) => ({
      ...i,
      start: this.wall(i.start),
      peakStart: this.wall(i.peakStart),
      peakEnd: this.wall(i.peakEnd),
      end: this.wall(i.end),
    }));
  }
}
