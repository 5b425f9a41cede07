import type { BundleKind } from '../report/BundleKind.ts';
import type { ReportBundle } from '../report/ReportBundle.ts';
import type { Subscription } from './expandSubscriptions.ts';
import type { DeliveryKey, DeliveryRow } from './ledger/DeliveryRow.ts';
import { subscriberKey } from './ledger/DeliveryLedger.ts';

/** Where the planner finds bundles (the ReportCatalog, or a map in tests). */
export interface BundleSource {
  ids(kind: BundleKind): string[];
  load(kind: BundleKind, id: string): ReportBundle | Error;
}

export interface PlannedDelivery {
  key: DeliveryKey;
  reason: DeliveryRow['reason'];
  attachPdf: boolean;
  bundle: ReportBundle;
  /** The ledger row when this is a retry; null for a delivery not yet recorded. */
  existing: DeliveryRow | null;
}

export interface DeliveryPlan {
  deliveries: PlannedDelivery[];
  /** Queued deliveries whose backoff has not run out yet. */
  waiting: DeliveryRow[];
  /** Bundles that could not be read, with the reason. */
  unreadable: { kind: BundleKind; id: string; error: string }[];
}

export interface PlanInput {
  subscriptions: Subscription[];
  /** When each (recipient, kind) was first subscribed (subscriberKey). */
  since: Map<string, Date>;
  bundles: BundleSource;
  ledger: DeliveryRow[];
  now: Date;
}

/**
 * Decides what this run sends. Pure over its inputs.
 * - Due: every closed report of a subscribed kind that the recipient has no ledger row for, counting the latest
 *   closed report of the kind plus every report whose period ended after the recipient subscribed (a new
 *   subscriber gets today's report, not the whole archive). Open periods are never mailed: they still change.
 * - Retries: queued rows whose backoff has run out (resends too, subscription rows only while still subscribed).
 * Rows that are sent or failed are final here; `--resend` is the way to send a report again.
 */
export function planDeliveries(input: PlanInput): DeliveryPlan {
  const plan: DeliveryPlan = { deliveries: [], waiting: [], unreadable: [] };
  const recorded = new Set(input.ledger.map((row) => reportRecipientKey(row.kind, row.report_id, row.recipient)));
  const subscribed = new Map(input.subscriptions.map((s) => [subscriberKey(s.recipient, s.kind), s]));
  const unreadable = new Set<string>();
  const load = (kind: BundleKind, id: string): ReportBundle | null => {
    const bundle = input.bundles.load(kind, id);
    if (!(bundle instanceof Error)) return bundle;
    if (!unreadable.has(`${kind}/${id}`)) {
      unreadable.add(`${kind}/${id}`);
      plan.unreadable.push({ kind, id, error: bundle.message });
    }
    return null;
  };

  for (const row of input.ledger) {
    if (row.status !== 'queued' || row.in_flight_since !== null) continue;
    if (row.next_attempt_at !== null && row.next_attempt_at.getTime() > input.now.getTime()) {
      plan.waiting.push(row);
      continue;
    }
    const subscription = subscribed.get(subscriberKey(row.recipient, row.kind));
    if (row.reason === 'subscription' && !subscription) continue;
    const bundle = load(row.kind as BundleKind, row.report_id);
    if (!bundle) continue;
    plan.deliveries.push({
      key: { kind: row.kind, report_id: row.report_id, recipient: row.recipient, generation: row.generation },
      reason: row.reason,
      attachPdf: row.attach_pdf,
      bundle,
      existing: row,
    });
  }

  const kinds = [...new Set(input.subscriptions.map((s) => s.kind))];
  for (const kind of kinds) {
    const recipients = input.subscriptions.filter((s) => s.kind === kind);
    const earliest = Math.min(...recipients.map((s) => sinceOf(input, s).getTime()));
    let latestSeen = false;
    for (const id of input.bundles.ids(kind)) {
      const bundle = load(kind, id);
      if (!bundle || !bundle.period.closed) continue;
      const end = Date.parse(bundle.period.end);
      const isLatest = !latestSeen;
      latestSeen = true;
      for (const subscription of recipients) {
        if (recorded.has(reportRecipientKey(kind, id, subscription.recipient))) continue;
        if (!isLatest && end < sinceOf(input, subscription).getTime()) continue;
        plan.deliveries.push({
          key: { kind, report_id: id, recipient: subscription.recipient, generation: 1 },
          reason: 'subscription',
          attachPdf: subscription.attachPdf,
          bundle,
          existing: null,
        });
      }
      // Ids are newest first: once a closed period ended before every subscription began, older ones did too.
      if (end < earliest) break;
    }
  }
  return plan;
}

function sinceOf(input: PlanInput, subscription: Subscription): Date {
  return input.since.get(subscriberKey(subscription.recipient, subscription.kind)) ?? input.now;
}

function reportRecipientKey(kind: string, id: string, recipient: string): string {
  return `${kind}\u0000${id}\u0000${recipient}`;
}
