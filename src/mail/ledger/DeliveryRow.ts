/** A row of the `deliveries` table (migration 060). */
export interface DeliveryRow {
  kind: string;
  report_id: string;
  recipient: string;
  generation: number;
  reason: 'subscription' | 'resend';
  status: 'queued' | 'sent' | 'failed';
  attempts: number;
  message_id: string;
  bundle_revision: number;
  attach_pdf: boolean;
  pdf_bytes: number | null;
  in_flight_since: Date | null;
  confirmed: boolean | null;
  smtp_response: string | null;
  last_error: string | null;
  queued_at: Date;
  last_attempt_at: Date | null;
  next_attempt_at: Date | null;
  sent_at: Date | null;
  failed_at: Date | null;
}

/** Identifies one delivery: a report, a recipient and a generation (1, then one more per resend). */
export interface DeliveryKey {
  kind: string;
  report_id: string;
  recipient: string;
  generation: number;
}

/** A row of `mail_notices`. */
export interface NoticeRow {
  notice_key: string;
  problem: string;
  kind: string | null;
  report_id: string | null;
  recipient: string | null;
  detail: string;
  status: 'queued' | 'sent' | 'failed' | 'skipped';
  attempts: number;
  message_id: string | null;
  created_at: Date;
}

export type NewNotice = Pick<NoticeRow, 'notice_key' | 'problem' | 'kind' | 'report_id' | 'recipient' | 'detail'>;
