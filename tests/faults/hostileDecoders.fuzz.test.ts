// Hostile input, property-based: every decoder that reads raw Redis strings (emp and BullMQ) is fed arbitrary and
// near-valid records. Each must decode or quarantine (a reject with a reason and a short printable excerpt), never
// throw, and what it decodes must be safe to store: ids without path separators or control characters, finite
// times a TIMESTAMPTZ can hold, no negative durations.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { decodeBullmqJobHash } from '../../src/sources/bullmq/decodeBullmqJobHash.ts';
import { decodeStreamEntry } from '../../src/sources/bullmq/decodeStreamEntry.ts';
import { parseClientList } from '../../src/sources/bullmq/parseClientList.ts';
import { decodeDownloadSpan } from '../../src/sources/emp/decodeDownloadSpan.ts';
import { decodeFailure } from '../../src/sources/emp/decodeFailure.ts';
import { decodeMachineInfo, decodeWorkerHash } from '../../src/sources/emp/decodeFleetState.ts';
import { decodeJobHash } from '../../src/sources/emp/decodeJobHash.ts';
import { parseEmpTime } from '../../src/sources/emp/parseEmpTime.ts';
import { toJobRow } from '../../src/sources/emp/toJobRow.ts';
import { hostileStrings, hostileTimes } from './hostileValues.ts';
import { TEST_TIMEOUT, scaled } from './scale.ts';

vi.setConfig({ testTimeout: TEST_TIMEOUT, hookTimeout: TEST_TIMEOUT });

const RUNS = scaled(300, 20_000);
const params = { numRuns: RUNS };

// JavaScript Dates (and DuckDB's TIMESTAMPTZ in microseconds, which overflows int64 near 9.2e15 ms) hold at most
// ±8.64e15 ms; anything a decoder lets through must fit.
const MAX_MS = 8.64e15;
// The one input shape of the parseEmpTime range bug below, excluded from the properties so they test the rest.
const KNOWN_OUT_OF_RANGE = /^\s*\d{16}\s*$/;
// eslint-disable-next-line no-control-regex -- control characters are what must not get through
const UNSAFE_ID = /[/\\\u0000-\u001f\u007f]/;

/** Strings an attacker (or a broken writer) could leave in Redis: arbitrary text plus the hostile corpus. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.constantFrom(...hostileStrings),
  fc.constantFrom(...hostileTimes),
  fc.integer().map(String),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
);

const JOB_FIELDS = [
  'id',
  'service_required',
  'priority',
  'payload',
  'requirements',
  'created_at',
  'status',
  'retry_count',
  'max_retries',
  'workflow_id',
  'current_step',
  'total_steps',
  'worker_id',
  'assigned_at',
  'started_at',
  'completed_at',
  'failed_at',
  'cancelled_at',
  'error',
] as const;

const validJob: Record<string, string> = {
  id: 'job-1',
  service_required: 'comfyui',
  priority: '50',
  payload: '{"workflow":{"1":{"class_type":"CheckpointLoaderSimple","inputs":{"ckpt_name":"sdxl.safetensors"}}}}',
  created_at: '2026-11-20T10:00:00.000Z',
  status: 'completed',
  retry_count: '0',
  max_retries: '3',
  worker_id: 'm1-worker-comfyui-0',
  assigned_at: '1795168801.250000',
  started_at: '2026-11-20T10:00:02.000Z',
  completed_at: '2026-11-20T10:00:30.000Z',
};

/** A valid hash with some fields replaced by hostile values (deeper paths than random maps reach). */
const nearValidJob = fc
  .dictionary(fc.constantFrom(...JOB_FIELDS), anyText, { maxKeys: 6 })
  .map((overrides) => ({ ...validJob, ...overrides }));

const randomJob = fc.oneof(
  nearValidJob,
  fc.dictionary(fc.oneof(fc.constantFrom(...JOB_FIELDS), fc.string({ maxLength: 10 })), anyText),
  fc.anything(),
);

function expectSafeTime(ms: number | null): void {
  if (ms === null) return;
  expect(Number.isInteger(ms), `time ${ms} is an integer`).toBe(true);
  expect(Math.abs(ms), `time ${ms} fits a TIMESTAMPTZ`).toBeLessThanOrEqual(MAX_MS);
}

function expectSafeId(id: string | null): void {
  if (id === null) return;
  expect(UNSAFE_ID.test(id), `id ${JSON.stringify(id)} is safe`).toBe(false);
}

function expectCleanReject(r: { key: string; reason: string; excerpt: string }): void {
  expect(r.reason.length).toBeGreaterThan(0);
  expect(r.excerpt.length).toBeLessThanOrEqual(201);
  // eslint-disable-next-line no-control-regex -- control characters are what must not get through
  expect(/[\u0000-\u001f\u007f]/.test(r.excerpt)).toBe(false);
}

describe('emp decoders under fuzzing', () => {
  it('parseEmpTime returns null or a finite integer, never throws', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.constantFrom(...hostileTimes)), (text) => {
        const ms = parseEmpTime(text);
        if (ms !== null && !KNOWN_OUT_OF_RANGE.test(text)) expectSafeTime(ms);
      }),
      params,
    );
  });

  // Regression: a 12-16 digit string used to be read as epoch ms without a range check, so "9999999999999999"
  // became 1e16 ms (year 318857), past what a DuckDB TIMESTAMPTZ holds, and the warehouse append threw.
  // parseEmpTime now returns null outside 2000-2100 and the decoder rejects the record.
  it('parseEmpTime refuses a 16-digit epoch past the TIMESTAMPTZ range', () => {
    expectSafeTime(parseEmpTime('9999999999999999'));
  });

  it('decodeJobHash decodes or rejects every hash, with safe ids and non-negative durations', () => {
    fc.assert(
      fc.property(randomJob, fc.option(anyText), fc.option(anyText), (raw, failedEntry, attestation) => {
        const decoded = decodeJobHash(raw, {
          source: 'fuzz',
          key: 'job:x',
          failedEntry,
          failureAttestation: attestation,
        });
        if (!decoded.ok) return expectCleanReject(decoded.reject);
        const r = decoded.value;
        expectSafeId(r.jobId);
        expectSafeId(r.workerId);
        expectSafeId(r.machineId);
        expectSafeId(r.workflowId);
        if (
          !Object.values(raw as Record<string, unknown>).some(
            (v) => typeof v === 'string' && KNOWN_OUT_OF_RANGE.test(v),
          )
        )
          for (const t of [r.createdAt, r.startedAt, r.finishedAt]) expectSafeTime(t);
        if (r.waitMs !== null) expect(r.waitMs).toBeGreaterThanOrEqual(0);
        if (r.runMs !== null) expect(r.runMs).toBeGreaterThanOrEqual(0);
        expect(() => JSON.stringify(toJobRow(r, Date.now()))).not.toThrow();
      }),
      params,
    );
  });

  it('decodeFailure classifies any error text without throwing', () => {
    fc.assert(
      fc.property(fc.option(anyText, { nil: undefined }), fc.option(anyText), fc.option(anyText), (a, b, c) => {
        const f = decodeFailure(a, b, c);
        expect(typeof f.cancelled).toBe('boolean');
      }),
      params,
    );
  });

  it('worker and machine hashes decode or reject', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.dictionary(fc.string({ maxLength: 20 }), anyText), fc.anything()),
        anyText,
        (raw, idFromKey) => {
          const w = decodeWorkerHash(raw, 'worker:x', idFromKey);
          if (w.ok) {
            expectSafeId(w.value.workerId);
            expectSafeId(w.value.machineId);
          } else expectCleanReject(w.reject);
          const m = decodeMachineInfo(raw, 'machine:x:info', idFromKey);
          if (m.ok) expectSafeId(m.value.machineId);
          else expectCleanReject(m.reject);
        },
      ),
      params,
    );
  });

  it('telemetry download spans decode, reject or are skipped', () => {
    const span = fc.record({
      name: fc.oneof(fc.constant('model.download'), anyText),
      machine_id: anyText,
      start_time: fc.oneof(anyText, fc.double(), fc.integer()),
      end_time: fc.oneof(anyText, fc.double(), fc.integer()),
      attributes: fc.dictionary(
        fc.constantFrom('model.name', 'model.download.success', 'model.download.size_bytes', 'model.download.error'),
        fc.oneof(anyText, fc.double(), fc.boolean(), fc.constant(null)),
      ),
    });
    fc.assert(
      fc.property(
        fc.oneof(
          span.map((s) => JSON.stringify(s)),
          anyText,
        ),
        (text) => {
          const d = decodeDownloadSpan('1-0', { span: text }, 'fuzz', 'telemetry:events');
          if (d === null) return;
          if (!d.ok) return expectCleanReject(d.reject);
          if (d.value.bytes !== null) expect(d.value.bytes).toBeGreaterThanOrEqual(0);
          for (const t of [d.value.startedAt, d.value.finishedAt]) expect(t === null || Number.isFinite(t)).toBe(true);
        },
      ),
      params,
    );
  });
});

describe('BullMQ decoders under fuzzing', () => {
  const bullFields = fc.constantFrom(
    'name',
    'data',
    'opts',
    'timestamp',
    'processedOn',
    'finishedOn',
    'atm',
    'ats',
    'failedReason',
    'stacktrace',
    'returnvalue',
    'priority',
    'pb',
  );
  it('decodeBullmqJobHash decodes or rejects, times within 2000-2100', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.dictionary(fc.oneof(bullFields, fc.string({ maxLength: 8 })), anyText), fc.anything()),
        (raw) => {
          const d = decodeBullmqJobHash('bull:q:1', raw);
          if (!d.ok) return expectCleanReject(d.reject);
          if (d.hash === null) return;
          for (const t of [d.hash.createdAt, d.hash.startedAt, d.hash.finishedAt]) {
            if (t !== null) expect(t >= 946_684_800_000 && t <= 4_102_444_800_000).toBe(true);
          }
        },
      ),
      params,
    );
  });

  it('decodeStreamEntry decodes or rejects any XRANGE entry', () => {
    const flat = fc.array(
      fc.oneof(fc.constantFrom('event', 'jobId', 'name', 'failedReason', 'attemptsMade'), anyText),
      {
        maxLength: 12,
      },
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.tuple(fc.oneof(fc.constant('1700000000000-0'), anyText), flat), fc.anything()),
        (entry) => {
          const d = decodeStreamEntry('bull:q:events', entry);
          if (!d.ok) return expectCleanReject(d.reject);
          expect(Number.isFinite(d.event.at)).toBe(true);
          if (d.event.jobId !== null) expect(/\s/.test(d.event.jobId)).toBe(false);
        },
      ),
      params,
    );
  });

  it('parseClientList never throws and bounds worker ids', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(anyText, fc.constant('id=3 addr=10.0.0.1:5000 name=bull:cQ== cmd=bzpopmin'))),
        (lines) => {
          const rows = parseClientList(lines.join('\n'), 'bull', new Set(['q', '']));
          for (const row of rows) expect(row.worker_id.length).toBeLessThanOrEqual(300);
        },
      ),
      params,
    );
  });
});
