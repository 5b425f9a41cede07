import type { DuckDBConnection } from '@duckdb/node-api';
import { toJsRow } from './toJsRow.ts';

/**
 * Extra connections to one open warehouse for independent read queries that may run at the same time: DuckDB runs
 * one query per connection, and a query's serial phases (planning, the final merge of its aggregates, turning rows
 * into JavaScript) leave cores idle that a second query can use. `all` waits for a free connection, so callers may
 * start any number of queries at once and never run more than the pool's size.
 */
export class ReaderPool {
  private readonly idle: DuckDBConnection[];
  private readonly waiting: ((connection: DuckDBConnection) => void)[] = [];
  private readonly connections: DuckDBConnection[];
  private readonly bind: (params: Record<string, unknown> | undefined) => Record<string, unknown> | undefined;
  private readonly translate: (error: unknown) => unknown;

  constructor(
    connections: DuckDBConnection[],
    bind: (params: Record<string, unknown> | undefined) => Record<string, unknown> | undefined,
    translate: (error: unknown) => unknown,
  ) {
    this.connections = connections;
    this.idle = [...connections];
    this.bind = bind;
    this.translate = translate;
  }

  async all<T = Record<string, unknown>>(sql: string, params?: Record<string, unknown>): Promise<T[]> {
    const connection =
      this.idle.pop() ?? (await new Promise<DuckDBConnection>((resolve) => this.waiting.push(resolve)));
    try {
      const reader = await connection.runAndReadAll(sql, this.bind(params) as never);
      return reader.getRowObjectsJS().map((row) => toJsRow(row) as T);
    } catch (error) {
      throw this.translate(error);
    } finally {
      const next = this.waiting.shift();
      if (next) next(connection);
      else this.idle.push(connection);
    }
  }

  close(): void {
    for (const connection of this.connections) connection.closeSync();
  }
}
