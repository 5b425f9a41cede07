import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEvent } from '../../../src/sources/bullmq/applyEvent.ts';
import { metaPattern, queueOfMetaKey } from '../../../src/sources/bullmq/bullmqKeys.ts';
import { decodeBullmqJobHash } from '../../../src/sources/bullmq/decodeBullmqJobHash.ts';
import { decodeStreamEntry } from '../../../src/sources/bullmq/decodeStreamEntry.ts';
import { emptyFacts } from '../../../src/sources/bullmq/JobFacts.ts';
import { mergeJob } from '../../../src/sources/bullmq/mergeJob.ts';
import { parseClientList } from '../../../src/sources/bullmq/parseClientList.ts';

const T = 1_795_000_000_000;

describe('BullMQ key names', () => {
  it('finds queue names, including names with colons, from meta keys', () => {
    expect(queueOfMetaKey('bull', 'bull:mail:meta')).toBe('mail');
    expect(queueOfMetaKey('bull', 'bull:eu:mail:meta')).toBe('eu:mail');
    expect(queueOfMetaKey('bull', 'bull::meta')).toBeNull();
    expect(queueOfMetaKey('bull', 'other:mail:meta')).toBeNull();
    expect(metaPattern('a*b')).toBe('a\\*b:*:meta');
  });
});

describe('decodeStreamEntry', () => {
  it('decodes an event with its server time', () => {
    const d = decodeStreamEntry('bull:q:events', [`${T}-3`, ['event', 'added', 'jobId', '7', 'name', 'send']]);
    expect(d).toEqual({
      ok: true,
      event: { id: `${T}-3`, at: T, event: 'added', jobId: '7', name: 'send', failedReason: null, attemptsMade: null },
    });
  });

  it('rejects malformed entries with the key and a reason', () => {
    const bad = decodeStreamEntry('bull:q:events', [`${T}-0`, ['jobId', '1']]);
    expect(bad).toMatchObject({
      ok: false,
      reject: { key: `bull:q:events#${T}-0`, reason: expect.stringContaining('event') },
    });
    expect(decodeStreamEntry('k', 'nope')).toMatchObject({ ok: false, reject: { key: 'k' } });
    expect(decodeStreamEntry('k', [`${T}-0`, ['event', 'added', 'jobId', 'a b']])).toMatchObject({ ok: false });
  });

  it('never throws, whatever arrives', () => {
    fc.assert(fc.property(fc.anything(), (value) => typeof decodeStreamEntry('k', value).ok === 'boolean'));
  });
});

describe('decodeBullmqJobHash', () => {
  it('keeps names, times, attempts, worker and the error class; never the data', () => {
    const d = decodeBullmqJobHash('bull:q:1', {
      name: 'render',
      data: '{"secret":1}',
      timestamp: String(T),
      processedOn: String(T + 10),
      finishedOn: String(T + 50),
      atm: '2',
      ats: '2',
      failedReason: 'boom',
      stacktrace: JSON.stringify(['Error: first', 'TypeError: boom\n    at x']),
      pb: 'w1',
      priority: '3',
    });
    expect(d).toEqual({
      ok: true,
      hash: {
        name: 'render',
        createdAt: T,
        startedAt: T + 10,
        finishedAt: T + 50,
        attemptsMade: 2,
        attemptsStarted: 2,
        failedReason: 'boom',
        errorType: 'TypeError',
        processedBy: 'w1',
        priority: 3,
        returned: false,
      },
    });
  });

  it('treats an empty hash as gone, and impossible times as a reject', () => {
    expect(decodeBullmqJobHash('k', {})).toEqual({ ok: true, hash: null });
    const bad = decodeBullmqJobHash('k', { name: 'x', timestamp: '12', data: 'x'.repeat(10_000) });
    expect(bad).toMatchObject({ ok: false, reject: { key: 'k', reason: expect.stringContaining('timestamp') } });
    // The excerpt leaves the payload out.
    expect(JSON.stringify(bad)).not.toContain('xxxx');
  });
});

describe('applyEvent and mergeJob', () => {
  const base = { source: 's', queue: 'q', now: T + 1000 };

  it('folds a retried job into one final row from stream facts alone', () => {
    const f = emptyFacts('9');
    const events = [
      ['added', T, { name: 'mail' }],
      ['waiting', T + 1, {}],
      ['active', T + 10, {}],
      ['delayed', T + 20, {}],
      ['waiting', T + 40, {}],
      ['active', T + 45, {}],
      ['failed', T + 90, { failedReason: 'no' }],
      ['retries-exhausted', T + 90, { attemptsMade: 2 }],
    ] as const;
    for (const [event, at, extra] of events) {
      applyEvent(f, {
        id: `${at}-0`,
        at,
        event,
        jobId: '9',
        name: null,
        failedReason: null,
        attemptsMade: null,
        ...extra,
      });
    }
    expect(mergeJob(base, undefined, f, null)).toMatchObject({
      job_id: '9',
      name: 'mail',
      status: 'failed',
      attempts: 2,
      created_at: T,
      started_at: T + 45,
      finished_at: T + 90,
      wait_ms: 45,
      run_ms: 45,
      error_message: 'no',
    });
  });

  it('never moves a finished job back to an unfinished state', () => {
    const done = mergeJob(base, undefined, { ...emptyFacts('1'), status: 'completed', finishedAt: T }, null)!;
    const later = mergeJob(base, done, { ...emptyFacts('1'), status: 'active' }, null);
    expect(later?.status).toBe('completed');
    expect(mergeJob(base, undefined, emptyFacts('2'), null)).toBeNull();
  });
});

describe('parseClientList', () => {
  it('keeps BullMQ worker connections of known queues', () => {
    const q = Buffer.from('mail').toString('base64');
    const text = [
      `id=5 addr=10.0.0.7:5123 name=bull:${q}:w:w1 cmd=bzpopmin`,
      `id=6 addr=10.0.0.8:5124 name=bull:${q} cmd=evalsha`,
      `id=7 addr=10.0.0.9:5125 name=bull:${q}:qe cmd=xread`,
      `id=8 addr=10.0.0.9:5126 name=other cmd=get`,
    ].join('\n');
    expect(parseClientList(text, 'bull', new Set(['mail']))).toEqual([
      { worker_id: 'mail/w1#5', machine_id: '10.0.0.7', status: 'idle', current_job_id: null },
      { worker_id: 'mail/worker#6', machine_id: '10.0.0.8', status: 'busy', current_job_id: null },
    ]);
  });
});
