/** The one warehouse capability the analysis needs: read rows with bound parameters. `Warehouse` satisfies it. */
export interface SqlReader {
  all<T = Record<string, unknown>>(sql: string, params?: Record<string, unknown>): Promise<T[]>;
}
