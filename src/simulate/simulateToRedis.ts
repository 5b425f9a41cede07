import { empKeys } from '../sources/emp/empKeys.ts';
import { encodeDownloadSpans } from './encodeDownloadSpans.ts';
import { encodeJobHash } from './encodeJobHash.ts';
import { FleetEngine } from './FleetEngine.ts';
import type { BulkEmpSink } from './EmpSink.ts';
import type { SimDownload } from './SimJob.ts';
import type { SimOptions } from './SimOptions.ts';
import { writeFleetState, type BusyWorkers } from './writeFleetState.ts';
import { COMPLETED_KEEP_MS, FAILED_KEEP_MS, writeJobKeys } from './writeJobKeys.ts';

/** The real stream is capped with `XADD … MAXLEN ~ 10000` (event-client.ts). */
export const TELEMETRY_MAXLEN = 10_000;

export interface SimulateSummary {
  jobs: number;
  downloads: number;
  commands: number;
  machinesOnline: number;
}

/**
 * Writes the simulated history into Redis in the emp layout, as the real system would have left it at
 * `options.end`, streaming day by day through a bulk sink (RespEmpSink in the CLI, or ioredis pipelines).
 */
export async function simulateToRedis(
  options: SimOptions,
  sink: BulkEmpSink,
  prefix: string,
  onDay?: (day: number, jobs: number) => void,
): Promise<SimulateSummary> {
  const engine = new FleetEngine(options);
  const keys = empKeys(prefix);
  const asOf = options.end;
  const busy: BusyWorkers = new Map();
  const downloads: SimDownload[] = [];
  let jobs = 0;
  let lastCompleted = -1;
  let lastFailed = -1;
  for (const batch of engine.days()) {
    for (const job of batch.jobs) {
      const view = encodeJobHash(job, asOf, engine.fleet);
      writeJobKeys(job, view, asOf, engine.fleet, keys, sink);
      const last = job.attempts[view.visible - 1];
      if ((view.status === 'assigned' || view.status === 'in_progress') && last !== undefined) {
        busy.set(last.worker, { jobId: job.id, assignedUs: last.assignedUs });
      }
      // The hash keys' TTLs were last refreshed by the latest write into them.
      for (let k = 0; k < view.visible; k++) {
        const a = job.attempts[k]!;
        if (a.endAt <= asOf && a.failure === null && a.endAt > lastCompleted) lastCompleted = a.endAt;
      }
      if (view.status === 'failed') {
        const failedAt = Date.parse(view.fields['failed_at'] ?? '');
        if (failedAt > lastFailed) lastFailed = failedAt;
      }
      jobs++;
      await sink.drain();
    }
    for (const d of batch.downloads) downloads.push(d);
    onDay?.(Math.round((batch.dayStart - engine.firstDay) / 86_400_000), batch.jobs.length);
  }
  if (lastCompleted >= 0 && asOf - lastCompleted < COMPLETED_KEEP_MS) {
    sink.expire(keys.completed, Math.ceil((COMPLETED_KEEP_MS - (asOf - lastCompleted)) / 1000));
  }
  if (lastFailed >= 0 && asOf - lastFailed < FAILED_KEEP_MS) {
    sink.expire(keys.failed, Math.ceil((FAILED_KEEP_MS - (asOf - lastFailed)) / 1000));
  }
  const machinesOnline = writeFleetState(engine.fleet, engine.incidents, busy, asOf, keys, sink);
  const entries = encodeDownloadSpans(downloads, asOf, engine.fleet, engine.catalog);
  for (const entry of entries) {
    sink.xadd(keys.telemetryEvents, entry.id, entry.fields, TELEMETRY_MAXLEN);
    await sink.drain();
  }
  await sink.flush();
  return { jobs, downloads: entries.length, commands: sink.commands, machinesOnline };
}
