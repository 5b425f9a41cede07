// The full scan keeps several reads in flight while it asks for the next SCAN page. Reads go over two connections
// (job hashes on the bulk one, failure details on the main one), so they can fail in any order when Redis dies:
// a read that fails while the pass awaits something else must not become an unhandled rejection (which ends the
// process before the run is recorded). The reader here is scripted so that the order is exact.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CollectSession } from '../../../../src/collect/CollectSession.ts';
import type { RedisReader } from '../../../../src/collect/RedisReader.ts';
import { silentLogger } from '../../../../src/log/silentLogger.ts';
import { collectFullScan } from '../../../../src/sources/emp/collectFullScan.ts';
import { empKeys } from '../../../../src/sources/emp/empKeys.ts';

const lost = (what: string) => new Error(`Connection is closed (${what})`);
const after = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A session holding `checkpoints`, recording each unit it is asked to commit into `commits`. */
function stubSession(checkpoints: Record<string, string> = {}, commits: unknown[] = []): CollectSession {
  return {
    source: 'fleet',
    now: Date.parse('2026-11-20T12:00:00Z'),
    limits: { scanCount: 1000, batchSize: 2, unitRows: 100 },
    logger: silentLogger,
    checkpoint: async (name) => checkpoints[name] ?? null,
    existingJobs: async () => new Map(),
    countJobs: async () => 0,
    commit: async (unit) => {
      commits.push(unit);
      return { jobsNew: 0, jobsUpdated: 0, modelDownloadsNew: 0 };
    },
  };
}

describe('collectFullScan when Redis dies with reads in flight', () => {
  const unhandled: unknown[] = [];
  const record = (reason: unknown) => unhandled.push(reason);
  beforeEach(() => {
    unhandled.length = 0;
    process.on('unhandledRejection', record);
  });
  afterEach(() => {
    process.off('unhandledRejection', record);
  });

  it('fails with the error it was waiting for and leaves no rejection unhandled', async () => {
    let reads = 0;
    const reader = {
      call: async () => 'run_id:0123abcd',
      // Page one starts two reads; page two is what the pass awaits when the connections drop.
      async *scan() {
        yield { keys: ['job:a', 'job:b', 'job:c', 'job:d'], cursor: '0:7', done: false };
        await after(100);
        throw lost('SCAN');
      },
      // The second read fails first (the bulk connection noticed first), the first one later.
      readHashFields: async () => {
        const read = ++reads;
        await after(read === 1 ? 50 : 0);
        throw lost(`read ${read}`);
      },
      batch: async () => [],
    } as unknown as RedisReader;
    const commits: unknown[] = [];
    const session = stubSession({}, commits);
    await expect(collectFullScan(session, reader, empKeys(''))).rejects.toThrow(/Connection is closed \(SCAN\)/);
    await after(20); // Node reports unhandled rejections after the microtask queue drains
    expect(reads).toBe(2);
    expect(unhandled).toEqual([]);
    expect(commits).toEqual([]);
  });
});

describe('collectFullScan and the machines its walk meets', () => {
  const SERVER = 'run_id:0123abcd';
  const scripted = (pages: { keys: string[]; cursor: string; done: boolean }[]) => {
    const patterns: string[] = [];
    const reader = {
      call: async () => SERVER,
      async *scan(pattern: string) {
        patterns.push(pattern);
        yield* pages;
      },
      readHashFields: async (keys: readonly string[]) => keys.map(() => [null]),
      batch: async () => [],
    } as unknown as RedisReader;
    return { reader, patterns };
  };
  const pages = [
    {
      keys: ['p[1]:job:a', 'p[1]:machine:m1:info', 'p[1]:job:a:progress', 'p[1]:jobs:pending'],
      cursor: '0:5',
      done: false,
    },
    { keys: ['p[1]:machine:m2:info', 'p[1]:machine:info', 'p[1]:machinery'], cursor: 'done', done: true },
  ];

  it('walks job hashes and machine info keys with one pattern and returns the machine keys', async () => {
    const { reader, patterns } = scripted(pages);
    const machines = await collectFullScan(stubSession(), reader, empKeys('p[1]:'));
    expect(patterns).toEqual(['p\\[1\\]:[jm]*']);
    expect(machines).toEqual(['p[1]:machine:m1:info', 'p[1]:machine:m2:info']);
  });

  it('returns no machine keys when it resumed an interrupted walk, which saw only part of the keyspace', async () => {
    const { reader } = scripted(pages.slice(1));
    const resumed = stubSession({ full_scan_cursor: '0:5', full_scan_server: '0123abcd' });
    expect(await collectFullScan(resumed, reader, empKeys('p[1]:'))).toBeNull();
  });
});
