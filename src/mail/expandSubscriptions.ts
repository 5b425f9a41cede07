import type { Config } from '../config/Config.ts';
import type { BundleKind } from '../report/BundleKind.ts';

export interface Subscription {
  recipient: string;
  kind: BundleKind;
  attachPdf: boolean;
}

/**
 * Flattens `email.subscriptions` into one entry per (recipient, kind). An address listed twice for a kind gets
 * one email, with the PDF if any of its entries asks for it. Addresses are compared with the domain lower-cased
 * (the local part is the mailbox owner's business).
 */
export function expandSubscriptions(subscriptions: Config['email']['subscriptions']): Subscription[] {
  const byKey = new Map<string, Subscription>();
  for (const subscription of subscriptions) {
    for (const address of subscription.recipients) {
      const recipient = normalizeAddress(address);
      for (const kind of subscription.kinds) {
        const key = `${recipient}\u0000${kind}`;
        const existing = byKey.get(key);
        if (existing) existing.attachPdf ||= subscription.attachPdf;
        else byKey.set(key, { recipient, kind, attachPdf: subscription.attachPdf });
      }
    }
  }
  return [...byKey.values()];
}

export function normalizeAddress(address: string): string {
  const trimmed = address.trim();
  const at = trimmed.lastIndexOf('@');
  return at < 0 ? trimmed : `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`;
}
