import type { Cluster, Redis } from 'ioredis';
import { AlmanacError } from '../errors/AlmanacError.ts';
import { redactUrl } from '../util/redactUrl.ts';
import { createRedisClient } from './createRedisClient.ts';
import { describeRedisError } from './describeRedisError.ts';
import { parseRedisUrl, type RedisHost, type RedisTarget } from './parseRedisUrl.ts';
import { probeTls } from './probeTls.ts';

export interface OpenRedisOptions {
  /** Shown in `CLIENT LIST`, so an operator can see who reads their Redis. */
  connectionName?: string;
  connectTimeoutMs?: number;
  /** Per-command timeout (default 30 s); null for none, when the caller times out whole calls itself. */
  commandTimeoutMs?: number | null;
}

/**
 * Connects to a Redis URL and waits until it answers, failing fast with a clear error instead of retrying
 * forever: Almanac runs on a schedule, so the next run is the retry. `redis://` and `rediss://` (TLS) reach one
 * server, `redis+sentinel://` the master the sentinels name now, `redis+cluster://` every master of a Cluster
 * (see parseRedisUrl for the forms).
 */
export async function openRedis(url: string, options: OpenRedisOptions = {}): Promise<Redis | Cluster> {
  const target = parseRedisUrl(url);
  const client = createRedisClient(target, {
    connectionName: options.connectionName ?? 'almanac',
    connectTimeoutMs: options.connectTimeoutMs ?? 5000,
    commandTimeoutMs: options.commandTimeoutMs === undefined ? 30_000 : options.commandTimeoutMs,
  });
  // The socket error (ECONNREFUSED, WRONGPASS, a TLS refusal…) arrives as an 'error' event while connect() only
  // rejects with "Connection is closed"; keep the event's error because it says what actually went wrong.
  // Sentinels and cluster nodes report each one's failure separately.
  let socketError: unknown;
  const details: string[] = [];
  client.on('error', (error: unknown) => {
    socketError ??= error;
  });
  client.on('sentinelError', (error: Error) => details.push(error.message));
  client.on('node error', (error: Error, address: string) => details.push(`${address}: ${error.message}`));
  try {
    await client.connect();
    await client.ping();
    if (target.kind === 'single') await refuseClusterNode(client as Redis, url);
    return client;
  } catch (error) {
    client.disconnect();
    if (error instanceof AlmanacError) throw error;
    const tlsHost = tlsEntryPoint(target);
    if (tlsHost && details.every((d) => /Connection is closed/.test(d))) {
      const reason = await probeTls(tlsHost, 2000);
      if (reason !== null) details.unshift(`${tlsHost.host}:${tlsHost.port}: TLS: ${reason}`);
    }
    throw describeRedisError(socketError ?? error, url, details);
  }
}

/** The first sentinel or cluster node spoken to over TLS, if any: where to ask why a handshake failed. */
function tlsEntryPoint(target: RedisTarget): RedisHost | undefined {
  if (target.kind === 'sentinel' && target.sentinelTls) return target.sentinels[0];
  if (target.kind === 'cluster' && target.tls) return target.nodes[0];
  return undefined;
}

/**
 * A plain URL pointing at one node of a Cluster would read only that node's slots and get MOVED for the rest:
 * say so instead. Servers that refuse INFO (restricted users) are taken at their word.
 */
async function refuseClusterNode(client: Redis, url: string): Promise<void> {
  const info = await client.info('cluster').catch(() => '');
  if (/cluster_enabled:1/.test(info)) {
    throw new AlmanacError('RedisIsCluster', `Redis at ${redactUrl(url)} is one node of a Redis Cluster.`, {
      hint: 'Use a redis+cluster:// URL (rediss+cluster:// for TLS) listing one or more nodes, e.g. redis+cluster://:PASSWORD@node1:6379,node2:6379.',
      exitCode: 2,
    });
  }
}
