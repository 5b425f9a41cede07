import type { Warehouse } from '../../../src/warehouse/Warehouse.ts';

/**
 * A small deterministic fleet written through Warehouse.append: `machines` machines (the last one slow and
 * failure-prone), `perDay` jobs a day of three job types, snapshots every 30 minutes, a few model downloads.
 * Times are spread over the local day by a fixed pattern, so tests can reason about totals.
 */
export async function writeSmallFleet(
  w: Warehouse,
  o: { from: string; days: number; perDay: number; machines?: number; incidentDay?: number },
): Promise<{ jobs: number }> {
  const machines = o.machines ?? 4;
  const start = Date.parse(o.from);
  const jobs: Record<string, unknown>[] = [];
  const types = [
    { name: 'txt2img', run: 12_000, models: ['sdxl', 'vae'] },
    { name: 'upscale', run: 60_000, models: ['esrgan'] },
    { name: 'video', run: 400_000, models: ['wan'] },
  ];
  for (let d = 0; d < o.days; d++) {
    for (let i = 0; i < o.perDay; i++) {
      const t = types[i % 3 === 2 && i % 9 === 8 ? 2 : i % 3 === 1 ? 1 : 0]!;
      const m = i % machines;
      const slow = m === machines - 1;
      const incident = o.incidentDay === d;
      const created = start + d * 86_400_000 + Math.floor((i / o.perDay) * 86_400_000);
      const wait = 1_000 + (i % 7) * 500;
      const run = Math.round(t.run * (slow ? 1.6 : 1) * (0.9 + (i % 5) * 0.05));
      const failed = (slow && i % 10 === 3) || (incident && i % 4 === 0) || i % 97 === 0;
      jobs.push({
        source: 'emp',
        queue: 'jobs',
        job_id: `j-${d}-${i}`,
        name: t.name,
        status: failed ? 'failed' : 'completed',
        priority: 50,
        machine_id: `m-${m}`,
        worker_id: `m-${m}-w0`,
        attempts: failed ? 3 : i % 20 === 0 ? 2 : 1,
        created_at: created,
        started_at: created + wait,
        finished_at: created + wait + run,
        wait_ms: wait,
        run_ms: run,
        error_type: failed ? (incident ? 'resource_limit' : 'timeout') : null,
        error_message: failed ? (incident ? 'CUDA out of memory on device 0' : 'Job timeout after 30 minutes') : null,
        models: t.models,
        collected_at: created + wait + run + 60_000,
        service: 'comfyui',
      });
    }
  }
  await w.append('jobs', jobs);
  const snaps: Record<string, unknown>[] = [];
  const workers: Record<string, unknown>[] = [];
  const queues: Record<string, unknown>[] = [];
  for (let t = start; t < start + o.days * 86_400_000; t += 30 * 60_000) {
    for (let m = 0; m < machines; m++) {
      snaps.push({ taken_at: t, source: 'emp', machine_id: `m-${m}`, phase: 'ready', gpu_count: 1, workers: 1 });
      workers.push({
        taken_at: t,
        source: 'emp',
        worker_id: `m-${m}-w0`,
        machine_id: `m-${m}`,
        status: (t / 60_000) % 60 < 20 ? 'busy' : 'idle',
      });
    }
    queues.push({
      taken_at: t,
      source: 'emp',
      queue: 'jobs',
      waiting: (t / 60_000) % 7,
      active: 2,
      delayed: 0,
      completed: 0,
      failed: 0,
      oldest_waiting_ms: 5_000,
    });
  }
  await w.append('machine_snapshots', snaps);
  await w.append('worker_snapshots', workers);
  await w.append('queue_snapshots', queues);
  const downloads: Record<string, unknown>[] = [];
  for (let d = 0; d < o.days; d++) {
    for (let k = 0; k < 6; k++) {
      const s = start + d * 86_400_000 + k * 3_600_000;
      downloads.push({
        source: 'emp',
        machine_id: `m-${k % machines}`,
        model: k % 3 === 0 ? 'wan' : 'sdxl',
        started_at: s,
        finished_at: s + 90_000,
        bytes: 1_000_000,
        ok: k !== 3,
        error: k === 3 ? 'HTTP 503' : null,
        event_id: `dl-${d}-${k}`,
      });
    }
  }
  await w.append('model_downloads', downloads);
  return { jobs: jobs.length };
}
