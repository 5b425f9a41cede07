// Integration: `almanac collect` through a redis+cluster:// URL, against a private three-master Redis Cluster with
// a password that needs percent-encoding. An emp fleet spread over every master's slots is collected exactly as
// `simulate --warehouse` writes it; BullMQ queues with a `{hash tag}` prefix too; wrong URLs fail cleanly; and the
// password appears in no output and no warehouse table.
import { Queue, Worker } from 'bullmq';
import { Cluster } from 'ioredis';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisReader } from '../../../src/collect/RedisReader.ts';
import { openRedis } from '../../../src/redis/openRedis.ts';
import { simulateToRedis } from '../../../src/simulate/simulateToRedis.ts';
import { simulateToWarehouse } from '../../../src/simulate/simulateToWarehouse.ts';
import type { SimOptions } from '../../../src/simulate/SimOptions.ts';
import { Warehouse } from '../../../src/warehouse/Warehouse.ts';
import { ClusterEmpSink } from '../../helpers/ClusterEmpSink.ts';
import { freePort } from '../../helpers/redisServer.ts';
import { startCluster, type ClusterSetup } from '../../helpers/redisTopology.ts';
import { runAlmanac, type AlmanacRun } from '../../helpers/runAlmanac.ts';
import { runMain } from '../../helpers/runMain.ts';
import { secretsLeft } from '../../helpers/secretsLeft.ts';
import { tempDir } from '../../helpers/tempDir.ts';

const PASSWORD = 'Cl@ster/pw+Zq81';
const SIM: SimOptions = { seed: 17, end: Date.parse('2026-11-20T09:30:00Z'), days: 2, machines: 4, jobsPerDay: 400 };
const JOB_COLUMNS =
  'source, queue, job_id, name, status, priority, machine_id, worker_id, attempts, created_at, started_at, ' +
  'finished_at, wait_ms, run_ms, error_type, error_message, models, service, workflow_id, error_reason';

describe('collect from a Redis Cluster (redis+cluster://)', () => {
  let cluster: ClusterSetup;
  let writer: Cluster;
  let cwd: string;
  let db: string;
  let simulatedJobs = 0;
  const outputs: { label: string; run: AlmanacRun }[] = [];
  const almanac = async (label: string, ...args: string[]) => {
    // The first collect runs as a user runs it (a child process); the others in-process, which is faster.
    const run =
      outputs.length === 0 ? await runAlmanac(args, { cwd, timeoutMs: 60_000 }) : await runMain(args, { cwd });
    outputs.push({ label, run });
    return run;
  };

  beforeAll(async () => {
    cluster = await startCluster(PASSWORD);
    writer = cluster.connect();
    cwd = tempDir('almanac-cluster-test');
    db = path.join(cwd, 'almanac.duckdb');
    simulatedJobs = (await simulateToRedis(SIM, new ClusterEmpSink(writer), '')).jobs;
    const simulated = await Warehouse.open(path.join(cwd, 'simulated.duckdb'));
    await simulateToWarehouse(SIM, simulated, 'simulated', 15 * 60_000, '');
    await simulated.close();
  }, 60_000);

  afterAll(async () => {
    writer?.disconnect();
    await cluster?.stop();
  });

  it('collects an emp fleet spread over every master, row for row, and a second pass adds nothing', async () => {
    // The keys really are spread: job:*, jobs:completed and machine:*:info hash to different masters.
    const sizes = await Promise.all(writer.nodes('master').map((node) => node.dbsize()));
    expect(sizes).toHaveLength(3);
    for (const size of sizes) expect(size).toBeGreaterThan(100);

    const args = ['--db', db, 'collect', '--redis', cluster.url, '--layout', 'emp', '--source', 'simulated', '--json'];
    const first = await almanac('collect', ...args);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout).sources[0]).toMatchObject({ status: 'ok', jobsNew: simulatedJobs, rejects: 0 });
    const second = await almanac('collect again', ...args);
    expect(JSON.parse(second.stdout).sources[0]).toMatchObject({ status: 'ok', jobsNew: 0, jobsUpdated: 0 });

    const w = await Warehouse.open(db);
    try {
      await w.run(`ATTACH '${path.join(cwd, 'simulated.duckdb')}' AS sim (READ_ONLY)`);
      const onlyCollected = await w.all(
        `SELECT ${JOB_COLUMNS} FROM main.jobs EXCEPT SELECT ${JOB_COLUMNS} FROM sim.jobs`,
      );
      const onlySimulated = await w.all(
        `SELECT ${JOB_COLUMNS} FROM sim.jobs EXCEPT SELECT ${JOB_COLUMNS} FROM main.jobs`,
      );
      expect([onlyCollected.length, onlySimulated.length]).toEqual([0, 0]);
      const machines = await w.all<{ n: number }>(
        'SELECT count(DISTINCT machine_id)::INTEGER AS n FROM machine_snapshots',
      );
      expect(machines[0]!.n).toBeGreaterThan(0);
    } finally {
      await w.close();
    }
  });

  it('sees the cluster as one server: stable INFO run_id, CLIENT LIST from every master', async () => {
    const client = await openRedis(cluster.url);
    try {
      const reader = new RedisReader(client, cluster.url);
      const runId = async () => /run_id:(\w+)/.exec(await reader.call<string>('info', 'server'))?.[1];
      const first = await runId();
      expect(first).toMatch(/^[0-9a-f]{40}$/);
      expect(await runId()).toBe(first);
      expect(await reader.callEach('client', 'LIST')).toHaveLength(3);
    } finally {
      client.disconnect();
    }
  });

  it('collects BullMQ queues whose prefix is a hash tag', async () => {
    const connection = () =>
      new Cluster(
        cluster.ports.map((port) => ({ host: '127.0.0.1', port })),
        { redisOptions: { password: PASSWORD, maxRetriesPerRequest: null } },
      );
    const [queueConnection, workerConnection] = [connection(), connection()];
    const queue = new Queue('renders', { connection: queueConnection, prefix: '{bull}' });
    const worker = new Worker(
      'renders',
      async (job) => {
        if ((job.data as { i: number }).i % 5 === 0) throw new Error('bad input');
        return 'ok';
      },
      { connection: workerConnection, prefix: '{bull}', metrics: { maxDataPoints: 10 } },
    );
    try {
      const done = new Promise<void>((resolve) => {
        let n = 0;
        const count = () => ++n === 20 && resolve();
        worker.on('completed', count);
        worker.on('failed', count);
      });
      await queue.addBulk(Array.from({ length: 20 }, (_, i) => ({ name: 'render', data: { i } })));
      await done;
      const run = await almanac(
        'collect bullmq',
        '--db',
        db,
        'collect',
        '--redis',
        cluster.url,
        '--layout',
        'bullmq',
        '--prefix',
        '{bull}',
        '--source',
        'bull',
        '--json',
      );
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout).sources[0]).toMatchObject({ status: 'ok', jobsNew: 20, rejects: 0 });
    } finally {
      await worker.close();
      await queue.close();
      queueConnection.disconnect();
      workerConnection.disconnect();
    }
    const w = await Warehouse.open(db, { readOnly: true });
    try {
      const rows = await w.all<{ status: string; n: number }>(
        "SELECT status, count(*)::INTEGER AS n FROM jobs WHERE source = 'bull' AND queue = 'renders' GROUP BY 1 ORDER BY 1",
      );
      expect(rows).toEqual([
        { status: 'completed', n: 16 },
        { status: 'failed', n: 4 },
      ]);
      // The worker was running during the pass: CLIENT LIST of the master holding {bull} saw it.
      const workers = await w.all<{ n: number }>(
        "SELECT count(*)::INTEGER AS n FROM worker_snapshots WHERE source = 'bull'",
      );
      expect(workers[0]!.n).toBeGreaterThan(0);
    } finally {
      await w.close();
    }
  });

  it('says clearly what is wrong with a URL that does not fit the cluster', async () => {
    const secret = encodeURIComponent(PASSWORD);
    const node = `127.0.0.1:${cluster.ports[0]}`;
    const single = await almanac('single URL', '--db', db, 'collect', '--redis', `redis://:${secret}@${node}`);
    expect(single.code).not.toBe(0);
    expect(single.stdout).toMatch(
      /error\[RedisIsCluster\]: .* is one node of a Redis Cluster\.\nhint: Use a redis\+cluster:\/\//,
    );

    const wrong = await almanac('wrong password', '--db', db, 'collect', '--redis', `redis+cluster://:nope@${node}`);
    expect(wrong.stdout).toMatch(
      /error\[RedisAuthFailed\]: The Redis Cluster at redis\+cluster:\/\/:\*\*\*@.* refused the credentials/,
    );

    const down = await almanac('down', 'doctor', '--redis', `redis+cluster://:${secret}@127.0.0.1:${await freePort()}`);
    expect(down.code).not.toBe(0);
    expect(down.stdout + down.stderr).toMatch(/None of the startup nodes/);

    const doctor = await almanac('doctor', '--db', db, 'doctor', '--redis', cluster.url, '--json');
    const check = (
      JSON.parse(doctor.stdout) as { checks: { name: string; ok: boolean; detail: string }[] }
    ).checks.find((c) => c.name === 'redis');
    expect(check).toMatchObject({ ok: true, detail: expect.stringMatching(/^Redis Cluster of 3 masters/) });

    const simulate = await almanac('simulate', 'simulate', '--redis', cluster.url, '--days', '1');
    expect(simulate.code).toBe(2);
    expect(simulate.stderr).toMatch(
      /simulate writes to one Redis server, and redis\+cluster:\/\/:\*\*\*@.* is a Cluster/,
    );
  });

  it('leaves the password in no output and no warehouse table', async () => {
    const forms = [PASSWORD, encodeURIComponent(PASSWORD), 'ster/pw', 'Zq81'];
    const found = await secretsLeft(outputs, db, forms);
    expect(outputs.length).toBeGreaterThanOrEqual(7);
    expect(found).toEqual([]);
  });
});
