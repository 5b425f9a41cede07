import { setTimeout as sleep } from 'node:timers/promises';
import { empKeys } from '../sources/emp/empKeys.ts';
import { encodeDownloadSpans, type StreamEntry } from './encodeDownloadSpans.ts';
import { encodeJobHash } from './encodeJobHash.ts';
import { FleetEngine } from './FleetEngine.ts';
import type { BulkEmpSink } from './EmpSink.ts';
import type { SimJob } from './SimJob.ts';
import { DAY_MS } from './SimOptions.ts';
import { TELEMETRY_MAXLEN } from './simulateToRedis.ts';
import { WallClock } from './WallClock.ts';
import { writeFleetState, type BusyWorkers } from './writeFleetState.ts';
import { writeJobKeys } from './writeJobKeys.ts';

export interface LiveOptions {
  seed: number;
  machines: number;
  /** Submissions per second, steady (no daily curve: live mode is a load generator). */
  rate: number;
  durationMs: number;
  /** The fleet runs this many times faster than real time (default 1; see WallClock). */
  speed?: number;
}

export interface LiveSummary {
  /** Steps submitted. */
  jobs: number;
  /** Steps that finished (completed, failed for good or cancelled) during the run. */
  finished: number;
  writes: number;
  ticks: number;
  /** The longest tick (encoding and writing one half second of the fleet): above TICK_MS the writer fell behind. */
  maxTickMs: number;
  /** Wall time from the first tick to the last write. */
  seconds: number;
}

const TICK_MS = 500;
const STATUS_EVERY_MS = 10_000;
/** Steps are generated this far (wall time) ahead of the clock, a second's worth at a time. */
const LOOKAHEAD_MS = 2_000;
const CHUNK_MS = 1_000;

interface Tracked {
  job: SimJob;
  signature: string;
  activeWorker: string;
  pending: boolean;
}

/**
 * Runs the fleet in real time: the engine generates the next few seconds from the seed as the clock reaches them
 * (so neither memory nor start-up time grows with the run), and every half second the keys of each step that
 * changed are rewritten as of the wall clock (submit, claim, start, progress, finish), with machine and worker
 * state refreshed every 10 s like the real API does. A tick's writes go out as one pipeline and the next tick
 * starts half a second after the previous one started, so a slow tick shortens the wait instead of adding to it.
 * Stream entries use `*` ids.
 */
export async function simulateLive(
  options: LiveOptions,
  sink: BulkEmpSink,
  prefix: string,
  now: () => number,
): Promise<LiveSummary> {
  const speed = options.speed ?? 1;
  const start = now();
  const end = start + options.durationMs;
  const clock = new WallClock(start, speed);
  const engine = new FleetEngine({
    seed: options.seed,
    machines: options.machines,
    end: clock.engine(end),
    days: (options.durationMs * speed) / DAY_MS,
    jobsPerDay: (options.rate * 86_400) / speed,
    steady: true,
  });
  const fleet = speed === 1 ? engine.fleet : clock.fleet(engine.fleet);
  const incidents = speed === 1 ? engine.incidents : clock.incidents(engine.incidents);
  const keys = empKeys(prefix);
  const chunkMs = CHUNK_MS * speed;
  const batches = engine.chunks(chunkMs);
  /** Steps generated but not yet submitted, in submission order, from `next` on. */
  let upcoming: SimJob[] = [];
  let next = 0;
  /** Download spans not yet emitted, in end order. */
  let spans: Array<{ at: number; entry: StreamEntry }> = [];
  let generatedUntil = start;
  let exhausted = false;
  const generate = (until: number) => {
    while (!exhausted && generatedUntil < until) {
      const batch = batches.next();
      if (batch.done === true) {
        exhausted = true;
        break;
      }
      generatedUntil = clock.wall(Math.min(batch.value.dayStart + chunkMs, engine.options.end));
      for (const job of batch.value.jobs) {
        if (speed !== 1) clock.job(job);
        upcoming.push(job);
      }
      if (batch.value.downloads.length === 0) continue;
      if (speed !== 1) for (const d of batch.value.downloads) clock.download(d);
      const entries = encodeDownloadSpans(batch.value.downloads, Infinity, fleet, engine.catalog);
      for (const entry of entries) spans.push({ at: Number(entry.id.split('-')[0]), entry });
      spans.sort((a, b) => a.at - b.at);
    }
  };

  let live: Tracked[] = [];
  let submitted = 0;
  let finished = 0;
  let ticks = 0;
  let maxTickMs = 0;
  let lastStatus = -Infinity;
  for (;;) {
    const tickStart = now();
    const t = Math.min(tickStart, end);
    generate(t + LOOKAHEAD_MS);
    while (next < upcoming.length && upcoming[next]!.createdAt <= t) {
      live.push({ job: upcoming[next++]!, signature: '', activeWorker: '', pending: false });
      submitted++;
    }
    if (next > 10_000) {
      upcoming = upcoming.slice(next);
      next = 0;
    }
    const busy: BusyWorkers = new Map();
    const still: Tracked[] = [];
    for (const tracked of live) {
      const view = encodeJobHash(tracked.job, t, fleet);
      const current = tracked.job.attempts[view.visible - 1];
      const activeWorker =
        (view.status === 'assigned' || view.status === 'in_progress') && current
          ? (fleet.workers[current.worker]?.id ?? '')
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
        writeJobKeys(tracked.job, view, t, fleet, keys, sink);
        if (view.status === 'completed') sink.expire(keys.completed, 86_400);
        if (view.status === 'failed') sink.expire(keys.failed, 7 * 86_400);
        tracked.signature = signature;
        tracked.activeWorker = activeWorker;
        tracked.pending = view.status === 'pending';
      }
      if (view.status !== 'completed' && view.status !== 'failed') still.push(tracked);
      else finished++;
    }
    live = still;
    let sent = 0;
    while (sent < spans.length && spans[sent]!.at <= t) {
      sink.xadd(keys.telemetryEvents, '*', spans[sent++]!.entry.fields, TELEMETRY_MAXLEN);
    }
    if (sent > 0) spans = spans.slice(sent);
    if (t - lastStatus >= STATUS_EVERY_MS || t >= end) {
      writeFleetState(fleet, incidents, busy, t, keys, sink);
      lastStatus = t;
    }
    await sink.flush();
    ticks++;
    const tickMs = now() - tickStart;
    if (tickMs > maxTickMs) maxTickMs = tickMs;
    if (t >= end) break;
    await sleep(Math.max(0, TICK_MS - tickMs));
  }
  return { jobs: submitted, finished, writes: sink.commands, ticks, maxTickMs, seconds: (now() - start) / 1000 };
}
