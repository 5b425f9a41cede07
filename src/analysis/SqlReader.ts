/** The one warehouse capability the analysis needs: read rows with bound parameters. `Warehouse` satisfies it. */
export interface SqlReader {
  all<T = Record<string, unknown>>(sql: string, params?: Record<string, unknown>): Promise<T[]>;
}

/** A warehouse that can lend extra connections for reads that run at the same time (`Warehouse.readers`). */
export interface SqlReaderPool {
  readers(size: number): Promise<SqlReader & { close(): void }>;
}
