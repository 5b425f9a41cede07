/** One email ready to go: the deterministic Message-ID travels with it. */
export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  messageId: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
  headers?: Record<string, string>;
  /** A readable name for the message, used by the outbox for its file name ("daily-2026-11-21-ceo@example.com"). */
  label: string;
}

export interface SentMail {
  /** The server's final reply ("250 2.0.0 Ok: queued as ..."), or the file written by the outbox. */
  response: string;
}

/** Where messages go: an SMTP server, or the dry-run outbox. */
export interface MailTransport {
  /** Whether sending here has effects that the ledger must account for (false for the outbox). */
  readonly recordsDeliveries: boolean;
  send(mail: OutgoingMail): Promise<SentMail>;
  close(): void;
}
