// Integration: the collector's bulk connection (BulkReadConnection) against private redis-servers: it reads what
// ioredis reads, as the same user from the same database; it loses nothing when a pipeline stalls or the server
// goes away (the pass fails with the reader's errors); and when it cannot connect at all, the pass goes on through
// ioredis and says so.
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisReader } from '../../../src/collect/RedisReader.ts';
import { BulkReadConnection } from '../../../src/redis/BulkReadConnection.ts';
import { openRedis } from '../../../src/redis/openRedis.ts';
import { RedisEmpSink } from '../../../src/simulate/RedisEmpSink.ts';
import { simulateToRedis } from '../../../src/simulate/simulateToRedis.ts';
import { recordingLogger } from '../../helpers/recordingLogger.ts';
import { startPrivateRedis, type PrivateRedis } from './privateRedis.ts';
import { collectOnce, empSource, tempWarehouse } from './testWarehouse.ts';

const PASSWORD = 'bulk pw/ü:@%';
const DB = 2;
const FIELDS = ['id', 'status', 'payload', 'missing', 'note'];
const FALLBACK = /bulk reads go through the general Redis client/;

describe('bulk reads on their own connection', () => {
  let redis: PrivateRedis;
  let url: string;
  let db: Redis;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    await redis.admin.call('ACL', 'SETUSER', 'collector', 'on', `>${PASSWORD}`, '~*', '&*', '+@all');
    url = `redis://collector:${encodeURIComponent(PASSWORD)}@127.0.0.1:${redis.port}/${DB}`;
    db = redis.admin.duplicate({ db: DB });
    await db.hset('job:plain', { id: 'plain', status: 'completed', payload: '{"a":1}' });
    await db.hset('job:text', { id: 'text', status: 'failed', note: 'Zürich ✓ \r\n*1\r\n$-1\r\n' });
    await db.hset('job:large', { id: 'large', payload: 'p'.repeat(3 * 1024 * 1024) });
    await db.set('job:string', 'not a hash');
    // A key that is not ASCII: its length in the request is in bytes.
    await db.hset('job:zürich-✓', { id: 'zürich', status: 'completed' });
    // The same key in database 0 must not be what is read.
    await redis.admin.hset('job:plain', { id: 'wrong database' });
  }, 60_000);

  afterAll(async () => {
    db?.disconnect();
    await redis?.stop();
  });

  it('reads the same fields as ioredis, as the same user from the same database, and names itself', async () => {
    const client = await openRedis(url, { commandTimeoutMs: null });
    const bulk = await BulkReadConnection.beside(client as Redis, {
      name: 'almanac-test-bulk',
      connectTimeoutMs: 2000,
    });
    try {
      const keys = ['job:plain', 'job:text', 'job:large', 'job:string', 'job:absent', 'job:zürich-✓'];
      const viaBulk = await new RedisReader(client, url, { bulk }).readHashFields(keys, FIELDS);
      const viaClient = await new RedisReader(client, url).readHashFields(keys, FIELDS);
      expect(viaBulk.slice(0, 3)).toEqual(viaClient.slice(0, 3));
      expect(viaBulk[0]).toEqual(['plain', 'completed', '{"a":1}', null, null]);
      expect(viaBulk[1]).toEqual(['text', 'failed', null, null, 'Zürich ✓ \r\n*1\r\n$-1\r\n']);
      expect((viaBulk[2] as string[])[2]).toHaveLength(3 * 1024 * 1024);
      // A key that is not a hash is that key's error, as through ioredis; an absent one has no fields.
      expect(viaBulk[3]).toBeInstanceOf(Error);
      expect((viaBulk[3] as Error).message).toMatch(/^WRONGTYPE/);
      expect((viaClient[3] as Error).message).toMatch(/^WRONGTYPE/);
      expect(viaBulk[4]).toEqual([null, null, null, null, null]);
      expect(viaBulk[5]).toEqual(['zürich', 'completed', null, null, null]);
      expect(viaBulk[5]).toEqual(viaClient[5]);
      const clients = String(await redis.admin.call('CLIENT', 'LIST'));
      expect(clients).toMatch(new RegExp(`name=almanac-test-bulk .*db=${DB} .*user=collector `));
    } finally {
      bulk.close();
      client.disconnect();
    }
  });

  it('collects a fleet through it without falling back to ioredis', async () => {
    const fleet = await startPrivateRedis();
    try {
      expect(await collectFleet(fleet, 5)).not.toMatch(FALLBACK);
    } finally {
      await fleet.stop();
    }
  });

  it('times out a stalled pipeline (and a stalled opening), and fails a pipeline when the server goes away', async () => {
    const doomed = await startPrivateRedis();
    const client = await openRedis(doomed.url, { commandTimeoutMs: null });
    const bulk = await BulkReadConnection.beside(client as Redis, {
      name: 'almanac-test-bulk',
      connectTimeoutMs: 2000,
    });
    client.on('error', () => undefined); // the server is stopped below
    try {
      await doomed.admin.hset('job:a', { id: 'a' });
      const reader = new RedisReader(client, doomed.url, { timeoutMs: 300 });
      const bulkReader = new RedisReader(client, doomed.url, { timeoutMs: 300, bulk });
      await doomed.admin.call('CLIENT', 'PAUSE', '1000', 'ALL');
      // While the server accepts but does not answer: reads time out, and so does opening a bulk connection.
      await Promise.all([
        expect(bulkReader.readHashFields(['job:a'], ['id'])).rejects.toMatchObject({ code: 'RedisTimeout' }),
        expect(reader.readHashFields(['job:a'], ['id'])).rejects.toMatchObject({ code: 'RedisTimeout' }),
        expect(
          BulkReadConnection.beside(client as Redis, { name: 'almanac-test-bulk', connectTimeoutMs: 300 }),
        ).rejects.toThrow(/no answer within 300 ms/),
      ]);
      // Paused again, so the pipeline is still unanswered when the server stops.
      await new Promise((resolve) => setTimeout(resolve, 800));
      await doomed.admin.call('CLIENT', 'PAUSE', '5000', 'ALL');
      const slow = new RedisReader(client, doomed.url, { timeoutMs: 10_000, bulk });
      const inFlight = slow.readHashFields(['job:a'], ['id']).then(
        () => null,
        (error: unknown) => error,
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      await doomed.stop();
      expect(await inFlight).toMatchObject({ code: 'RedisConnectionLost' });
      await expect(slow.readHashFields(['job:a'], ['id'])).rejects.toMatchObject({ code: 'RedisConnectionLost' });
    } finally {
      bulk.close();
      client.disconnect();
    }
  });

  it('the server dying while reads and a SCAN are in flight fails the pass cleanly', async () => {
    const fleet = await startPrivateRedis();
    const temp = tempWarehouse('bulk-killed');
    const warehouse = await temp.open();
    try {
      const end = Date.parse('2026-11-20T12:00:00Z');
      const sink = new RedisEmpSink(fleet.admin);
      await simulateToRedis({ seed: 7, end, days: 1, machines: 3, jobsPerDay: 6000 }, sink, '');
      // Small pipelines: every SCAN page starts several reads, so some are in flight while the pass waits for
      // the next page. The pause holds both there; the server then stops with both connections waiting.
      const limits = { scanCount: 200, batchSize: 40, unitRows: 800 };
      const pass = collectOnce(warehouse, empSource(fleet.url), limits);
      for (let i = 0; i < 400; i++) {
        if (/name=almanac-collect-bulk /.test(String(await fleet.admin.call('CLIENT', 'LIST')))) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      await fleet.admin.call('CLIENT', 'PAUSE', '3000', 'ALL');
      await new Promise((resolve) => setTimeout(resolve, 200));
      await fleet.stop();
      // Vitest fails the file on an unhandled rejection: a read nobody was awaiting must not leave one.
      const { summary, error } = await pass;
      expect(summary.status).toBe('failed');
      expect(error).toMatchObject({ code: expect.stringMatching(/^Redis(ConnectionLost|Unreachable)$/) });
    } finally {
      await warehouse.close();
      temp.remove();
      await fleet.stop();
    }
  });

  it('when its connection is refused, the pass goes on through ioredis and the log says why', async () => {
    const full = await startPrivateRedis();
    try {
      // Room for the admin and the collector's client, none for a third connection.
      const log = await collectFleet(full, 6, () => full.admin.call('CONFIG', 'SET', 'maxclients', '2'));
      const warning = log.split('\n').find((line) => FALLBACK.test(line));
      // Redis writes its reason and closes at once. When the handshake crosses that close, the server answers with
      // a reset, and Linux drops the unread reason with it: the log then has the reset instead.
      expect(warning).toMatch(/max number of clients|ECONNRESET/);
    } finally {
      await full.stop();
    }
  });
});

/**
 * Simulates a small fleet into `fleet`, collects it into a fresh warehouse (after `beforeCollect`), checks that
 * every job arrived, and returns the pass's log.
 */
async function collectFleet(fleet: PrivateRedis, seed: number, beforeCollect = async (): Promise<unknown> => null) {
  const end = Date.parse('2026-11-20T12:00:00Z');
  const sink = new RedisEmpSink(fleet.admin);
  const { jobs } = await simulateToRedis({ seed, end, days: 1, machines: 3, jobsPerDay: 500 }, sink, '');
  await beforeCollect();
  const logger = recordingLogger();
  const temp = tempWarehouse(`bulk-reads-${seed}`);
  const warehouse = await temp.open();
  try {
    const run = await collectOnce(warehouse, empSource(fleet.url), undefined, undefined, logger);
    expect(run.summary.status).toBe('ok');
    expect(run.summary.jobsNew).toBe(jobs);
  } finally {
    await warehouse.close();
    temp.remove();
  }
  return logger.lines.join('\n');
}
