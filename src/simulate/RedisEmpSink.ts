import type { ChainableCommander, Redis } from 'ioredis';
import { AlmanacError } from '../errors/AlmanacError.ts';
import type { BulkEmpSink } from './EmpSink.ts';

/**
 * EmpSink over ioredis pipelines in bounded batches: one batch is in flight while the next is being filled, so
 * generation and network overlap without unbounded buffering.
 */
export class RedisEmpSink implements BulkEmpSink {
  private pipeline: ChainableCommander;
  private queued = 0;
  private inFlight: Promise<void> | null = null;
  commands = 0;

  private readonly redis: Redis;
  private readonly batchSize: number;
  private failure: unknown = null;

  constructor(redis: Redis, batchSize = 4000) {
    this.redis = redis;
    this.batchSize = batchSize;
    this.pipeline = redis.pipeline();
  }

  hset(key: string, fields: Record<string, string>): void {
    this.pipeline.hset(key, fields);
    this.queued++;
  }

  hsetField(key: string, field: string, value: string): void {
    this.pipeline.hset(key, field, value);
    this.queued++;
  }

  set(key: string, value: string): void {
    this.pipeline.set(key, value);
    this.queued++;
  }

  zadd(key: string, score: number, member: string): void {
    this.pipeline.zadd(key, String(score), member);
    this.queued++;
  }

  expire(key: string, seconds: number): void {
    this.pipeline.expire(key, Math.max(1, seconds));
    this.queued++;
  }

  zrem(key: string, member: string): void {
    this.pipeline.zrem(key, member);
    this.queued++;
  }

  hdel(key: string, field: string): void {
    this.pipeline.hdel(key, field);
    this.queued++;
  }

  xadd(key: string, id: string, fields: Record<string, string>, maxlen: number): void {
    const flat: string[] = [];
    for (const [k, v] of Object.entries(fields)) flat.push(k, v);
    this.pipeline.xadd(key, 'MAXLEN', '~', String(maxlen), id, ...flat);
    this.queued++;
  }

  /** Sends the batch when it is full; waits only for the previous batch. */
  async drain(): Promise<void> {
    if (this.queued >= this.batchSize) await this.send();
  }

  /** Sends everything queued and waits for it. */
  async flush(): Promise<void> {
    if (this.queued > 0) await this.send();
    if (this.inFlight) await this.inFlight;
    this.inFlight = null;
    this.rethrow();
  }

  private rethrow(): void {
    if (this.failure !== null) throw this.failure;
  }

  private async send(): Promise<void> {
    if (this.inFlight) await this.inFlight;
    this.rethrow();
    const pipeline = this.pipeline;
    this.commands += this.queued;
    this.pipeline = this.redis.pipeline();
    this.queued = 0;
    // Failures are kept and rethrown on the next send or flush, so a rejected batch is never left unhandled.
    this.inFlight = pipeline.exec().then(
      (results) => {
        for (const [error] of results ?? []) {
          if (error && this.failure === null) {
            this.failure = new AlmanacError('SimulateRedisWrite', `Redis refused a simulated write: ${error.message}`, {
              cause: error,
            });
          }
        }
      },
      (error: unknown) => {
        if (this.failure === null) this.failure = error;
      },
    );
  }
}
