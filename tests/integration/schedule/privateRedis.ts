import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

export interface PrivateRedis {
  url: string;
  client: Redis;
  stop(): Promise<void>;
}

/**
 * A redis-server of this test's own on a free port: the scheduler's first collection SCANs the whole keyspace,
 * which on the shared server (filled by everyone's tests) takes far longer than a test should wait.
 */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const server = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const spawned = new Promise<void>((resolve, reject) => {
    server.once('spawn', resolve);
    server.once('error', (error) =>
      reject(new Error(`These tests start their own redis-server (apt-get install redis-server): ${error.message}`)),
    );
  });
  await spawned;
  const url = `redis://127.0.0.1:${port}`;
  let client: Redis;
  for (let attempt = 0; ; attempt++) {
    client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
    client.on('error', () => {});
    try {
      await client.connect();
      break;
    } catch (error) {
      client.disconnect();
      if (attempt > 50) {
        server.kill('SIGTERM');
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url,
    client,
    async stop() {
      client.disconnect();
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('close', resolve));
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
