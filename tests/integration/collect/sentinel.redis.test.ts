// Integration: `almanac collect` through a redis+sentinel:// URL, against a private master + replica + sentinel,
// the data nodes and the sentinel each with their own password (both needing percent-encoding). Also: wrong
// master names and passwords fail with clear errors, and a failover is a failed pass (clean error, recorded)
// followed by passes that read the promoted master. No output and no warehouse table holds either password.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRedis } from '../../../src/redis/openRedis.ts';
import { Warehouse } from '../../../src/warehouse/Warehouse.ts';
import { freePort } from '../../helpers/redisServer.ts';
import { startSentinel, type SentinelSetup } from '../../helpers/redisTopology.ts';
import { runAlmanac, type AlmanacRun } from '../../helpers/runAlmanac.ts';
import { runMain } from '../../helpers/runMain.ts';
import { secretsLeft } from '../../helpers/secretsLeft.ts';
import { tempDir } from '../../helpers/tempDir.ts';

const PASSWORD = 'Mast3r@pw/Kq72';
const SENTINEL_PASSWORD = 'S3nt&nel+Wx45';

interface Summary {
  status: string;
  jobsNew: number;
  jobsUpdated: number;
  error?: string;
}

describe('collect through Redis Sentinel (redis+sentinel://)', () => {
  let sentinel: SentinelSetup;
  let cwd: string;
  let db: string;
  let jobs = 0;
  const outputs: { label: string; run: AlmanacRun }[] = [];
  const almanac = async (label: string, ...args: string[]) => {
    // The first collect runs as a user runs it (a child process); the rest in-process, which is faster.
    const run = label === 'collect' ? await runAlmanac(args, { cwd, timeoutMs: 60_000 }) : await runMain(args, { cwd });
    outputs.push({ label, run });
    return run;
  };
  const collect = async (label: string, url = sentinel.url) => {
    const run = await almanac(label, '--db', db, 'collect', '--redis', url, '--layout', 'emp', '--json');
    return { run, summary: (JSON.parse(run.stdout) as { sources: Summary[] }).sources[0]! };
  };

  beforeAll(async () => {
    sentinel = await startSentinel(PASSWORD, SENTINEL_PASSWORD);
    cwd = tempDir('almanac-sentinel-test');
    db = path.join(cwd, 'almanac.duckdb');
  }, 60_000);

  afterAll(async () => {
    await sentinel?.stop();
  });

  it('simulates into the master the sentinels name, then collects every job through them', async () => {
    const end = '2026-11-20T09:30:00Z';
    const simulate = await almanac(
      'simulate',
      ...['simulate', '--redis', sentinel.url, '--days', '2', '--seed', '5', '--machines', '4'],
      ...['--jobs-per-day', '300', '--end', end, '--json'],
    );
    expect(simulate.code, simulate.stderr).toBe(0);
    jobs = (JSON.parse(simulate.stdout) as { jobs: number }).jobs;
    expect(jobs).toBeGreaterThan(400);

    const first = await collect('collect');
    expect(first.run.code, first.run.stderr).toBe(0);
    expect(first.summary).toMatchObject({ status: 'ok', jobsNew: jobs });
    // Its bulk reads went over their own connection to the master the sentinels named, not back through ioredis.
    expect(first.run.stderr).not.toMatch(/bulk reads go through the general Redis client/);
    const again = await collect('collect again');
    expect(again.summary).toMatchObject({ status: 'ok', jobsNew: 0, jobsUpdated: 0 });

    const doctor = await almanac('doctor', '--db', db, 'doctor', '--redis', sentinel.url, '--json');
    const check = (
      JSON.parse(doctor.stdout) as { checks: { name: string; ok: boolean; detail: string }[] }
    ).checks.find((c) => c.name === 'redis');
    expect(check?.ok).toBe(true);
    expect(check?.detail).toContain(`(master "${sentinel.masterName}" at 127.0.0.1:${await sentinel.masterPort()})`);
  });

  it('says which part of the URL is wrong: master name, sentinel password, master password, sentinel address', async () => {
    const port = sentinel.sentinelPorts[0]!;
    const [pw, spw] = [encodeURIComponent(PASSWORD), encodeURIComponent(SENTINEL_PASSWORD)];
    const url = (auth: string, name: string, query: string, p = port) =>
      `redis+sentinel://${auth}@127.0.0.1:${p}/${name}${query}`;
    const cases: [string, string, RegExp][] = [
      ['unknown master', url(`:${pw}`, 'nope', `?sentinelPassword=${spw}`), /RedisSentinelNoMaster.*know no master/],
      ['no sentinel password', url(`:${pw}`, sentinel.masterName, ''), /RedisAuthFailed.*The sentinels at .* refused/],
      [
        'wrong master password',
        url(':wrong', sentinel.masterName, `?sentinelPassword=${spw}`),
        /RedisAuthFailed.*Redis at .* refused the credentials/,
      ],
      [
        'no sentinel there',
        url(`:${pw}`, sentinel.masterName, `?sentinelPassword=${spw}`, await freePort()),
        /RedisUnreachable.*None of the sentinels at/,
      ],
    ];
    for (const [label, badUrl, expected] of cases) {
      const { run, summary } = await collect(label, badUrl);
      expect(run.code, label).not.toBe(0);
      expect(`${summary.status} ${run.stdout}`, label).toMatch(/^failed /);
      expect(run.stdout.replace(/\n/g, ' '), label).toMatch(expected);
    }
  });

  it('fails the pass cleanly while the master is down, then reads the promoted master', async () => {
    await sentinel.syncReplica();
    const old = await sentinel.killMaster();
    // The sentinels still name the dead master for 2 s: a connection now fails fast, saying what to do.
    const refused = await openRedis(sentinel.url).then(
      (client) => {
        client.disconnect();
        return null;
      },
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({
      code: 'RedisUnreachable',
      message: expect.stringMatching(
        /^The master that the sentinels at redis\+sentinel:\/\/:\*\*\*@.* name did not accept/,
      ),
      hint: expect.stringMatching(/failover may be under way/),
    });
    const during = await collect('collect during failover');
    expect(during.summary.status).toBe('failed');
    expect(during.summary.error).toMatch(/RedisUnreachable|did not accept|refused/);

    const promoted = await sentinel.promoted(old);
    expect(promoted).not.toBe(old);
    // A job that reached the new master after the failover.
    const master = await sentinel.connectMaster();
    try {
      await master.hset('job:after-failover', {
        id: 'after-failover',
        service_required: 'ollama',
        priority: '50',
        payload: '{}',
        created_at: new Date().toISOString(),
        status: 'pending',
      });
      await master.zadd('jobs:pending', 50e15, 'after-failover');
    } finally {
      master.disconnect();
    }
    const after = await collect('collect after failover');
    expect(after.run.code, after.run.stdout).toBe(0);
    expect(after.summary).toMatchObject({ status: 'ok', jobsNew: 1 });

    const w = await Warehouse.open(db, { readOnly: true });
    try {
      const [row] = await w.all<{ n: number; distinct_ids: number }>(
        'SELECT count(*)::INTEGER AS n, count(DISTINCT job_id)::INTEGER AS distinct_ids FROM jobs',
      );
      expect(row).toEqual({ n: jobs + 1, distinct_ids: jobs + 1 });
      const runs = await w.all<{ status: string; error: string | null }>(
        "SELECT status, error FROM collection_runs WHERE status = 'failed' ORDER BY started_at",
      );
      expect(runs.length).toBeGreaterThanOrEqual(5);
    } finally {
      await w.close();
    }
  }, 45_000);

  it('leaves neither password in any output or warehouse table', async () => {
    const forms = [
      PASSWORD,
      SENTINEL_PASSWORD,
      ...[PASSWORD, SENTINEL_PASSWORD].map(encodeURIComponent),
      'Kq72',
      'Wx45',
    ];
    const found = await secretsLeft(outputs, db, forms);
    expect(outputs.length).toBeGreaterThanOrEqual(9);
    expect(found).toEqual([]);
  });
});
