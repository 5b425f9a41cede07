import { setTimeout as sleep } from 'node:timers/promises';
import { empKeys } from '../sources/emp/empKeys.ts';
import { encodeDownloadSpans } from './encodeDownloadSpans.ts';
import { encodeJobHash } from './encodeJobHash.ts';
import { FleetEngine } from './FleetEngine.ts';
import type { BulkEmpSink } from './EmpSink.ts';
import type { SimDownload, SimJob } from './SimJob.ts';
import { DAY_MS } from './SimOptions.ts';
import { TELEMETRY_MAXLEN } from './simulateToRedis.ts';
import { writeFleetState, type BusyWorkers } from './writeFleetState.ts';
import { writeJobKeys } from './writeJobKeys.ts';

export interface LiveOptions {
  seed: number;
  machines: number;
  /** Average submissions per second (the daily curve still shapes it). */
  rate: number;
  durationMs: number;
}

export interface LiveSummary {
  jobs: number;
  writes: number;
}

const TICK_MS = 500;
const STATUS_EVERY_MS = 10_000;

interface Tracked {
  job: SimJob;
  signature: string;
  activeWorker: string;
  pending: boolean;
}

/**
 * Runs the fleet in real time: the engine plans the next `durationMs` from the seed, and every half second the
 * keys of each step that changed are rewritten as of the wall clock (submit, claim, start, progress, finish),
 * with machine and worker state refreshed every 10 s like the real API does. Stream entries use `*` ids.
 */
export async function simulateLive(
  options: LiveOptions,
  sink: BulkEmpSink,
  prefix: string,
  now: () => number,
): Promise<LiveSummary> {
  const start = now();
  const end = start + options.durationMs;
  const engine = new FleetEngine({
    seed: options.seed,
    machines: options.machines,
    end,
    days: options.durationMs / DAY_MS,
    jobsPerDay: options.rate * 86_400,
  });
  const keys = empKeys(prefix);
  const pending: Tracked[] = [];
  const downloads: SimDownload[] = [];
  for (const batch of engine.days()) {
    for (const job of batch.jobs) pending.push({ job, signature: '', activeWorker: '', pending: false });
    for (const d of batch.downloads) downloads.push(d);
  }
  pending.sort((a, b) => a.job.createdAt - b.job.createdAt);
  const spans = encodeDownloadSpans(downloads, Infinity, engine.fleet, engine.catalog);
  let spanIndex = 0;
  let live: Tracked[] = [];
  let next = 0;
  let lastStatus = -Infinity;
  for (;;) {
    const t = Math.min(now(), end);
    while (next < pending.length && pending[next]!.job.createdAt <= t) live.push(pending[next++]!);
    const busy: BusyWorkers = new Map();
    const still: Tracked[] = [];
    for (const tracked of live) {
      const view = encodeJobHash(tracked.job, t, engine.fleet);
      const current = tracked.job.attempts[view.visible - 1];
      const activeWorker =
        (view.status === 'assigned' || view.status === 'in_progress') && current
          ? (engine.fleet.workers[current.worker]?.id ?? '')
          : '';
      if (activeWorker !== '' && current)
        busy.set(current.worker, { jobId: tracked.job.id, assignedUs: current.assignedUs });
      const progressBucket =
        activeWorker !== '' && current
          ? Math.floor((10 * (t - current.startedAt)) / Math.max(1, current.endAt - current.startedAt))
          : 0;
      const signature = `${view.status}/${view.visible}/${progressBucket}`;
      if (signature !== tracked.signature) {
        if (tracked.pending && view.status !== 'pending') sink.zrem(keys.pending, tracked.job.id);
        if (tracked.activeWorker !== '' && tracked.activeWorker !== activeWorker)
          sink.hdel(keys.active(tracked.activeWorker), tracked.job.id);
        writeJobKeys(tracked.job, view, t, engine.fleet, keys, sink);
        if (view.status === 'completed') sink.expire(keys.completed, 86_400);
        if (view.status === 'failed') sink.expire(keys.failed, 7 * 86_400);
        tracked.signature = signature;
        tracked.activeWorker = activeWorker;
        tracked.pending = view.status === 'pending';
      }
      if (view.status !== 'completed' && view.status !== 'failed') still.push(tracked);
    }
    live = still;
    while (spanIndex < spans.length && Number(spans[spanIndex]!.id.split('-')[0]) <= t) {
      sink.xadd(keys.telemetryEvents, '*', spans[spanIndex++]!.fields, TELEMETRY_MAXLEN);
    }
    if (t - lastStatus >= STATUS_EVERY_MS || t >= end) {
      writeFleetState(engine.fleet, engine.incidents, busy, t, keys, sink);
      lastStatus = t;
    }
    await sink.flush();
    if (t >= end) break;
    await sleep(TICK_MS);
  }
  return { jobs: next, writes: sink.commands };
}
