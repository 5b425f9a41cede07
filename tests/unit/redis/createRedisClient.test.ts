import type { Cluster, Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { createRedisClient } from '../../../src/redis/createRedisClient.ts';
import { parseRedisUrl } from '../../../src/redis/parseRedisUrl.ts';

// The clients are created lazily and never connect: these check the options each URL form turns into.
const limits = { connectionName: 'almanac-test', connectTimeoutMs: 1234, commandTimeoutMs: 5678 };
const made: (Redis | Cluster)[] = [];
const client = (url: string) => {
  const c = createRedisClient(parseRedisUrl(url), limits);
  made.push(c);
  return c;
};

describe('createRedisClient', () => {
  afterEach(() => {
    for (const c of made.splice(0)) c.disconnect();
  });

  it('a Sentinel URL: sentinels, master, database, both credentials, no retries, TLS where asked', () => {
    const { options } = client(
      'rediss+sentinel://app:pw@s1,[::1]:26380/main/2?sentinelPassword=sp&sentinelTls=false',
    ) as Redis;
    expect(options).toMatchObject({
      sentinels: [
        { host: 's1', port: 26379 },
        { host: '::1', port: 26380 },
      ],
      name: 'main',
      db: 2,
      username: 'app',
      password: 'pw',
      sentinelPassword: 'sp',
      tls: {},
      enableTLSForSentinelMode: true,
      connectionName: 'almanac-test',
      connectTimeout: 1234,
      commandTimeout: 5678,
      lazyConnect: true,
    });
    expect(options.sentinelTLS).toBeUndefined();
    expect(options.retryStrategy?.(1)).toBeNull();
    expect(options.sentinelRetryStrategy?.(1)).toBeNull();
  });

  it('a Cluster URL: startup nodes, node options carrying the password and TLS, no cluster retries', () => {
    const cluster = client('rediss+cluster://:pw@n1:7000,n2') as Cluster;
    expect(cluster.isCluster).toBe(true);
    expect(cluster.options.redisOptions).toMatchObject({ password: 'pw', tls: {}, connectionName: 'almanac-test' });
    expect(cluster.options.clusterRetryStrategy?.(1)).toBeNull();
    expect(cluster.options.lazyConnect).toBe(true);
  });

  it('a plain URL goes to ioredis unchanged', () => {
    const { options } = client('rediss://u:pw@cache:6380/3') as Redis;
    expect(options).toMatchObject({ host: 'cache', port: 6380, db: 3, username: 'u', password: 'pw', tls: true });
  });
});
