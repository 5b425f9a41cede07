import type { BundleKind } from '../../report/BundleKind.ts';
import { readSql } from '../../warehouse/readSql.ts';

export interface PublicationRow {
  kind: BundleKind;
  id: string;
  revision: number;
  closed: boolean;
}

/** What `Publications` needs from the warehouse (the `Warehouse` class satisfies it). */
export interface SqlReadWrite {
  all<T = Record<string, unknown>>(sql: string, params?: Record<string, unknown>): Promise<T[]>;
  run(sql: string, params?: Record<string, unknown>): Promise<void>;
}

/** The ledger of published bundles (table report_publications, migration 010). */
export class Publications {
  private readonly db: SqlReadWrite;
  private rows = new Map<string, PublicationRow>();

  private constructor(db: SqlReadWrite) {
    this.db = db;
  }

  static async load(db: SqlReadWrite): Promise<Publications> {
    const ledger = new Publications(db);
    const rows = await db.all<PublicationRow>('SELECT kind, id, revision, closed FROM report_publications');
    for (const row of rows) ledger.rows.set(`${row.kind}/${row.id}`, row);
    return ledger;
  }

  get(kind: BundleKind, id: string): PublicationRow | undefined {
    return this.rows.get(`${kind}/${id}`);
  }

  async record(entry: {
    kind: BundleKind;
    id: string;
    revision: number;
    closed: boolean;
    start: number;
    end: number;
    generatedAt: number;
    sha256: string;
  }): Promise<void> {
    await this.db.run(readSql(import.meta.url, 'recordPublication.sql'), {
      kind: entry.kind,
      id: entry.id,
      revision: entry.revision,
      closed: entry.closed,
      period_start: new Date(entry.start),
      period_end: new Date(entry.end),
      generated_at: new Date(entry.generatedAt),
      sha256: entry.sha256,
    });
    this.rows.set(`${entry.kind}/${entry.id}`, {
      kind: entry.kind,
      id: entry.id,
      revision: entry.revision,
      closed: entry.closed,
    });
  }
}
