import type { Cluster, Redis } from 'ioredis';
import type { SourceConfig } from '../config/Config.ts';
import { errorMessage } from '../errors/errorMessage.ts';
import type { Logger } from '../log/Logger.ts';
import { BulkReadConnection } from '../redis/BulkReadConnection.ts';
import { openRedis } from '../redis/openRedis.ts';
import { BullmqSource } from '../sources/bullmq/BullmqSource.ts';
import { EmpSource } from '../sources/emp/EmpSource.ts';
import { RedisReader } from './RedisReader.ts';
import type { Source } from './Source.ts';

/**
 * A configured source that connects for each pass and closes afterwards, so a connection failure is a failed
 * pass like any other (recorded in collection_runs) and a scheduler never holds a stale socket.
 */
export function redisSource(config: SourceConfig): Source {
  return {
    name: config.name,
    layout: config.layout,
    async collect(session, signal) {
      // No per-command timeout: RedisReader times out each call (a whole pipeline) instead.
      const client = await openRedis(config.redisUrl, { connectionName: 'almanac-collect', commandTimeoutMs: null });
      let bulk: BulkReadConnection | null = null;
      try {
        bulk = await openBulk(client, session.logger);
        const reader = new RedisReader(client, config.redisUrl, { bulk });
        const source =
          config.layout === 'bullmq'
            ? new BullmqSource({ name: config.name, reader, prefix: config.prefix, queues: config.queues })
            : new EmpSource({
                name: config.name,
                reader,
                prefix: config.prefix,
                fullScanMinutes: config.fullScanMinutes,
              });
        await source.collect(session, signal);
      } finally {
        bulk?.close();
        client.disconnect();
      }
    },
  };
}

/**
 * The bulk connection beside a single server's client (a Cluster routes each key to its node, so its reads stay
 * on ioredis). Failing to open it only costs speed: the pass goes on through the client, and says why.
 */
async function openBulk(client: Redis | Cluster, logger: Logger): Promise<BulkReadConnection | null> {
  if ((client as Cluster).isCluster) return null;
  try {
    return await BulkReadConnection.beside(client as Redis, { name: 'almanac-collect-bulk', connectTimeoutMs: 5000 });
  } catch (error) {
    logger.warn('bulk reads go through the general Redis client (slower): their own connection failed', {
      error: errorMessage(error),
    });
    return null;
  }
}
