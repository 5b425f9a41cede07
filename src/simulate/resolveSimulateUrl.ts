import type { Redis } from 'ioredis';
import { AlmanacError } from '../errors/AlmanacError.ts';
import { openRedis } from '../redis/openRedis.ts';
import { parseRedisUrl } from '../redis/parseRedisUrl.ts';
import { redactUrl } from '../util/redactUrl.ts';

/**
 * The single server the simulator writes to (its bulk writer speaks RESP on one socket): a redis:// URL as is,
 * a redis+sentinel:// URL resolved to the master the sentinels name now (same credentials, database and TLS). A
 * Cluster is refused: its keys would have to be spread over the masters' slots.
 */
export async function resolveSimulateUrl(url: string): Promise<string> {
  const target = parseRedisUrl(url);
  if (target.kind === 'single') return url;
  if (target.kind === 'cluster') {
    throw new AlmanacError('BadUsage', `simulate writes to one Redis server, and ${redactUrl(url)} is a Cluster.`, {
      hint: 'Simulate into a single redis-server (redis://host:6379) and collect from it, or write the test fleet into the Cluster with your own client.',
      exitCode: 2,
    });
  }
  const client = (await openRedis(url, { connectionName: 'almanac-simulate' })) as Redis;
  try {
    const host = client.stream.remoteAddress ?? '';
    const port = client.stream.remotePort ?? 6379;
    const auth =
      target.password === null
        ? ''
        : `${encodeURIComponent(target.username ?? '')}:${encodeURIComponent(target.password)}@`;
    return `${target.tls ? 'rediss' : 'redis'}://${auth}${host.includes(':') ? `[${host}]` : host}:${port}/${target.db}`;
  } finally {
    client.disconnect();
  }
}
