// Real Redis (shared), random prefix. Checks a simulated keyspace against ../shared/design/redis-emp.md:
// key names, field names, value formats and TTLs of every key kind the simulator writes.
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOf } from '../../../src/simulate/Prng.ts';
import { connectTestRedis, deletePrefix, randomPrefix, scanKeys, simulateIntoRedis } from './redisHelpers.ts';

const end = Date.UTC(2026, 10, 20, 19, 0);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const SEC_MICROS = /^\d{10}\.\d{6}$/;
const INT = /^\d+$/;
const UUIDISH = /^(step-)?[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const WORKER = /^[a-z]+-[a-z0-9]+-[0-9a-f]{6}-worker-(comfyui|a1111|openai|ollama|simulation)-\d+$/;
const SUBMIT_FIELDS = [
  'id',
  'service_required',
  'priority',
  'payload',
  'requirements',
  'customer_id',
  'created_at',
  'status',
  'retry_count',
  'max_retries',
  'workflow_id',
  'workflow_priority',
  'workflow_datetime',
  'current_step',
  'total_steps',
  'job_trace_id',
  'job_span_id',
  'workflow_trace_id',
  'workflow_span_id',
  'ctx',
];
const LATER_FIELDS = [
  'worker_id',
  'assigned_at',
  'started_at',
  'completed_at',
  'failed_at',
  'last_failed_worker',
  'error',
];

let redis: Redis;
let prefix: string;
let keys: string[];
const rel = (k: string) => k.slice(prefix.length);

beforeAll(async () => {
  redis = await connectTestRedis();
  prefix = randomPrefix();
  // A small fleet under heavy load, stopped mid-afternoon, so every state (pending, active, finished) exists.
  await simulateIntoRedis({ seed: seedOf('conformance'), end, days: 2, machines: 10, jobsPerDay: 9000 }, prefix);
  keys = await scanKeys(redis, prefix);
}, 180_000);

afterAll(async () => {
  await deletePrefix(redis, prefix);
  await redis.quit();
});

function family(key: string): string {
  const k = rel(key);
  if (/^job:[^:]+:progress$/.test(k)) return 'progress';
  if (/^job:[^:]+$/.test(k)) return 'job';
  if (k === 'jobs:pending' || k === 'jobs:completed' || k === 'jobs:failed' || k === 'telemetry:events') return k;
  if (k.startsWith('jobs:active:')) return 'active';
  if (/^worker:[^:]+:heartbeat$/.test(k)) return 'heartbeat';
  if (/^worker:completion:(job-id:[^:]+:)?step-id:[^:]+:attempt:\d+$/.test(k)) return 'completion';
  if (/^worker:completion:(job-id:[^:]+:)?step-id:[^:]+$/.test(k)) return 'completion-backcompat';
  if (/^worker:failure:(job-id:[^:]+:)?step-id:[^:]+:(attempt:\d+|permanent)$/.test(k)) return 'failure';
  if (/^workflow:failure:[^:]+:(attempt:\d+|permanent)$/.test(k)) return 'workflow-failure';
  if (/^api:workflow:completion:[^:]+$/.test(k)) return 'api-completion';
  if (/^api:workflow:failure:[^:]+$/.test(k)) return 'api-failure';
  if (/^worker:[^:]+$/.test(k)) return 'worker';
  if (/^machine:[^:]+:info$/.test(k)) return 'machine';
  return 'unknown';
}

async function hashes(ks: string[]): Promise<Record<string, string>[]> {
  const res = (await ks.reduce((p, k) => p.hgetall(k), redis.pipeline()).exec()) ?? [];
  return res.map(([, v]) => v as Record<string, string>);
}

async function ttls(ks: string[]): Promise<number[]> {
  const res = (await ks.reduce((p, k) => p.ttl(k), redis.pipeline()).exec()) ?? [];
  return res.map(([, v]) => v as number);
}

describe('simulated emp keyspace conforms to redis-emp.md', () => {
  it('uses only documented key names, every one under the prefix', () => {
    const unknown = keys.filter((k) => family(k) === 'unknown');
    expect(unknown).toEqual([]);
    const families = new Set(keys.map(family));
    for (const f of [
      'job',
      'progress',
      'jobs:pending',
      'active',
      'jobs:completed',
      'jobs:failed',
      'completion',
      'failure',
      'completion-backcompat',
      'workflow-failure',
      'api-completion',
      'api-failure',
      'worker',
      'heartbeat',
      'machine',
      'telemetry:events',
    ]) {
      expect(families, f).toContain(f);
    }
  });

  it('job hashes: documented fields, string formats, no TTL', { timeout: 180_000 }, async () => {
    const jobKeys = keys.filter((k) => family(k) === 'job');
    const all = await hashes(jobKeys);
    const statuses = new Set<string>();
    for (const h of all) statuses.add(h['status'] ?? '');
    // Field-by-field checks on a sample keep the test fast; the sample spans every status.
    const sample = all.filter((_, i) => i % 5 === 0);
    sample.forEach((h, i) => {
      expect(rel(jobKeys[i * 5]!)).toBe(`job:${h['id']}`);
      for (const f of SUBMIT_FIELDS) expect(h, f).toHaveProperty(f);
      for (const f of Object.keys(h)) expect([...SUBMIT_FIELDS, ...LATER_FIELDS]).toContain(f);
      expect(h['id']).toMatch(UUIDISH);
      expect(h['created_at']).toMatch(ISO);
      expect(h['priority']).toMatch(INT);
      expect(h['retry_count']).toMatch(INT);
      expect(h['max_retries']).toBe('3');
      expect(() => JSON.parse(h['payload']!)).not.toThrow();
      expect(() => JSON.parse(h['ctx']!)).not.toThrow();
      if (h['requirements'] !== '') expect(() => JSON.parse(h['requirements']!)).not.toThrow();
      if (h['workflow_id'] !== '') {
        expect(h['workflow_datetime']).toMatch(/^\d{13}$/);
        expect(Number(h['current_step'])).toBeGreaterThanOrEqual(1);
        expect(Number(h['current_step'])).toBeLessThanOrEqual(Number(h['total_steps']));
      } else {
        expect([h['workflow_datetime'], h['current_step'], h['total_steps'], h['workflow_priority']]).toEqual([
          '',
          '',
          '',
          '',
        ]);
      }
      const s = h['status']!;
      expect(['pending', 'assigned', 'in_progress', 'completed', 'failed']).toContain(s);
      if (h['assigned_at'] !== undefined && h['assigned_at'] !== '') expect(h['assigned_at']).toMatch(SEC_MICROS);
      for (const f of ['started_at', 'completed_at', 'failed_at']) if (h[f] !== undefined) expect(h[f]).toMatch(ISO);
      if (s === 'pending' && h['retry_count'] !== '0') expect([h['worker_id'], h['assigned_at']]).toEqual(['', '']);
      if (s === 'assigned' || s === 'in_progress' || s === 'completed') expect(h['worker_id']).toMatch(WORKER);
      if (s === 'completed')
        expect(Date.parse(h['completed_at']!)).toBeGreaterThanOrEqual(Date.parse(h['started_at']!));
      if (s === 'failed' && h['error'] === undefined) expect(h['last_failed_worker']).toMatch(WORKER);
      if (h['error'] !== undefined) expect(h['error']).toBe('Job cancelled by user');
      expect(Date.parse(h['created_at']!)).toBeLessThan(end);
    });
    for (const s of statuses) expect(['pending', 'assigned', 'in_progress', 'completed', 'failed']).toContain(s);
    expect(statuses).toContain('pending');
    expect(statuses).toContain('completed');
    expect(statuses).toContain('failed');
    expect((await ttls(jobKeys.slice(0, 200))).every((t) => t === -1)).toBe(true);
  });

  it('progress hashes: progress, status, message, updated_at (ISO), no TTL', async () => {
    const ks = keys.filter((k) => family(k) === 'progress').slice(0, 500);
    for (const h of await hashes(ks)) {
      expect(Object.keys(h).sort()).toEqual(['message', 'progress', 'status', 'updated_at']);
      expect(Number(h['progress'])).toBeGreaterThanOrEqual(0);
      expect(Number(h['progress'])).toBeLessThanOrEqual(100);
      expect(h['updated_at']).toMatch(ISO);
    }
    expect((await ttls(ks)).every((t) => t === -1)).toBe(true);
  });

  it(
    'jobs:pending holds exactly the pending steps, scored by the submit or re-queue formula',
    { timeout: 180_000 },
    async () => {
      const raw = await redis.zrange(`${prefix}jobs:pending`, 0, -1, 'WITHSCORES');
      expect(raw.length).toBeGreaterThan(0);
      for (let i = 0; i < raw.length; i += 2) {
        const h = await redis.hgetall(`${prefix}job:${raw[i]}`);
        expect(h['status']).toBe('pending');
        const p = Number(h['workflow_priority'] || h['priority']);
        const d = h['workflow_datetime'] ? Number(h['workflow_datetime']) : Date.parse(h['created_at']!);
        const expected =
          h['retry_count'] === '0' ? p * 1e15 - Math.floor(d / 1000) : p * 1e6 + (Number.MAX_SAFE_INTEGER - d);
        expect(Number(raw[i + 1])).toBe(expected);
      }
      const jobKeys = keys.filter((k) => family(k) === 'job');
      const pendingCount = (await hashes(jobKeys)).filter((h) => h['status'] === 'pending').length;
      expect(raw.length / 2).toBe(pendingCount);
    },
  );

  it('jobs:active:{worker} maps each active step to the JSON of its hash before the claim', async () => {
    const ks = keys.filter((k) => family(k) === 'active');
    expect(ks.length).toBeGreaterThan(0);
    for (const k of ks) {
      const worker = rel(k).slice('jobs:active:'.length);
      expect(worker).toMatch(WORKER);
      for (const [id, snapshot] of Object.entries(await redis.hgetall(k))) {
        const h = await redis.hgetall(`${prefix}job:${id}`);
        expect(['assigned', 'in_progress']).toContain(h['status']);
        expect(h['worker_id']).toBe(worker);
        const before = JSON.parse(snapshot) as Record<string, string>;
        expect(before['id']).toBe(id);
        expect(before['status']).toBe('pending');
      }
    }
  });

  it('jobs:completed (24 h TTL) and jobs:failed (7 d TTL) hold the documented JSON', async () => {
    const completed = await redis.hgetall(`${prefix}jobs:completed`);
    const [ttlCompleted, ttlFailed] = await ttls([`${prefix}jobs:completed`, `${prefix}jobs:failed`]);
    expect(ttlCompleted).toBeGreaterThan(0);
    expect(ttlCompleted).toBeLessThanOrEqual(86_400);
    expect(ttlFailed).toBeGreaterThan(0);
    expect(ttlFailed).toBeLessThanOrEqual(7 * 86_400);
    for (const v of Object.values(completed).slice(0, 300)) {
      const e = JSON.parse(v) as Record<string, unknown>;
      expect(e['success']).toBe(true);
      expect(e).toHaveProperty('data');
      expect(e['completed_at']).toMatch(ISO);
      expect(end - Date.parse(e['completed_at'] as string)).toBeLessThan(86_400_000);
    }
    const failed = await redis.hgetall(`${prefix}jobs:failed`);
    expect(Object.keys(failed).length).toBeGreaterThan(0);
    for (const v of Object.values(failed)) {
      const e = JSON.parse(v) as Record<string, unknown>;
      expect(typeof e['error']).toBe('string');
      expect(e['failed_at']).toMatch(ISO);
      expect(typeof e['retry_count']).toBe('number');
      if (e['cancelled'] !== undefined) expect([e['cancelled'], e['error']]).toEqual([true, 'Job cancelled by user']);
    }
  });

  it('attestations: documented JSON, no TTL', async () => {
    const sample = (f: string) => keys.filter((k) => family(k) === f).slice(0, 100);
    for (const k of sample('completion')) {
      const a = JSON.parse((await redis.get(k))!) as Record<string, unknown>;
      expect(a).toMatchObject({ status: 'completed' });
      for (const f of [
        'job_id',
        'worker_id',
        'completed_at',
        'result',
        'raw_service_output',
        'raw_service_request',
        'retry_count',
        'workflow_id',
        'current_step',
        'total_steps',
        'machine_id',
        'worker_version',
        'attestation_created_at',
      ])
        expect(a).toHaveProperty(f);
      const attempt = Number(rel(k).split(':').at(-1));
      expect(attempt).toBe((a['retry_count'] as number) + 1);
    }
    for (const k of [...sample('failure'), ...sample('completion-backcompat')]) {
      const a = JSON.parse((await redis.get(k))!) as Record<string, unknown>;
      expect(['failure_retry', 'failure_permanent']).toContain(a['attestation_type']);
      expect([
        'generation_refusal',
        'service_error',
        'timeout',
        'validation_error',
        'resource_limit',
        'auth_error',
        'rate_limit',
        'network_error',
        'response_error',
        'system_error',
      ]).toContain(a['failure_type']);
      for (const f of [
        'job_id',
        'worker_id',
        'status',
        'failed_at',
        'error_message',
        'failure_reason',
        'failure_description',
        'retry_count',
        'will_retry',
        'max_retries',
        'workflow_id',
        'current_step',
        'total_steps',
        'workflow_impact',
        'machine_id',
        'worker_version',
        'attestation_created_at',
      ])
        expect(a).toHaveProperty(f);
      expect(a['will_retry']).toBe(a['attestation_type'] === 'failure_retry');
      if (rel(k).endsWith(':permanent')) expect(a['attestation_type']).toBe('failure_permanent');
    }
    for (const k of sample('workflow-failure')) {
      const a = JSON.parse((await redis.get(k))!) as Record<string, unknown>;
      expect(a).toMatchObject({ workflow_attestation_type: 'job_failure' });
      expect(a).toHaveProperty('failed_job_id');
      expect(a).toHaveProperty('workflow_status');
    }
    for (const k of sample('api-failure')) {
      const a = JSON.parse((await redis.get(k))!) as Record<string, unknown>;
      expect(a).toMatchObject({ attestation_type: 'workflow_failure' });
      for (const f of [
        'failed_job_id',
        'failed_at_step',
        'total_steps',
        'completed_steps',
        'worker_id',
        'error',
        'failed_at',
      ])
        expect(a).toHaveProperty(f);
    }
    for (const k of sample('api-completion')) {
      const a = JSON.parse((await redis.get(k))!) as Record<string, unknown>;
      for (const f of [
        'workflow_id',
        'api_determined_complete_at',
        'retry_count',
        'job_completion_data',
        'workflow_outputs',
        'asset_locations',
        'attestation_created_at',
      ])
        expect(a).toHaveProperty(f);
    }
    const all = [
      ...sample('completion'),
      ...sample('failure'),
      ...sample('workflow-failure'),
      ...sample('api-completion'),
    ];
    expect((await ttls(all)).every((t) => t === -1)).toBe(true);
  });

  it('workers, heartbeats and machines: documented fields and TTLs (120 s, 60 s, 120 s)', async () => {
    const workerKeys = keys.filter((k) => family(k) === 'worker');
    const workers = await hashes(workerKeys);
    const workerTtls = await ttls(workerKeys);
    workers.forEach((h, i) => {
      expect(h['worker_id']).toMatch(WORKER);
      expect(Object.keys(h).sort()).toEqual([
        'capabilities',
        'connector_statuses',
        'current_job_id',
        'is_connected',
        'last_activity',
        'last_heartbeat',
        'last_status_change',
        'machine_id',
        'status',
        'worker_id',
      ]);
      expect(['idle', 'busy']).toContain(h['status']);
      expect(h['is_connected']).toBe('true');
      expect(h['worker_id']!.startsWith(`${h['machine_id']}-worker-`)).toBe(true);
      expect(h['last_heartbeat']).toMatch(ISO);
      expect(h['last_status_change']).toMatch(h['status'] === 'busy' ? SEC_MICROS : ISO);
      expect(JSON.parse(h['capabilities']!)).toHaveProperty('services');
      // TTLs tick while the test reads; "well above the next-smaller bound" is what matters.
      expect(workerTtls[i]).toBeGreaterThan(60);
      expect(workerTtls[i]).toBeLessThanOrEqual(120);
    });
    expect(workers.some((w) => w['status'] === 'busy')).toBe(true);
    const heartbeatKeys = keys.filter((k) => family(k) === 'heartbeat');
    expect(heartbeatKeys.length).toBe(workerKeys.length);
    for (const t of await ttls(heartbeatKeys)) {
      expect(t).toBeGreaterThan(0);
      expect(t).toBeLessThanOrEqual(60);
    }
    const machineKeys = keys.filter((k) => family(k) === 'machine');
    const machines = await hashes(machineKeys);
    machines.forEach((h) => {
      expect(Object.keys(h).sort()).toEqual([
        'capabilities',
        'gpu_count',
        'last_activity',
        'machine_id',
        'status',
        'structure',
        'uptime_ms',
      ]);
      expect(h['status']).toBe('ready');
      expect(h['gpu_count']).toMatch(INT);
      const structure = JSON.parse(h['structure']!) as {
        workers: Record<string, unknown>;
        services: Record<string, { status: string; health: string }>;
      };
      expect(Object.keys(structure.workers).length).toBeGreaterThan(0);
      for (const [name, s] of Object.entries(structure.services)) {
        expect(name).toMatch(/^.+-worker-.+\..+$/);
        expect(['healthy', 'unhealthy']).toContain(s.health);
      }
    });
    for (const t of await ttls(machineKeys)) {
      expect(t).toBeGreaterThan(60);
      expect(t).toBeLessThanOrEqual(120);
    }
  });

  it('telemetry:events holds model.download spans with increasing time-based ids', async () => {
    const entries = await redis.xrange(`${prefix}telemetry:events`, '-', '+');
    expect(entries.length).toBeGreaterThan(10);
    let last = 0;
    for (const [id, fields] of entries) {
      const ms = Number(id.split('-')[0]);
      expect(ms).toBeGreaterThanOrEqual(last);
      last = ms;
      expect(fields[0]).toBe('span');
      const span = JSON.parse(fields[1]!) as {
        name: string;
        machine_id: string;
        start_time: string;
        end_time: string;
        attributes: Record<string, unknown>;
      };
      expect(span.name).toBe('model.download');
      expect(span.start_time).toMatch(ISO);
      expect(Date.parse(span.end_time)).toBe(ms);
      expect(typeof span.attributes['model.name']).toBe('string');
      expect(typeof span.attributes['model.download.success']).toBe('boolean');
      expect(typeof span.attributes['model.download.size_bytes']).toBe('number');
      expect(typeof span.attributes['model.download.error']).toBe('string');
    }
    expect(await redis.ttl(`${prefix}telemetry:events`)).toBe(-1);
  });
});
