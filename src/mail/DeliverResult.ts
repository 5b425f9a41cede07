/** One delivery in a run's result. */
export type DeliveryItem = { kind: string; id: string; recipient: string; generation: number };

export interface DeliverResult {
  dryRun: boolean;
  /** (recipient, kind) pairs subscribed in the config. */
  subscriptions: number;
  sent: (DeliveryItem & { messageId: string; response: string })[];
  failed: (DeliveryItem & { error: string })[];
  /** Tried and deferred (transient failure) or not tried because the server was unreachable. */
  deferred: (DeliveryItem & { error: string; nextAttemptAt: string | null })[];
  /** Queued from an earlier run, waiting for their backoff to run out. */
  waiting: (DeliveryItem & { nextAttemptAt: string | null })[];
  held: { kind: string; id: string; reason: string }[];
  pending: { kind: string; id: string; reason: string }[];
  /** Left in flight by a run that died, now counted as sent (unconfirmed). */
  reconciled: (DeliveryItem & { messageId: string })[];
  /** Sent in full but never answered (timeout, dropped connection): counted as sent, unconfirmed. */
  unconfirmed: (DeliveryItem & { messageId: string; error: string })[];
  notices: { sent: number; skipped: number; deferred: number; failed: number };
  /** Set when the run stopped sending early (server unreachable). */
  stopped: string | null;
}
