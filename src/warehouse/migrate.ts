import { AlmanacError } from '../errors/AlmanacError.ts';
import type { Logger } from '../log/Logger.ts';
import { listMigrations, type Migration } from './listMigrations.ts';
import type { Warehouse } from './Warehouse.ts';

export interface PendingMigrations {
  migrations: Migration[];
  /** Set when the file was written by a newer Almanac: it must not be touched. */
  tooNew: AlmanacError | null;
}

export async function pendingMigrations(warehouse: Warehouse): Promise<PendingMigrations> {
  const known = listMigrations();
  const tables = await warehouse.all<{ n: number }>(
    "SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'schema_migrations' AND schema_name = 'main'",
  );
  const applied =
    tables[0]?.n === 0
      ? new Set<number>()
      : new Set(
          (await warehouse.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version),
        );
  const latestKnown = known.at(-1)?.version ?? 0;
  const newest = Math.max(0, ...applied);
  const tooNew =
    newest > latestKnown
      ? new AlmanacError(
          'WarehouseTooNew',
          `The warehouse ${warehouse.path} has schema version ${newest}, written by a newer Almanac; this one knows up to ${latestKnown}.`,
          { hint: 'Upgrade Almanac (git pull && npm ci), or point --db at another warehouse.', exitCode: 2 },
        )
      : null;
  return { migrations: known.filter((m) => !applied.has(m.version)), tooNew };
}

/** Applies every pending migration, each in its own transaction together with its schema_migrations row. */
export async function migrate(warehouse: Warehouse, logger: Logger): Promise<number> {
  await warehouse.run(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)',
  );
  const pending = await pendingMigrations(warehouse);
  if (pending.tooNew) throw pending.tooNew;
  for (const migration of pending.migrations) {
    await warehouse.transaction(async () => {
      await warehouse.run(migration.sql);
      await warehouse.run('INSERT INTO schema_migrations VALUES ($version, $name, now())', {
        version: migration.version,
        name: migration.name,
      });
    });
    logger.debug('applied warehouse migration', { version: migration.version, name: migration.name });
  }
  return pending.migrations.length;
}
