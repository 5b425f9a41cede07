// Integration: the TLS variants (rediss+sentinel://, rediss+cluster:// and plain rediss://) against private servers
// that speak TLS only (certificates from a throwaway CA, trusted through NODE_EXTRA_CA_CERTS as a user would). Runs
// the real CLI.
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateToRedis } from '../../../src/simulate/simulateToRedis.ts';
import { ClusterEmpSink } from '../../helpers/ClusterEmpSink.ts';
import {
  startCluster,
  startSentinel,
  testCertificates,
  type ClusterSetup,
  type SentinelSetup,
  type TlsFiles,
} from '../../helpers/redisTopology.ts';
import { runAlmanac, type AlmanacRun } from '../../helpers/runAlmanac.ts';
import { tempDir } from '../../helpers/tempDir.ts';

const PASSWORD = 'Tls-pw/Hv39';
const SENTINEL_PASSWORD = 'Tls-sentinel&Jc58';

describe('collect over TLS (rediss+sentinel://, rediss+cluster://, rediss://)', () => {
  let certs: TlsFiles & { dir: string };
  let sentinel: SentinelSetup;
  let cluster: ClusterSetup;
  let writer: Cluster;
  let cwd: string;
  const outputs: AlmanacRun[] = [];
  const almanac = async (...args: string[]) => {
    const run = await runAlmanac(args, { cwd, env: { NODE_EXTRA_CA_CERTS: certs.ca }, timeoutMs: 60_000 });
    outputs.push(run);
    return run;
  };

  beforeAll(async () => {
    certs = testCertificates();
    cwd = tempDir('almanac-tls-test');
    [sentinel, cluster] = await Promise.all([
      startSentinel(PASSWORD, SENTINEL_PASSWORD, certs),
      startCluster(PASSWORD, certs),
    ]);
    writer = cluster.connect();
  }, 60_000);

  afterAll(async () => {
    writer?.disconnect();
    await sentinel?.stop();
    await cluster?.stop();
    if (certs) rmSync(certs.dir, { recursive: true, force: true });
  });

  it('simulates through rediss+sentinel:// and collects every job back', async () => {
    expect(sentinel.url).toMatch(/^rediss\+sentinel:\/\//);
    const simulate = await almanac(
      ...['simulate', '--redis', sentinel.url, '--days', '1', '--seed', '9', '--machines', '2'],
      ...['--jobs-per-day', '200', '--end', '2026-11-20T09:30:00Z', '--json'],
    );
    expect(simulate.code, simulate.stderr).toBe(0);
    const jobs = (JSON.parse(simulate.stdout) as { jobs: number }).jobs;
    const db = path.join(cwd, 'sentinel.duckdb');
    const run = await almanac('--db', db, 'collect', '--redis', sentinel.url, '--layout', 'emp', '--json');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).sources[0]).toMatchObject({ status: 'ok', jobsNew: jobs });
    // The bulk connection reached the master over TLS too, with the same certificate checks.
    expect(run.stderr).not.toMatch(/bulk reads go through the general Redis client/);
  });

  it('collects from the master through plain rediss://, bulk reads included', async () => {
    const url = `rediss://:${encodeURIComponent(PASSWORD)}@127.0.0.1:${await sentinel.masterPort()}`;
    const db = path.join(cwd, 'single.duckdb');
    const run = await almanac('--db', db, 'collect', '--redis', url, '--layout', 'emp', '--json');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).sources[0]).toMatchObject({ status: 'ok' });
    expect(JSON.parse(run.stdout).sources[0].jobsNew).toBeGreaterThan(0);
    expect(run.stderr).not.toMatch(/bulk reads go through the general Redis client/);
  });

  it('collects through rediss+cluster://', async () => {
    expect(cluster.url).toMatch(/^rediss\+cluster:\/\//);
    const end = Date.parse('2026-11-20T09:30:00Z');
    const { jobs } = await simulateToRedis(
      { seed: 9, end, days: 1, machines: 2, jobsPerDay: 200 },
      new ClusterEmpSink(writer),
      '',
    );
    const db = path.join(cwd, 'cluster.duckdb');
    const run = await almanac('--db', db, 'collect', '--redis', cluster.url, '--layout', 'emp', '--json');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).sources[0]).toMatchObject({ status: 'ok', jobsNew: jobs });
  });

  it('fails cleanly when the certificate is not trusted, without printing the password', async () => {
    for (const url of [cluster.url, sentinel.url]) {
      const run = await runAlmanac(['doctor', '--redis', url], { cwd, timeoutMs: 60_000 });
      outputs.push(run);
      expect(run.code).not.toBe(0);
      expect(run.stdout).toMatch(/FAIL redis +The TLS handshake with .* at rediss\+\w+:\/\/:\*\*\*@.* failed/);
      expect(run.stdout).toMatch(/NODE_EXTRA_CA_CERTS/);
    }
    for (const r of outputs) {
      for (const secret of [PASSWORD, SENTINEL_PASSWORD, encodeURIComponent(PASSWORD), 'Hv39', 'Jc58'])
        expect(r.stdout + r.stderr).not.toContain(secret);
    }
  });
});
