import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMachineInfo } from '../../../src/sources/emp/decodeMachineInfo.ts';
import { decodeWorkerHash } from '../../../src/sources/emp/decodeWorkerHash.ts';

describe('decodeMachineInfo', () => {
  it('counts workers and healthy services from the structure', () => {
    const structure = {
      gpu_count: 2,
      workers: { 'm1-worker-comfyui-0': {}, 'm1-worker-comfyui-1': {} },
      services: {
        'm1-worker-comfyui-0.comfyui': { health: 'healthy' },
        'm1-worker-comfyui-1.comfyui': { health: 'unhealthy' },
      },
    };
    const d = decodeMachineInfo('machine:m1:info', {
      machine_id: 'm1',
      status: 'ready',
      gpu_count: '2',
      structure: JSON.stringify(structure),
    });
    expect(d).toEqual({
      ok: true,
      machine: { machine_id: 'm1', phase: 'ready', gpu_count: 2, workers: 2, services_healthy: 1, services_total: 2 },
      workerIds: ['m1-worker-comfyui-0', 'm1-worker-comfyui-1'],
    });
  });

  it('rejects broken structure JSON and hostile ids; never throws', () => {
    expect(decodeMachineInfo('k', { machine_id: 'm1', structure: '{' })).toMatchObject({ ok: false });
    expect(decodeMachineInfo('k', { machine_id: '<b>x</b>' })).toMatchObject({ ok: false });
    fc.assert(fc.property(fc.anything(), (v) => typeof decodeMachineInfo('k', v).ok === 'boolean'));
  });
});

describe('decodeWorkerHash', () => {
  it('reads status and job, and derives the machine from the worker id when absent', () => {
    expect(
      decodeWorkerHash('worker:m2-worker-a1111-0', 'm2-worker-a1111-0', { status: 'busy', current_job_id: 'j1' }),
    ).toEqual({
      ok: true,
      worker: { worker_id: 'm2-worker-a1111-0', machine_id: 'm2', status: 'busy', current_job_id: 'j1' },
    });
    expect(decodeWorkerHash('k', 'w', { status: 'exploded' })).toMatchObject({ ok: false });
  });
});
