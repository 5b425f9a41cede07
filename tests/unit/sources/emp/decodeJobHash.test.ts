import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeJobHash } from '../../../../src/sources/emp/decodeJobHash.ts';
import { empKeys } from '../../../../src/sources/emp/empKeys.ts';
import { JOB_HASH_FIELDS } from '../../../../src/sources/emp/jobHashFields.ts';
import { machineIdFromWorkerId } from '../../../../src/sources/emp/machineIdFromWorkerId.ts';

const ctx = { source: 'emp', key: 'job:x' };
const graph = JSON.stringify({
  workflow: {
    '4': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: 'sdxl_base_v1.safetensors' } },
    '10': { class_type: 'LoraLoader', inputs: { lora_name: 'pixel_art_xl_v1.safetensors', strength_model: 0.8 } },
    '11': { class_type: 'LoraLoader', inputs: { lora_name: 'pixel_art_xl_v1.safetensors' } },
    '2': {
      class_type: 'DualCLIPLoader',
      inputs: { clip_name1: 't5xxl_fp16.safetensors', clip_name2: 'clip_l.safetensors' },
    },
    '6': { class_type: 'CLIPTextEncode', inputs: { text: 'ckpt_name is not a model here' } },
  },
});

function completed(extra: Record<string, string> = {}): Record<string, string> {
  return {
    id: 'step-abc',
    service_required: 'comfyui',
    priority: '50',
    payload: graph,
    created_at: '2026-11-21T10:00:00.000Z',
    status: 'completed',
    retry_count: '1',
    max_retries: '3',
    workflow_id: 'wf-1',
    worker_id: 'vast-rtx4090-abc123-worker-comfyui-2',
    assigned_at: '1795255202.500000',
    started_at: '2026-11-21T10:00:03.000Z',
    completed_at: '2026-11-21T10:00:13.000Z',
    ...extra,
  };
}

describe('decodeJobHash', () => {
  it('decodes a completed step: times, wait from assigned_at, run from started_at, attempts, models, machine', () => {
    const r = decodeJobHash(completed(), ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      jobId: 'step-abc',
      queue: 'comfyui',
      service: 'comfyui',
      name: 'comfyui:txt2img',
      status: 'completed',
      priority: 50,
      workerId: 'vast-rtx4090-abc123-worker-comfyui-2',
      machineId: 'vast-rtx4090-abc123',
      attempts: 2,
      createdAt: Date.UTC(2026, 10, 21, 10),
      waitMs: 1795255202500 - Date.UTC(2026, 10, 21, 10),
      runMs: 10_000,
      finishedAt: Date.UTC(2026, 10, 21, 10, 0, 13),
      workflowId: 'wf-1',
      errorType: null,
    });
    expect(r.value.models).toEqual([
      'clip_l.safetensors',
      'pixel_art_xl_v1.safetensors',
      'sdxl_base_v1.safetensors',
      't5xxl_fp16.safetensors',
    ]);
  });

  it('falls back to started_at for the wait when assigned_at is empty', () => {
    const r = decodeJobHash(completed({ assigned_at: '' }), ctx);
    expect(r.ok && r.value.waitMs).toBe(3000);
  });

  it('maps emp statuses to warehouse statuses', () => {
    const status = (s: string, extra: Record<string, string> = {}) => {
      const r = decodeJobHash(completed({ status: s, ...extra }), ctx);
      return r.ok ? r.value.status : 'reject';
    };
    expect(status('pending')).toBe('waiting');
    expect(status('assigned')).toBe('active');
    expect(status('in_progress')).toBe('active');
    expect(status('failed', { failed_at: '2026-11-21T10:00:13.000Z' })).toBe('failed');
    expect(status('failed', { error: 'Job cancelled by user' })).toBe('cancelled');
    expect(status('cancelled')).toBe('cancelled');
    expect(status('exploded')).toBe('reject');
  });

  it('a re-queued step is waiting, without the started_at of its failed attempt', () => {
    const r = decodeJobHash(completed({ status: 'pending', worker_id: '', assigned_at: '', completed_at: '' }), ctx);
    expect(r.ok && r.value).toMatchObject({
      status: 'waiting',
      startedAt: null,
      waitMs: null,
      runMs: null,
      attempts: 1,
    });
  });

  it('takes the failure class from the permanent attestation, then jobs:failed, unwrapping JSON error strings', () => {
    const failed = completed({
      status: 'failed',
      completed_at: '',
      failed_at: '2026-11-21T10:00:09.000Z',
      retry_count: '3',
    });
    const attestation = JSON.stringify({
      failure_type: 'resource_limit',
      failure_reason: 'out_of_memory',
      error_message: JSON.stringify({ error_message: 'CUDA out of memory', error_type: 'resource_limit' }),
    });
    const a = decodeJobHash(failed, { ...ctx, failureAttestation: attestation });
    expect(a.ok && a.value).toMatchObject({
      status: 'failed',
      attempts: 3,
      errorType: 'resource_limit',
      errorReason: 'out_of_memory',
      errorMessage: 'CUDA out of memory',
      runMs: 6000,
    });
    const b = decodeJobHash(failed, {
      ...ctx,
      failedEntry: JSON.stringify({ error: 'Rate limit reached', retry_count: 3 }),
    });
    expect(b.ok && b.value).toMatchObject({ errorType: null, errorMessage: 'Rate limit reached' });
    const c = decodeJobHash(failed, { ...ctx, failedEntry: JSON.stringify({ error: 'x', cancelled: true }) });
    expect(c.ok && c.value).toMatchObject({ status: 'cancelled', errorType: 'cancelled', runMs: null });
  });

  it('names job types from the payload without free text', () => {
    const name = (service: string, payload: unknown) => {
      const r = decodeJobHash(completed({ service_required: service, payload: JSON.stringify(payload) }), ctx);
      return r.ok ? r.value.name : 'reject';
    };
    expect(name('openai_text', { model: 'gpt-4o-mini' })).toBe('openai_text:gpt-4o-mini');
    expect(name('openai_text', { model: 'a model with spaces and <script>' })).toBe('openai_text');
    expect(name('a1111', { enable_hr: true })).toBe('a1111:hires');
    expect(name('comfyui', { workflow: { '1': { class_type: 'VHS_VideoCombine', inputs: {} } } })).toBe(
      'comfyui:video',
    );
  });

  it('rejects hashes it cannot trust, with a reason and a short excerpt', () => {
    const r = decodeJobHash({ id: 'x', status: 'pending', created_at: 'soon', service_required: 'comfyui' }, ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reject.reason).toMatch(/created_at/);
    expect(r.reject.key).toBe('job:x');
    const long = decodeJobHash({ id: 'y'.repeat(5000) }, ctx);
    expect(!long.ok && long.reject.excerpt.length).toBeLessThanOrEqual(201);
    expect(decodeJobHash(null, ctx).ok).toBe(false);
    expect(decodeJobHash({ ...completed(), priority: 5 as unknown as string }, ctx).ok).toBe(false);
  });

  it('rejects a later time that is present but unreadable or implausible, and leaves a blank one unset', () => {
    const reason = (extra: Record<string, string>) => {
      const r = decodeJobHash(completed(extra), ctx);
      return r.ok ? 'ok' : r.reject.reason;
    };
    expect(reason({ completed_at: 'tomorrow' })).toBe('unparseable or implausible completed_at');
    expect(reason({ assigned_at: '1.5' })).toBe('unparseable or implausible assigned_at');
    expect(reason({ started_at: '1900-01-01T00:00:00.000Z' })).toBe('unparseable or implausible started_at');
    expect(reason({ failed_at: '2026-13-01T10:00:00.000Z' })).toBe('unparseable or implausible failed_at');
    expect(reason({ cancelled_at: '<svg>' })).toBe('unparseable or implausible cancelled_at');
    // Reported in field order when several are corrupt.
    expect(reason({ completed_at: 'x', assigned_at: 'y' })).toBe('unparseable or implausible assigned_at');
    const blank = decodeJobHash(completed({ assigned_at: '  ', failed_at: '' }), ctx);
    expect(blank.ok && blank.value.waitMs).toBe(
      Date.parse('2026-11-21T10:00:03.000Z') - Date.parse('2026-11-21T10:00:00.000Z'),
    );
  });

  it('never throws on hostile input', () => {
    const field = fc.oneof(
      fc.string(),
      fc.constantFrom('', '{', '[]', 'null', '{"workflow":{"a":{"class_type":1}}}', '1727890000.123456'),
    );
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(
            'id',
            'status',
            'created_at',
            'payload',
            'service_required',
            'assigned_at',
            'retry_count',
            'worker_id',
            'error',
            '__proto__',
          ),
          field,
        ),
        fc.option(fc.string()),
        fc.option(fc.string()),
        (raw, failedEntry, failureAttestation) => {
          const r = decodeJobHash(raw, { ...ctx, failedEntry, failureAttestation });
          expect(typeof r.ok).toBe('boolean');
        },
      ),
      { numRuns: 500 },
    );
    fc.assert(fc.property(fc.anything(), (raw) => typeof decodeJobHash(raw, ctx).ok === 'boolean'));
  });
});

describe('JOB_HASH_FIELDS', () => {
  // The collector fetches only these fields (HMGET); a field the decoder reads but the list lacks would silently
  // read as missing in production while every decoder test, which passes whole hashes, stayed green.
  it('holds every field the decoder reads: a hash and its projection decode alike', () => {
    const project = (raw: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(raw).filter(([field]) => (JOB_HASH_FIELDS as readonly string[]).includes(field)),
      );
    const bases = [
      completed(),
      completed({ status: 'failed', failed_at: '2026-11-21T10:01:00.000Z', error: 'CUDA out of memory' }),
      completed({ status: 'cancelled', cancelled_at: '2026-11-21T10:01:00.000Z' }),
      completed({ status: 'in_progress', completed_at: '' }),
      completed({ status: 'pending', worker_id: '' }),
    ];
    const known = [...JOB_HASH_FIELDS, 'max_retries', 'ctx', 'requirements', 'workflow_datetime', 'current_step'];
    fc.assert(
      fc.property(
        fc.constantFrom(...bases),
        fc.dictionary(fc.constantFrom(...known), fc.oneof(fc.string(), fc.constantFrom('', '3', '1727890000.5'))),
        fc.option(fc.string()),
        (base, changes, failedEntry) => {
          const full = { ...base, ...changes, trace_only: 'kept out of the warehouse' };
          const context = { ...ctx, failedEntry };
          const whole = decodeJobHash(full, context);
          const projected = decodeJobHash(project(full), context);
          expect(projected.ok).toBe(whole.ok);
          if (whole.ok && projected.ok) expect(projected.value).toEqual(whole.value);
          if (!whole.ok && !projected.ok) expect(projected.reject.reason).toBe(whole.reject.reason);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('empKeys and worker ids', () => {
  it('builds every key under the prefix, stripping step- in attestation keys', () => {
    const k = empKeys('t1:');
    expect(k.job('abc')).toBe('t1:job:abc');
    expect(k.jobProgress('abc')).toBe('t1:job:abc:progress');
    expect(k.pending).toBe('t1:jobs:pending');
    expect(k.active('w')).toBe('t1:jobs:active:w');
    expect(k.completionAttestation('step-9', 'wf', 2)).toBe('t1:worker:completion:job-id:wf:step-id:9:attempt:2');
    expect(k.failureAttestation('abc', '', 'permanent')).toBe('t1:worker:failure:step-id:abc:permanent');
    expect(k.completionBackCompat('abc', '')).toBe('t1:worker:completion:step-id:abc');
    expect(k.workflowFailure('wf', 1)).toBe('t1:workflow:failure:wf:attempt:1');
    expect(k.machineInfo('m')).toBe('t1:machine:m:info');
    expect(k.strip('t1:job:abc')).toBe('job:abc');
    expect(k.strip('other:job:abc')).toBeNull();
  });

  it('finds the machine in {machine}-worker-{type}-{i}', () => {
    expect(machineIdFromWorkerId('salad-h100-0a1b2c-worker-comfyui-0')).toBe('salad-h100-0a1b2c');
    expect(machineIdFromWorkerId('a-worker-b-worker-openai-3')).toBe('a-worker-b');
    expect(machineIdFromWorkerId('standalone')).toBeNull();
  });
});
