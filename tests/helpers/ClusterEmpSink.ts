import type { Cluster } from 'ioredis';
import type { BulkEmpSink } from '../../src/simulate/EmpSink.ts';

/**
 * The simulator's sink over a Redis Cluster, for tests: every write is its own command (a Cluster pipeline may not
 * cross hash slots), auto-pipelined per node by ioredis, with a bounded number in flight.
 */
export class ClusterEmpSink implements BulkEmpSink {
  commands = 0;
  private readonly cluster: Cluster;
  private pending: Promise<unknown>[] = [];

  constructor(cluster: Cluster) {
    this.cluster = cluster;
  }

  hset(key: string, fields: Record<string, string>): void {
    this.add(this.cluster.hset(key, fields));
  }
  hsetField(key: string, field: string, value: string): void {
    this.add(this.cluster.hset(key, field, value));
  }
  set(key: string, value: string): void {
    this.add(this.cluster.set(key, value));
  }
  zadd(key: string, score: number, member: string): void {
    this.add(this.cluster.zadd(key, String(score), member));
  }
  expire(key: string, seconds: number): void {
    this.add(this.cluster.expire(key, Math.max(1, seconds)));
  }
  zrem(key: string, member: string): void {
    this.add(this.cluster.zrem(key, member));
  }
  hdel(key: string, field: string): void {
    this.add(this.cluster.hdel(key, field));
  }
  xadd(key: string, id: string, fields: Record<string, string>, maxlen: number): void {
    this.add(this.cluster.xadd(key, 'MAXLEN', '~', String(maxlen), id, ...Object.entries(fields).flat()));
  }

  async drain(): Promise<void> {
    if (this.pending.length >= 2000) await this.flush();
  }

  async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    await Promise.all(batch);
  }

  private add(reply: Promise<unknown>): void {
    this.commands++;
    reply.catch(() => undefined); // handled here, rethrown by flush()
    this.pending.push(reply);
  }
}
