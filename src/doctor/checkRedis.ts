import type { Cluster, Redis } from 'ioredis';
import { AlmanacError } from '../errors/AlmanacError.ts';
import { errorMessage } from '../errors/errorMessage.ts';
import { openRedis } from '../redis/openRedis.ts';
import { parseRedisUrl } from '../redis/parseRedisUrl.ts';
import { redactUrl } from '../util/redactUrl.ts';
import type { DoctorCheck } from './DoctorCheck.ts';

/**
 * Connects as `collect` would (same URL forms, same fail-fast errors) and checks the Redis version: every master
 * of a Cluster, the master the sentinels name for Sentinel.
 */
export async function checkRedis(name: string, url: string): Promise<DoctorCheck> {
  const where = redactUrl(url);
  try {
    const target = parseRedisUrl(url);
    const client = await openRedis(url, {
      connectTimeoutMs: 2000,
      commandTimeoutMs: 2000,
      connectionName: 'almanac-doctor',
    });
    try {
      const servers = isCluster(client) ? client.nodes('master') : [client];
      const versions = await Promise.all(servers.map(async (s) => versionOf(await s.info('server'))));
      const oldest = versions.reduce((a, b) => (compareVersions(a, b) <= 0 ? a : b));
      const ok = Number(oldest.split('.')[0]) >= 6;
      let detail = `Redis ${oldest} at ${where}`;
      if (target.kind === 'cluster')
        detail = `Redis Cluster of ${servers.length} masters (oldest ${oldest}) at ${where}`;
      if (target.kind === 'sentinel') {
        const stream = (client as Redis).stream;
        detail += ` (master "${target.masterName}" at ${stream.remoteAddress}:${stream.remotePort})`;
      }
      return {
        name,
        ok,
        detail,
        ...(ok ? {} : { fix: 'Almanac needs Redis 6 or newer for its SCAN and stream commands.' }),
      };
    } finally {
      client.disconnect();
    }
  } catch (error) {
    if (error instanceof AlmanacError)
      return { name, ok: false, detail: error.message, ...(error.hint ? { fix: error.hint } : {}) };
    return { name, ok: false, detail: `Redis at ${where}: ${errorMessage(error)}` };
  }
}

function isCluster(client: Redis | Cluster): client is Cluster {
  return (client as Cluster).isCluster === true;
}

function versionOf(info: string): string {
  return /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
}

function compareVersions(a: string, b: string): number {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}
