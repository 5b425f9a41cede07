import type { BulkEmpSink } from './EmpSink.ts';
import type { RespConnection } from './RespConnection.ts';

/** EmpSink over a RespConnection: the bulk writer used by `simulate --redis`. */
export class RespEmpSink implements BulkEmpSink {
  private readonly connection: RespConnection;
  private readonly args: string[] = [];

  constructor(connection: RespConnection) {
    this.connection = connection;
  }

  hset(key: string, fields: Record<string, string>): void {
    const args = this.args;
    args.length = 0;
    args.push('HSET', key);
    for (const f in fields) args.push(f, fields[f]!);
    this.connection.command(args);
  }

  hsetField(key: string, field: string, value: string): void {
    this.connection.command(['HSET', key, field, value]);
  }

  set(key: string, value: string): void {
    this.connection.command(['SET', key, value]);
  }

  zadd(key: string, score: number, member: string): void {
    this.connection.command(['ZADD', key, String(score), member]);
  }

  expire(key: string, seconds: number): void {
    this.connection.command(['EXPIRE', key, String(Math.max(1, seconds))]);
  }

  zrem(key: string, member: string): void {
    this.connection.command(['ZREM', key, member]);
  }

  hdel(key: string, field: string): void {
    this.connection.command(['HDEL', key, field]);
  }

  xadd(key: string, id: string, fields: Record<string, string>, maxlen: number): void {
    const args = ['XADD', key, 'MAXLEN', '~', String(maxlen), id];
    for (const f in fields) args.push(f, fields[f]!);
    this.connection.command(args);
  }

  drain(): Promise<void> {
    return this.connection.drain();
  }

  flush(): Promise<void> {
    return this.connection.flush();
  }

  get commands(): number {
    return this.connection.commands;
  }
}
