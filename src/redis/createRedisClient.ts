import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import type { RedisTarget } from './parseRedisUrl.ts';

export interface ClientLimits {
  connectionName: string;
  connectTimeoutMs: number;
  /** Null for none: the collector's RedisReader times out whole calls instead of each command. */
  commandTimeoutMs: number | null;
}

/**
 * The ioredis client for a parsed URL, not yet connected, that never retries on its own: a lost server, a
 * sentinel naming no master or a cluster without reachable nodes ends the attempt, and the caller reports it.
 */
export function createRedisClient(target: RedisTarget, limits: ClientLimits): Redis | Cluster {
  const common: RedisOptions = {
    connectionName: limits.connectionName,
    connectTimeout: limits.connectTimeoutMs,
    ...(limits.commandTimeoutMs === null ? {} : { commandTimeout: limits.commandTimeoutMs }),
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
    reconnectOnError: () => false,
  };
  switch (target.kind) {
    case 'single':
      return new Redis(target.url, { ...common, lazyConnect: true, enableOfflineQueue: false });
    case 'sentinel':
      // Each connection asks the sentinels for the current master; a pass never follows a failover mid-way
      // (retryStrategy null), the next pass simply asks again.
      return new Redis({
        ...common,
        lazyConnect: true,
        enableOfflineQueue: false,
        sentinels: target.sentinels,
        name: target.masterName,
        db: target.db,
        username: target.username ?? undefined,
        password: target.password ?? undefined,
        sentinelUsername: target.sentinelUsername ?? undefined,
        sentinelPassword: target.sentinelPassword ?? undefined,
        sentinelRetryStrategy: () => null,
        sentinelCommandTimeout: limits.connectTimeoutMs,
        ...(target.tls ? { tls: {}, enableTLSForSentinelMode: true } : {}),
        ...(target.sentinelTls ? { sentinelTLS: {} } : {}),
      });
    case 'cluster': {
      // Node connections get these options (ioredis itself sets them to never reconnect); the cluster gives up
      // when no startup node answers instead of retrying.
      const options: ClusterOptions = {
        lazyConnect: true,
        clusterRetryStrategy: () => null,
        slotsRefreshTimeout: limits.connectTimeoutMs,
        redisOptions: {
          ...common,
          username: target.username ?? undefined,
          password: target.password ?? undefined,
          ...(target.tls ? { tls: {} } : {}),
        },
      };
      return new Cluster(target.nodes, options);
    }
    default:
      throw new Error(`unknown Redis target ${String((target as { kind: unknown }).kind)}`);
  }
}
