import { Redis, type RedisOptions } from 'ioredis';
import { describeRedisError } from './describeRedisError.ts';

export interface OpenRedisOptions {
  /** Shown in `CLIENT LIST`, so an operator can see who reads their Redis. */
  connectionName?: string;
  connectTimeoutMs?: number;
  /** Per-command timeout (default 30 s); null for none, when the caller times out whole calls itself. */
  commandTimeoutMs?: number | null;
}

/**
 * Connects to a Redis URL (redis:// or rediss:// for TLS) and waits until it answers, failing fast with a clear
 * error instead of retrying forever: Almanac runs on a schedule, so the next run is the retry.
 */
export async function openRedis(url: string, options: OpenRedisOptions = {}): Promise<Redis> {
  const redisOptions: RedisOptions = {
    lazyConnect: true,
    connectionName: options.connectionName ?? 'almanac',
    connectTimeout: options.connectTimeoutMs ?? 5000,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: () => null,
    reconnectOnError: () => false,
  };
  const commandTimeout = options.commandTimeoutMs === undefined ? 30_000 : options.commandTimeoutMs;
  if (commandTimeout !== null) redisOptions.commandTimeout = commandTimeout;
  const client = new Redis(url, redisOptions);
  // The socket error (ECONNREFUSED, ENOTFOUND…) arrives as an 'error' event while connect() only rejects with
  // "Connection is closed"; keep the event's error because it says what actually went wrong.
  let socketError: unknown;
  client.on('error', (error: unknown) => {
    socketError ??= error;
  });
  try {
    await client.connect();
    await client.ping();
    return client;
  } catch (error) {
    client.disconnect();
    throw describeRedisError(socketError ?? error, url);
  }
}
