/** Where encoded emp writes go: a Redis pipeline, or an in-memory capture for the warehouse path and tests. */
export interface EmpSink {
  hset(key: string, fields: Record<string, string>): void;
  hsetField(key: string, field: string, value: string): void;
  set(key: string, value: string): void;
  zadd(key: string, score: number, member: string): void;
  expire(key: string, seconds: number): void;
  zrem(key: string, member: string): void;
  hdel(key: string, field: string): void;
  /** Stream entry with an explicit id (`{ms}-{seq}`, or `*` in live mode), trimmed approximately to `maxlen`. */
  xadd(key: string, id: string, fields: Record<string, string>, maxlen: number): void;
}

/** A sink that batches writes: `drain()` between items keeps memory bounded, `flush()` waits for everything. */
export interface BulkEmpSink extends EmpSink {
  drain(): Promise<void>;
  flush(): Promise<void>;
  readonly commands: number;
}
