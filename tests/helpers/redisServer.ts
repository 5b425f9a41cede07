import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket, connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';

export interface RedisServerOptions {
  /** `requirepass`: clients must authenticate (the URL then carries the password). */
  password?: string;
  /** e.g. '8mb': with `policy`, Redis evicts keys once the data set passes it. */
  maxmemory?: string;
  policy?: 'allkeys-random' | 'allkeys-lru' | 'allkeys-lfu' | 'volatile-lru' | 'noeviction';
  /** Keep the data set across `restart()` (RDB saved on shutdown). Default true. */
  persist?: boolean;
}

/**
 * A private `redis-server` for fault tests: its own free port and temp directory, so it can be restarted, paused,
 * killed, slowed down or squeezed by `maxmemory` without disturbing the shared Redis on 6379.
 */
export interface RedisServer {
  port: number;
  /** URL without credentials (add them with `urlWith`). */
  url: string;
  /** URL carrying the password, when one is set. */
  authUrl: string;
  dir: string;
  /** An admin client (reconnects after restarts). */
  admin: Redis;
  /** Stops the server (saving its data set when persisted) and starts it again on the same port. */
  restart(downMs?: number): Promise<void>;
  /** SIGKILL: no save, connections cut mid-reply. The server stays down until `start()`. */
  kill(): Promise<void>;
  /** Starts a killed or stopped server again on the same port. */
  start(): Promise<void>;
  /** `CLIENT PAUSE ms ALL` from a side connection: every client blocks for `ms`. */
  pause(ms: number): Promise<void>;
  /** `DEBUG SLEEP s`: the server itself freezes (single-threaded) for `s` seconds. Resolves when it wakes. */
  debugSleep(seconds: number): Promise<void>;
  /** A TCP proxy in front of the server that delays every chunk by `delayMs` each way: a slow Redis. */
  slowProxy(delayMs: number): Promise<{ url: string; close(): Promise<void> }>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitUntilUp(url: string, password: string | undefined): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const client = new Redis(url, {
      lazyConnect: true,
      retryStrategy: () => null,
      maxRetriesPerRequest: 0,
      ...(password ? { password } : {}),
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      // A server still loading its RDB answers LOADING: wait for a real reply.
      await client.ping();
      client.disconnect();
      return;
    } catch {
      client.disconnect();
      await sleep(50);
    }
  }
  throw new Error(`redis-server at ${url} did not start (is it installed? apt-get install redis-server)`);
}

export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'almanac-redis-'));
  const url = `redis://127.0.0.1:${port}`;
  const authUrl = options.password ? `redis://:${encodeURIComponent(options.password)}@127.0.0.1:${port}` : url;
  const persist = options.persist ?? true;
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--dbfilename',
    'dump.rdb',
    '--save',
    '',
    '--appendonly',
    'no',
    '--enable-debug-command',
    'local',
    ...(options.password ? ['--requirepass', options.password] : []),
    ...(options.maxmemory ? ['--maxmemory', options.maxmemory] : []),
    ...(options.policy ? ['--maxmemory-policy', options.policy] : []),
  ];
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();

  const launch = async () => {
    const c = spawn('redis-server', args, { stdio: 'ignore' });
    c.once('error', () => undefined);
    exited = new Promise<void>((resolve) => c.once('exit', () => resolve()));
    child = c;
    await waitUntilUp(url, options.password);
  };
  await launch();

  const admin = new Redis(url, {
    ...(options.password ? { password: options.password } : {}),
    maxRetriesPerRequest: null,
    retryStrategy: () => 100,
  });
  admin.on('error', () => undefined);

  const side = async <T>(fn: (r: Redis) => Promise<T>): Promise<T> => {
    const r = new Redis(url, {
      ...(options.password ? { password: options.password } : {}),
      lazyConnect: true,
      retryStrategy: () => null,
    });
    r.on('error', () => undefined);
    await r.connect();
    try {
      return await fn(r);
    } finally {
      r.disconnect();
    }
  };

  const proxies = new Set<{ close(): Promise<void> }>();

  const server: RedisServer = {
    port,
    url,
    authUrl,
    dir,
    admin,
    async restart(downMs = 0) {
      await side(async (r) => {
        try {
          await r.call('SHUTDOWN', persist ? 'SAVE' : 'NOSAVE');
        } catch {
          // The connection closes as the server exits.
        }
      });
      await exited;
      if (downMs > 0) await sleep(downMs);
      await launch();
    },
    async kill() {
      child?.kill('SIGKILL');
      await exited;
    },
    async start() {
      await launch();
    },
    async pause(ms) {
      await side((r) => r.call('CLIENT', 'PAUSE', String(ms), 'ALL'));
    },
    async debugSleep(seconds) {
      await side((r) => r.call('DEBUG', 'SLEEP', String(seconds)));
    },
    async slowProxy(delayMs) {
      const proxyPort = await freePort();
      const sockets = new Set<Socket>();
      const relay = (from: Socket, to: Socket) => {
        from.on('data', (chunk) => {
          setTimeout(() => {
            if (!to.destroyed) to.write(chunk);
          }, delayMs);
        });
        from.on('close', () => setTimeout(() => to.destroy(), delayMs));
        from.on('error', () => to.destroy());
      };
      const proxy: Server = createServer((client) => {
        const upstream = connect(port, '127.0.0.1');
        sockets.add(client);
        sockets.add(upstream);
        relay(client, upstream);
        relay(upstream, client);
      });
      await new Promise<void>((resolve) => proxy.listen(proxyPort, '127.0.0.1', resolve));
      const handle = {
        url: options.password
          ? `redis://:${encodeURIComponent(options.password)}@127.0.0.1:${proxyPort}`
          : `redis://127.0.0.1:${proxyPort}`,
        async close() {
          for (const s of sockets) s.destroy();
          await new Promise<void>((resolve) => proxy.close(() => resolve()));
          proxies.delete(handle);
        },
      };
      proxies.add(handle);
      return handle;
    },
    async stop() {
      for (const p of [...proxies]) await p.close();
      admin.disconnect();
      child?.kill('SIGKILL');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}
