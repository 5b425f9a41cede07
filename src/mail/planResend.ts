import { AlmanacError } from '../errors/AlmanacError.ts';
import type { BundleKind } from '../report/BundleKind.ts';
import type { Subscription } from './expandSubscriptions.ts';
import type { DeliveryRow } from './ledger/DeliveryRow.ts';
import type { BundleSource, DeliveryPlan } from './planDeliveries.ts';

/**
 * `deliver --resend KIND:ID`: the report again, on purpose, to every current subscriber of its kind, as a new
 * generation (its own ledger row and Message-ID, so it is never mistaken for the first copy).
 */
export function planResend(input: {
  kind: BundleKind;
  id: string;
  subscriptions: Subscription[];
  bundles: BundleSource;
  ledger: DeliveryRow[];
}): DeliveryPlan {
  const { kind, id } = input;
  const bundle = input.bundles.load(kind, id);
  if (bundle instanceof Error) {
    throw new AlmanacError('ReportNotFound', `The ${kind} report ${id} cannot be read: ${bundle.message}`, {
      hint: 'List the published reports with `ls data/reports/<kind>/`, or run `almanac analyze` first.',
      exitCode: 2,
    });
  }
  if (!bundle.period.closed) {
    throw new AlmanacError('ReportNotClosed', `The ${kind} report ${id} covers a period that is still open.`, {
      hint: 'Only closed periods are emailed; resend it after the period has ended and been analyzed.',
      exitCode: 2,
    });
  }
  const recipients = input.subscriptions.filter((s) => s.kind === kind);
  if (recipients.length === 0) {
    throw new AlmanacError('NoSubscribers', `Nobody is subscribed to ${kind} reports.`, {
      hint: 'Add a subscription under email.subscriptions in almanac.config.json.',
      exitCode: 2,
    });
  }
  return {
    deliveries: recipients.map((subscription) => {
      const generations = input.ledger
        .filter((row) => row.kind === kind && row.report_id === id && row.recipient === subscription.recipient)
        .map((row) => row.generation);
      return {
        key: { kind, report_id: id, recipient: subscription.recipient, generation: Math.max(0, ...generations) + 1 },
        reason: 'resend' as const,
        attachPdf: subscription.attachPdf,
        bundle,
        existing: null,
      };
    }),
    waiting: [],
    unreadable: [],
  };
}
