import type { SourceConfig } from '../config/Config.ts';
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
      try {
        const reader = new RedisReader(client, config.redisUrl);
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
        client.disconnect();
      }
    },
  };
}
