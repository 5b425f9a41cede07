import { readSql } from '../../warehouse/readSql.ts';
import type { Warehouse } from '../../warehouse/Warehouse.ts';
import type { DeliveryKey, DeliveryRow, NewNotice, NoticeRow } from './DeliveryRow.ts';

const SQL = {
  all: readSql(import.meta.url, 'deliveriesAll.sql'),
  insert: readSql(import.meta.url, 'deliveryInsert.sql'),
  begin: readSql(import.meta.url, 'deliveryBegin.sql'),
  sent: readSql(import.meta.url, 'deliverySent.sql'),
  retry: readSql(import.meta.url, 'deliveryRetry.sql'),
  failed: readSql(import.meta.url, 'deliveryFailed.sql'),
  unconfirmed: readSql(import.meta.url, 'deliveryUnconfirmed.sql'),
  inFlight: readSql(import.meta.url, 'deliveriesInFlight.sql'),
  reconcile: readSql(import.meta.url, 'deliveriesReconcile.sql'),
  noticeInsert: readSql(import.meta.url, 'noticeInsert.sql'),
  noticesQueued: readSql(import.meta.url, 'noticesQueued.sql'),
  noticesBegin: readSql(import.meta.url, 'noticesBegin.sql'),
  noticesSent: readSql(import.meta.url, 'noticesSent.sql'),
  noticesRetry: readSql(import.meta.url, 'noticesRetry.sql'),
  noticesFailed: readSql(import.meta.url, 'noticesFailed.sql'),
  noticesSkip: readSql(import.meta.url, 'noticesSkip.sql'),
  noticesReconcile: readSql(import.meta.url, 'noticesReconcile.sql'),
  noticeKeys: readSql(import.meta.url, 'noticeKeys.sql'),
  subscribersAll: readSql(import.meta.url, 'subscribersAll.sql'),
  subscriberInsert: readSql(import.meta.url, 'subscriberInsert.sql'),
};

/**
 * The delivery ledger in the warehouse. Each state change is its own committed statement, so what the table says
 * is what has happened so far even if the process dies on the next line: the intent (queued, attempt counted,
 * in flight) is committed before the SMTP exchange starts, the outcome right after it ends.
 */
export class DeliveryLedger {
  private readonly warehouse: Warehouse;

  constructor(warehouse: Warehouse) {
    this.warehouse = warehouse;
  }

  all(): Promise<DeliveryRow[]> {
    return this.warehouse.all<DeliveryRow>(SQL.all);
  }

  async queue(
    key: DeliveryKey,
    fields: { reason: DeliveryRow['reason']; message_id: string; bundle_revision: number; attach_pdf: boolean },
    now: Date,
  ): Promise<void> {
    await this.warehouse.run(SQL.insert, { ...key, ...fields, now });
  }

  async begin(key: DeliveryKey, fields: { bundle_revision: number; pdf_bytes: number | null }, now: Date) {
    await this.warehouse.run(SQL.begin, { ...key, ...fields, now });
  }

  async sent(key: DeliveryKey, response: string, now: Date): Promise<void> {
    await this.warehouse.run(SQL.sent, { ...key, response, now });
  }

  async retryLater(key: DeliveryKey, error: string, nextAttemptAt: Date): Promise<void> {
    await this.warehouse.run(SQL.retry, { ...key, error, next_attempt_at: nextAttemptAt });
  }

  async failed(key: DeliveryKey, error: string, now: Date): Promise<void> {
    await this.warehouse.run(SQL.failed, { ...key, error, now });
  }

  /** No reply after the data went out: counted as sent, unconfirmed (see deliverReports). */
  async sentUnconfirmed(key: DeliveryKey, error: string, now: Date): Promise<void> {
    await this.warehouse.run(SQL.unconfirmed, { ...key, error, now });
  }

  /** Marks every delivery and notice left in flight by a dead run as sent (unconfirmed); returns the deliveries. */
  async reconcileInFlight(note: string): Promise<DeliveryRow[]> {
    return this.warehouse.transaction(async () => {
      const rows = await this.warehouse.all<DeliveryRow>(SQL.inFlight);
      if (rows.length > 0) await this.warehouse.run(SQL.reconcile, { note });
      await this.warehouse.run(SQL.noticesReconcile, { note });
      return rows;
    });
  }

  /** Records a problem for the owner; a key already recorded is left alone (that is what makes notices once-only). */
  async addNotice(notice: NewNotice, now: Date, status: 'queued' | 'skipped' = 'queued'): Promise<void> {
    await this.warehouse.run(SQL.noticeInsert, { ...notice, status, now });
  }

  /** Every problem already recorded (told, queued or skipped). */
  async noticeKeys(): Promise<Set<string>> {
    const rows = await this.warehouse.all<{ notice_key: string }>(SQL.noticeKeys);
    return new Set(rows.map((row) => row.notice_key));
  }

  queuedNotices(): Promise<NoticeRow[]> {
    return this.warehouse.all<NoticeRow>(SQL.noticesQueued);
  }

  async beginNotices(keys: string[], messageId: string, now: Date): Promise<void> {
    await this.warehouse.run(SQL.noticesBegin, { keys, message_id: messageId, now });
  }

  async noticesSent(keys: string[], now: Date): Promise<void> {
    await this.warehouse.run(SQL.noticesSent, { keys, now });
  }

  async noticesRetry(keys: string[], error: string): Promise<void> {
    await this.warehouse.run(SQL.noticesRetry, { keys, error });
  }

  async noticesFailed(keys: string[], error: string): Promise<void> {
    await this.warehouse.run(SQL.noticesFailed, { keys, error });
  }

  /** With no owner configured, queued notices can never go out: mark them skipped so they stop piling up. */
  async skipQueuedNotices(): Promise<void> {
    await this.warehouse.run(SQL.noticesSkip);
  }

  /**
   * When each (recipient, kind) subscription was first seen; pairs seen for the first time get `now`, recorded
   * unless `record` is false (dry runs change nothing).
   */
  async subscribersSince(
    pairs: { recipient: string; kind: string }[],
    now: Date,
    record: boolean,
  ): Promise<Map<string, Date>> {
    const rows = await this.warehouse.all<{ recipient: string; kind: string; since: Date }>(SQL.subscribersAll);
    const since = new Map(rows.map((row) => [subscriberKey(row.recipient, row.kind), row.since]));
    for (const pair of pairs) {
      const key = subscriberKey(pair.recipient, pair.kind);
      if (since.has(key)) continue;
      if (record) await this.warehouse.run(SQL.subscriberInsert, { recipient: pair.recipient, kind: pair.kind, now });
      since.set(key, now);
    }
    return since;
  }
}

export function subscriberKey(recipient: string, kind: string): string {
  return `${recipient}\u0000${kind}`;
}
