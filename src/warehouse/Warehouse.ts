import { mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { DuckDBInstance } from '@duckdb/node-api';
import { AlmanacError } from '../errors/AlmanacError.ts';
import { errorMessage } from '../errors/errorMessage.ts';
import type { Logger } from '../log/Logger.ts';
import { silentLogger } from '../log/silentLogger.ts';
import { columnWriter, type ColumnWriter } from './columnWriter.ts';
import { migrate, pendingMigrations } from './migrate.ts';
import { toDuckValue } from './toDuckValue.ts';
import { toJsRow } from './toJsRow.ts';
import { ReaderPool } from './ReaderPool.ts';
import { readLockHolder, WarehouseLock, warehouseLockedError } from './WarehouseLock.ts';

export type Row = Record<string, unknown>;
export type Params = Record<string, unknown> | unknown[];

export interface OpenWarehouseOptions {
  /** Open for queries only: no lock file, no writes (DuckDB enforces it). */
  readOnly?: boolean;
  /** Names the holder in the lock file, e.g. "almanac collect". */
  holder?: string;
  logger?: Logger;
}

/**
 * The DuckDB warehouse: one file, one writing process (see WarehouseLock), schema kept current by numbered
 * migrations on open. Rows come back JSON-safe (see toJsRow); bulk writes go through the Appender.
 */
export class Warehouse {
  readonly path: string;
  readonly readOnly: boolean;
  readonly connection: DuckDBConnection;
  private readonly instance: DuckDBInstance;
  private readonly lock: WarehouseLock | null;
  private readonly writers = new Map<string, { columns: string[]; writers: ColumnWriter[] }>();
  private transactionDepth = 0;

  private constructor(file: string, readOnly: boolean, opened: OpenedInstance, lock: WarehouseLock | null) {
    this.path = file;
    this.readOnly = readOnly;
    this.instance = opened.instance;
    this.connection = opened.connection;
    this.lock = lock;
  }

  static async open(file: string, options: OpenWarehouseOptions = {}): Promise<Warehouse> {
    const logger = options.logger ?? silentLogger;
    const absolute = path.resolve(file);
    if (options.readOnly) {
      // A read-only open cannot create or upgrade the file, so do that first with a short writing open.
      if (!existsSync(absolute) || (await Warehouse.needsMigration(absolute))) {
        await (await Warehouse.open(absolute, { ...options, readOnly: false })).close();
      }
      const warehouse = new Warehouse(absolute, true, await openInstance(absolute, true), null);
      await warehouse.checkVersion();
      return warehouse;
    }

    ensureDirectory(absolute);
    const lock = WarehouseLock.acquire(absolute, options.holder ?? 'almanac', logger);
    try {
      const warehouse = new Warehouse(absolute, false, await openInstance(absolute, false), lock);
      await migrate(warehouse, logger);
      return warehouse;
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  async run(sql: string, params?: Params): Promise<void> {
    await this.guard(() => this.connection.run(sql, bind(params)));
  }

  async all<T = Row>(sql: string, params?: Params): Promise<T[]> {
    const reader = await this.guard(() => this.connection.runAndReadAll(sql, bind(params)));
    return reader.getRowObjectsJS().map((row) => toJsRow(row) as T);
  }

  /**
   * `size` more connections for independent reads that may run at once (see ReaderPool); close the pool when done.
   * They see what this connection has committed.
   */
  async readers(size: number): Promise<ReaderPool> {
    const connections: DuckDBConnection[] = [];
    try {
      for (let i = 0; i < size; i++) connections.push(await this.guard(() => this.instance.connect()));
    } catch (error) {
      for (const connection of connections) connection.closeSync();
      throw error;
    }
    return new ReaderPool(connections, bind as (p: Row | undefined) => Row | undefined, (error) =>
      translateDuckError(error, this.path),
    );
  }

  async one<T = Row>(sql: string, params?: Params): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  /** Runs `work` in one transaction; nested calls join the outer one. Rolls back on any error. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.transactionDepth > 0) return work();
    await this.run('BEGIN TRANSACTION');
    this.transactionDepth++;
    try {
      const result = await work();
      await this.run('COMMIT');
      return result;
    } catch (error) {
      try {
        await this.connection.run('ROLLBACK');
      } catch {
        // The transaction may already be aborted by the error itself; the original error is what matters.
      }
      throw error;
    } finally {
      this.transactionDepth--;
    }
  }

  /**
   * Appends rows with DuckDB's Appender (about 2x faster than INSERTs). Keys are column names; missing keys get
   * the column default. TIMESTAMPTZ takes epoch ms or a Date; VARCHAR[] takes string[]. Wrap in `transaction`
   * to make it atomic with other writes.
   */
  async append(table: string, rows: readonly Row[]): Promise<number> {
    if (rows.length === 0) return 0;
    const { columns, writers } = await this.tableWriters(table);
    const appender = await this.guard(() => this.connection.createAppender(table));
    try {
      for (const row of rows) {
        for (let i = 0; i < columns.length; i++) writers[i]!(appender, row[columns[i]!]);
        appender.endRow();
      }
      appender.flushSync();
    } catch (error) {
      try {
        appender.closeSync();
      } catch {
        // Closing a failed appender fails too ("transaction is aborted"); the first error is the one to report.
      }
      throw translateDuckError(error, this.path);
    }
    appender.closeSync();
    return rows.length;
  }

  async close(): Promise<void> {
    try {
      this.connection.closeSync();
      this.instance.closeSync();
    } finally {
      this.lock?.release();
    }
  }

  /** Schema version of the file, i.e. the highest applied migration. */
  async schemaVersion(): Promise<number> {
    const row = await this.one<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
    return row?.v ?? 0;
  }

  private static async needsMigration(file: string): Promise<boolean> {
    const probe = new Warehouse(file, true, await openInstance(file, true), null);
    try {
      const pending = await pendingMigrations(probe);
      if (pending.tooNew) throw pending.tooNew;
      return pending.migrations.length > 0;
    } finally {
      await probe.close();
    }
  }

  private async checkVersion(): Promise<void> {
    const pending = await pendingMigrations(this);
    if (pending.tooNew) throw pending.tooNew;
  }

  private async tableWriters(table: string): Promise<{ columns: string[]; writers: ColumnWriter[] }> {
    let cached = this.writers.get(table);
    if (!cached) {
      const columns = await this.all<{ column_name: string; data_type: string }>(
        `SELECT column_name, data_type FROM duckdb_columns()
         WHERE table_name = $table AND schema_name IN ('main', 'temp') ORDER BY column_index`,
        { table },
      );
      if (columns.length === 0) throw new Error(`warehouse table ${table} does not exist`);
      cached = {
        columns: columns.map((c) => c.column_name),
        writers: columns.map((c) => columnWriter(table, c.column_name, c.data_type)),
      };
      this.writers.set(table, cached);
    }
    return cached;
  }

  private async guard<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw translateDuckError(error, this.path);
    }
  }
}

interface OpenedInstance {
  instance: DuckDBInstance;
  connection: DuckDBConnection;
}

async function openInstance(file: string, readOnly: boolean): Promise<OpenedInstance> {
  try {
    const instance = await DuckDBInstance.create(file, readOnly ? { access_mode: 'READ_ONLY' } : {});
    return { instance, connection: await instance.connect() };
  } catch (error) {
    throw translateDuckError(error, file);
  }
}

function ensureDirectory(file: string): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
  } catch (error) {
    throw new AlmanacError(
      'WarehouseUnwritable',
      `Cannot create the folder for the warehouse ${file}: ${errorMessage(error)}.`,
      {
        hint: 'Choose a writable location with --db FILE or "warehouse" in almanac.config.json.',
        cause: error,
      },
    );
  }
}

function bind(params: Params | undefined) {
  if (params === undefined) return undefined;
  if (Array.isArray(params)) return params.map(toDuckValue);
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, toDuckValue(value)]));
}

/** Turns DuckDB's low-level failures that have a known meaning into errors a user can act on. */
export function translateDuckError(error: unknown, file: string): unknown {
  const message = errorMessage(error);
  if (/Could not set lock on file|Conflicting lock is held/i.test(message)) {
    // Our own lock file names the holder, unless it is this very process (a lock file that was deleted under a
    // running writer gets re-created by the loser before DuckDB refuses it).
    const recorded = readLockHolder(`${file}.lock`);
    const holder = recorded?.pid === process.pid ? null : recorded;
    const pid = /PID (\d+)/.exec(message)?.[1];
    return warehouseLockedError(
      file,
      holder ?? (pid ? { pid: Number(pid), host: '', command: 'another DuckDB process', startedAt: 'unknown' } : null),
      error,
    );
  }
  if (/read-only mode|attached in read-only/i.test(message)) {
    return new AlmanacError(
      'WarehouseReadOnly',
      `The statement tried to change the warehouse ${file}, which is open read-only.`,
      {
        hint: '`almanac sql` only runs queries (SELECT, DESCRIBE, SHOW, EXPLAIN). Data changes go through the other commands.',
        exitCode: 2,
        cause: error,
      },
    );
  }
  if (/Permission denied|Read-only file system|No space left/i.test(message)) {
    return new AlmanacError('WarehouseUnwritable', `Cannot write the warehouse ${file}: ${message}`, {
      hint: 'Free disk space or fix the permissions of the file and its folder, or point --db elsewhere.',
      cause: error,
    });
  }
  if (
    /not a valid DuckDB database file|The file is not a valid|Serialization Error|database file with version/i.test(
      message,
    )
  ) {
    return new AlmanacError(
      'WarehouseCorrupt',
      `The file ${file} is not a DuckDB warehouse this version can read: ${message}`,
      {
        hint: 'Point --db at the right file; keep this one aside for inspection rather than deleting it.',
        cause: error,
      },
    );
  }
  return error;
}
