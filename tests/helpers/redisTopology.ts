import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { Cluster, Redis } from 'ioredis';
import { freePort } from './redisServer.ts';

// Private Sentinel and Cluster deployments for integration tests: redis-server processes on free ports, each in a
// temp directory, with passwords, never touching the shared Redis on 6379. `stop()` kills every process it started.

const run = promisify(execFile);

/** A private CA and a server certificate for 127.0.0.1 (PEM files); clients trust `ca`. */
export interface TlsFiles {
  ca: string;
  cert: string;
  key: string;
}

/** Makes TLS files with openssl in a fresh temp directory (removed by the caller with `rmSync(dir)`). */
export function testCertificates(): TlsFiles & { dir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'almanac-tls-'));
  const file = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => {
    try {
      execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (error) {
      const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim();
      throw new Error(`openssl ${args[0]} failed (is it installed? apt-get install openssl): ${stderr}`, {
        cause: error,
      });
    }
  };
  writeFileSync(file('ext.cnf'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  const req = ['req', '-newkey', 'rsa:2048', '-nodes', '-days', '2'];
  openssl(...req, '-x509', '-subj', '/CN=almanac-test-ca', '-keyout', file('ca.key'), '-out', file('ca.pem'));
  openssl(...req, '-subj', '/CN=127.0.0.1', '-keyout', file('server.key'), '-out', file('server.csr'));
  openssl(
    ...['x509', '-req', '-in', file('server.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca.key')],
    ...['-CAcreateserial', '-out', file('server.pem'), '-days', '2', '-extfile', file('ext.cnf')],
  );
  return { dir, ca: file('ca.pem'), cert: file('server.pem'), key: file('server.key') };
}

function tlsArgs(port: number, tls: TlsFiles | undefined): string[] {
  if (!tls) return ['--port', String(port)];
  return [
    ...['--port', '0', '--tls-port', String(port), '--tls-auth-clients', 'no'],
    ...['--tls-cert-file', tls.cert, '--tls-key-file', tls.key, '--tls-ca-cert-file', tls.ca],
    ...['--tls-replication', 'yes', '--tls-cluster', 'yes'],
  ];
}

function clientTls(tls: TlsFiles | undefined): { tls?: { ca: Buffer } } {
  return tls ? { tls: { ca: readFileSync(tls.ca) } } : {};
}

interface Proc {
  port: number;
  child: ChildProcess;
  exited: Promise<void>;
}

function launch(args: string[], port: number): Proc {
  const child = spawn('redis-server', args, { stdio: 'ignore' });
  child.once('error', () => undefined);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { port, child, exited };
}

async function kill(proc: Proc): Promise<void> {
  if (proc.child.exitCode === null && proc.child.signalCode === null) proc.child.kill('SIGKILL');
  await proc.exited;
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown = null;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await sleep(100);
  }
  throw new Error(`${what} did not happen within ${ms} ms${last ? `: ${String(last)}` : ''}`);
}

/** A one-shot command against 127.0.0.1:port (no retries); null when it cannot connect. */
async function ask(
  port: number,
  password: string | undefined,
  tls: TlsFiles | undefined,
  ...command: string[]
): Promise<unknown> {
  const client = new Redis({
    port,
    host: '127.0.0.1',
    ...clientTls(tls),
    lazyConnect: true,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    ...(password ? { password } : {}),
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return await client.call(command[0]!, ...command.slice(1));
  } finally {
    client.disconnect();
  }
}

function serverArgs(port: number, dir: string, password: string, tls: TlsFiles | undefined): string[] {
  return [
    ...tlsArgs(port, tls),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    'no',
    '--requirepass',
    password,
    '--masterauth',
    password,
  ];
}

export interface SentinelSetup {
  /** The sentinel URL (with both passwords, percent-encoded). */
  url: string;
  masterName: string;
  sentinelPorts: number[];
  /** Address of the master the sentinels name now. */
  masterPort(): Promise<number>;
  /** A client of the current master, for writing test data (caller disconnects). */
  connectMaster(): Promise<Redis>;
  /** Waits until the replica has everything the master has. */
  syncReplica(): Promise<void>;
  /** SIGKILLs the current master (the sentinels notice after 2 s); returns its port. */
  killMaster(): Promise<number>;
  /** Waits until the sentinels have promoted the replica of the killed master `old`; returns the new port. */
  promoted(old: number): Promise<number>;
  stop(): Promise<void>;
}

/**
 * A master, one replica and one sentinel (quorum 1, 2 s down-after), all password-protected: data nodes with
 * `password`, the sentinel with `sentinelPassword` (its `requirepass`, and `auth-pass` towards the data nodes).
 * With `tls`, every connection (clients, replication, sentinel) speaks TLS only.
 */
export async function startSentinel(
  password: string,
  sentinelPassword: string,
  tls?: TlsFiles,
): Promise<SentinelSetup> {
  const dir = mkdtempSync(path.join(tmpdir(), 'almanac-sentinel-'));
  const masterName = 'almanac-master';
  const procs: Proc[] = [];
  const [masterPort, replicaPort, sentinelPort] = [await freePort(), await freePort(), await freePort()];
  for (const [port, extra] of [
    [masterPort, []],
    [replicaPort, ['--replicaof', '127.0.0.1', String(masterPort)]],
  ] as const) {
    const nodeDir = path.join(dir, String(port));
    mkdirSync(nodeDir);
    procs.push(launch([...serverArgs(port, nodeDir, password, tls), ...extra], port));
  }
  const stop = async () => {
    for (const p of procs) await kill(p);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await until('the master to answer', () => ask(masterPort, password, tls, 'PING'));
    await until('the replica to sync', async () =>
      /master_link_status:up/.test(String(await ask(replicaPort, password, tls, 'INFO', 'replication'))),
    );
    const conf = path.join(dir, 'sentinel.conf');
    writeFileSync(
      conf,
      [
        ...(tls
          ? [
              'port 0',
              `tls-port ${sentinelPort}`,
              `tls-cert-file ${tls.cert}`,
              `tls-key-file ${tls.key}`,
              `tls-ca-cert-file ${tls.ca}`,
              'tls-auth-clients no',
              'tls-replication yes',
            ]
          : [`port ${sentinelPort}`]),
        'bind 127.0.0.1',
        `dir ${dir}`,
        `requirepass ${sentinelPassword}`,
        `sentinel monitor ${masterName} 127.0.0.1 ${masterPort} 1`,
        `sentinel auth-pass ${masterName} ${password}`,
        `sentinel down-after-milliseconds ${masterName} 2000`,
        `sentinel failover-timeout ${masterName} 5000`,
        '',
      ].join('\n'),
    );
    procs.push(launch([conf, '--sentinel'], sentinelPort));
    await until('the sentinel to see the replica', async () => {
      const replicas = (await ask(
        sentinelPort,
        sentinelPassword,
        tls,
        'SENTINEL',
        'REPLICAS',
        masterName,
      )) as unknown[];
      return Array.isArray(replicas) && replicas.length > 0;
    });
  } catch (error) {
    await stop();
    throw error;
  }

  const currentMaster = async () => {
    const addr = (await ask(
      sentinelPort,
      sentinelPassword,
      tls,
      'SENTINEL',
      'GET-MASTER-ADDR-BY-NAME',
      masterName,
    )) as [string, string];
    return Number(addr[1]);
  };
  const other = (port: number) => (port === masterPort ? replicaPort : masterPort);
  return {
    url:
      `${tls ? 'rediss' : 'redis'}+sentinel://:${encodeURIComponent(password)}@127.0.0.1:${sentinelPort}/${masterName}` +
      `?sentinelPassword=${encodeURIComponent(sentinelPassword)}`,
    masterName,
    sentinelPorts: [sentinelPort],
    masterPort: currentMaster,
    async connectMaster() {
      const client = new Redis({
        port: await currentMaster(),
        host: '127.0.0.1',
        password,
        maxRetriesPerRequest: 1,
        ...clientTls(tls),
      });
      client.on('error', () => undefined);
      return client;
    },
    async syncReplica() {
      const port = await currentMaster();
      await until('the replica to catch up', async () => {
        const [a, b] = [await ask(port, password, tls, 'DBSIZE'), await ask(other(port), password, tls, 'DBSIZE')];
        return a === b && (await ask(port, password, tls, 'WAIT', '1', '1000')) === 1;
      });
    },
    async killMaster() {
      const old = await currentMaster();
      await kill(procs.find((p) => p.port === old)!);
      return old;
    },
    promoted(old) {
      return until('the sentinel to promote the replica', async () => {
        const now = await currentMaster();
        if (now === old) return null;
        return /role:master/.test(String(await ask(now, password, tls, 'INFO', 'replication'))) ? now : null;
      });
    },
    stop,
  };
}

export interface ClusterSetup {
  /** redis+cluster:// URL listing every node, with the password. */
  url: string;
  ports: number[];
  /** A Cluster client for writing test data (caller disconnects). */
  connect(): Cluster;
  stop(): Promise<void>;
}

/**
 * Three masters (no replicas) with `requirepass`, their slots assigned by `redis-cli --cluster create`; with `tls`,
 * clients, the cluster bus and replication speak TLS only.
 */
export async function startCluster(password: string, tls?: TlsFiles, nodes = 3): Promise<ClusterSetup> {
  const dir = mkdtempSync(path.join(tmpdir(), 'almanac-cluster-'));
  const procs: Proc[] = [];
  const stop = async () => {
    for (const p of procs) await kill(p);
    rmSync(dir, { recursive: true, force: true });
  };
  const ports: number[] = [];
  try {
    for (let i = 0; i < nodes; i++) {
      // The bus port is its own free port: port + 10000 may be taken or beyond 65535.
      const [port, busPort] = [await freePort(), await freePort()];
      const nodeDir = path.join(dir, String(port));
      mkdirSync(nodeDir);
      procs.push(
        launch(
          [
            ...serverArgs(port, nodeDir, password, tls),
            '--cluster-enabled',
            'yes',
            '--cluster-config-file',
            path.join(nodeDir, 'nodes.conf'),
            '--cluster-port',
            String(busPort),
          ],
          port,
        ),
      );
      ports.push(port);
    }
    for (const port of ports) await until(`node ${port} to answer`, () => ask(port, password, tls, 'PING'));
    await run(
      'redis-cli',
      [
        ...(tls ? ['--tls', '--cacert', tls.ca] : []),
        ...['-a', password, '--no-auth-warning', '--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`)],
      ].concat(['--cluster-replicas', '0', '--cluster-yes']),
      { timeout: 20_000 },
    );
    for (const port of ports) {
      await until(`node ${port} to see the cluster ok`, async () =>
        /cluster_state:ok/.test(String(await ask(port, password, tls, 'CLUSTER', 'INFO'))),
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: `${tls ? 'rediss' : 'redis'}+cluster://:${encodeURIComponent(password)}@${ports.map((p) => `127.0.0.1:${p}`).join(',')}`,
    ports,
    connect() {
      const cluster = new Cluster(
        ports.map((port) => ({ host: '127.0.0.1', port })),
        { redisOptions: { password, ...clientTls(tls) }, enableAutoPipelining: true },
      );
      cluster.on('error', () => undefined);
      return cluster;
    },
    stop,
  };
}
