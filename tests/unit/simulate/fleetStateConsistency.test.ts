import { describe, expect, it } from 'vitest';
import { decodeMachineInfo, decodeWorkerHash } from '../../../src/sources/emp/decodeFleetState.ts';
import { FleetEngine } from '../../../src/simulate/FleetEngine.ts';
import { seedOf } from '../../../src/simulate/Prng.ts';
import { SnapshotGrid } from '../../../src/simulate/SnapshotGrid.ts';
import { captureKeyspace } from './captureKeyspace.ts';

// End on a collection tick in a busy hour, so the last tick of the grid sees the same instant as the keyspace.
const options = {
  seed: seedOf('fleet-state'),
  end: Date.UTC(2026, 10, 20, 20, 0),
  days: 2,
  machines: 12,
  jobsPerDay: 8000,
};
const INTERVAL = 15 * 60_000;

describe('warehouse snapshots agree with the decoded Redis state', () => {
  it('worker and machine rows at the end tick equal the decoded worker:{id} and machine:{id}:info hashes', () => {
    const { sink } = captureKeyspace(options, 'p:');
    const engine = new FleetEngine(options);
    const grid = new SnapshotGrid(engine.from, options.end, INTERVAL, engine.fleet.workers.length);
    for (const batch of engine.days()) for (const job of batch.jobs) grid.add(job, options.end);
    const last = grid.ticks - 1;
    expect(grid.tickAt(last)).toBe(options.end);
    const expected = grid.workerAndMachineRows(last, 'sim', engine.fleet, engine.incidents);

    const workers = [...sink.hashes]
      .filter(([k]) => /^p:worker:[^:]+$/.test(k))
      .map(([k, h]) => decodeWorkerHash(Object.fromEntries(h), k, k.slice('p:worker:'.length)))
      .map((d) => {
        if (!d.ok) throw new Error(d.reject.reason);
        return {
          worker_id: d.value.workerId,
          machine_id: d.value.machineId,
          status: d.value.status,
          current_job_id: d.value.currentJobId,
        };
      });
    const byId = (a: { worker_id?: unknown; machine_id?: unknown }, b: typeof a) =>
      String(a.worker_id ?? a.machine_id).localeCompare(String(b.worker_id ?? b.machine_id));
    const strip = (rows: Record<string, unknown>[]) => rows.map(({ taken_at: _t, source: _s, ...rest }) => rest);
    expect(workers.some((w) => w.status === 'busy')).toBe(true);
    expect(workers.sort(byId)).toEqual(strip(expected.workers).sort(byId));

    const machines = [...sink.hashes]
      .filter(([k]) => /^p:machine:[^:]+:info$/.test(k))
      .map(([k, h]) => decodeMachineInfo(Object.fromEntries(h), k, k.slice('p:machine:'.length, -':info'.length)))
      .map((d) => {
        if (!d.ok) throw new Error(d.reject.reason);
        return {
          machine_id: d.value.machineId,
          phase: d.value.phase,
          gpu_count: d.value.gpuCount,
          workers: d.value.workers,
          services_healthy: d.value.servicesHealthy,
          services_total: d.value.servicesTotal,
        };
      });
    expect(machines.length).toBeGreaterThan(0);
    expect(machines.sort(byId)).toEqual(strip(expected.machines).sort(byId));

    // Queue depth by service: jobs:pending members and jobs:active entries, against the grid's counts.
    const serviceOf = (id: string) => sink.hashes.get(`p:job:${id}`)?.get('service_required') ?? '?';
    const waiting = new Map<string, number>();
    for (const id of sink.zsets.get('p:jobs:pending')?.keys() ?? [])
      waiting.set(serviceOf(id), (waiting.get(serviceOf(id)) ?? 0) + 1);
    const active = new Map<string, number>();
    for (const [k, h] of sink.hashes) {
      if (!k.startsWith('p:jobs:active:')) continue;
      for (const id of h.keys()) active.set(serviceOf(id), (active.get(serviceOf(id)) ?? 0) + 1);
    }
    const queues = grid.queueRows(last, 'sim', new Int32Array(64));
    expect([...waiting.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    for (const q of queues) {
      expect(q['waiting'], String(q['queue'])).toBe(waiting.get(String(q['queue'])) ?? 0);
      expect(q['active'], String(q['queue'])).toBe(active.get(String(q['queue'])) ?? 0);
    }
  });

  it('decoders reject hostile hashes instead of throwing', () => {
    expect(decodeWorkerHash(null, 'k', 'w').ok).toBe(false);
    expect(decodeWorkerHash({ status: 3 }, 'k', 'w').ok).toBe(false);
    expect(decodeWorkerHash({}, 'k', 'bad id with spaces').ok).toBe(false);
    const w = decodeWorkerHash({ status: 'dancing', current_job_id: '' }, 'k', 'm1-worker-comfyui-0');
    expect(w.ok && w.value).toMatchObject({ machineId: 'm1', status: 'unknown', currentJobId: null });
    const m = decodeMachineInfo({ structure: '{not json', gpu_count: 'many' }, 'k', 'm1');
    expect(m.ok && m.value).toMatchObject({
      machineId: 'm1',
      phase: 'unknown',
      gpuCount: null,
      workers: 0,
      servicesTotal: 0,
    });
  });
});
