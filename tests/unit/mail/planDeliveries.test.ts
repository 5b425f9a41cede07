import { describe, expect, it } from 'vitest';
import type { DeliveryRow } from '../../../src/mail/ledger/DeliveryRow.ts';
import { subscriberKey } from '../../../src/mail/ledger/DeliveryLedger.ts';
import { planDeliveries, type BundleSource } from '../../../src/mail/planDeliveries.ts';
import { planResend } from '../../../src/mail/planResend.ts';
import type { BundleKind } from '../../../src/report/BundleKind.ts';
import { fixtureBundle } from './fixtureBundle.ts';

const ids: Record<BundleKind, string[]> = {
  daily: ['2026-11-21', '2026-11-20', '2026-11-19', '2026-11-01'],
  weekly: ['2026-W47', '2026-W46', '2026-W01'],
  monthly: ['2026-11', '2026-10'],
};
const bundles: BundleSource = {
  ids: (kind) => ids[kind],
  load: (kind, id) => (id === 'broken' ? new Error('invalid JSON') : fixtureBundle(kind, id)),
};
const NOW = new Date('2026-11-22T12:00:00Z');
const ceo = { recipient: 'ceo@example.com', kind: 'daily' as const, attachPdf: true };

const row = (fields: Partial<DeliveryRow>): DeliveryRow => ({
  kind: 'daily',
  report_id: '2026-11-21',
  recipient: 'ceo@example.com',
  generation: 1,
  reason: 'subscription',
  status: 'sent',
  attempts: 1,
  message_id: '<x@example.com>',
  bundle_revision: 1,
  attach_pdf: true,
  pdf_bytes: null,
  in_flight_since: null,
  confirmed: true,
  smtp_response: null,
  last_error: null,
  queued_at: NOW,
  last_attempt_at: NOW,
  next_attempt_at: null,
  sent_at: NOW,
  failed_at: null,
  ...fields,
});

const keys = (plan: ReturnType<typeof planDeliveries>) =>
  plan.deliveries.map((d) => `${d.key.kind}/${d.key.report_id}/${d.key.recipient}/g${d.key.generation}`);

describe('planDeliveries', () => {
  it('gives a new subscriber the latest closed report, not the archive', () => {
    const plan = planDeliveries({ subscriptions: [ceo], since: new Map(), bundles, ledger: [], now: NOW });
    expect(keys(plan)).toEqual(['daily/2026-11-21/ceo@example.com/g1']);
  });

  it('sends every report closed since the subscription began', () => {
    const since = new Map([[subscriberKey('ceo@example.com', 'daily'), new Date('2026-11-20T12:00:00Z')]]);
    const plan = planDeliveries({ subscriptions: [ceo], since, bundles, ledger: [], now: NOW });
    expect(keys(plan)).toEqual(['daily/2026-11-21/ceo@example.com/g1', 'daily/2026-11-20/ceo@example.com/g1']);
  });

  it('never mails an open period: the latest closed month is the one due', () => {
    const monthly = { recipient: 'cfo@example.com', kind: 'monthly' as const, attachPdf: false };
    const plan = planDeliveries({ subscriptions: [monthly], since: new Map(), bundles, ledger: [], now: NOW });
    expect(keys(plan)).toEqual(['monthly/2026-10/cfo@example.com/g1']);
  });

  it('skips what the ledger already has, retries queued rows whose backoff ran out, and lists the rest as waiting', () => {
    const since = new Map([[subscriberKey('ceo@example.com', 'daily'), new Date('2026-11-18T00:00:00Z')]]);
    const ledger = [
      row({ report_id: '2026-11-21', status: 'sent' }),
      row({ report_id: '2026-11-20', status: 'queued', next_attempt_at: new Date(NOW.getTime() - 1) }),
      row({ report_id: '2026-11-19', status: 'queued', next_attempt_at: new Date(NOW.getTime() + 60_000) }),
    ];
    const plan = planDeliveries({ subscriptions: [ceo], since, bundles, ledger, now: NOW });
    expect(keys(plan)).toEqual(['daily/2026-11-20/ceo@example.com/g1']);
    expect(plan.deliveries[0]!.existing).toBe(ledger[1]);
    expect(plan.waiting.map((r) => r.report_id)).toEqual(['2026-11-19']);
  });

  it('does not retry a queued subscription row once the recipient has unsubscribed', () => {
    const ledger = [row({ status: 'queued', next_attempt_at: null })];
    const plan = planDeliveries({ subscriptions: [], since: new Map(), bundles, ledger, now: NOW });
    expect(plan.deliveries).toEqual([]);
  });

  it('reports an unreadable bundle instead of failing the run', () => {
    const broken: BundleSource = { ids: () => ['broken', '2026-11-21'], load: bundles.load };
    const plan = planDeliveries({ subscriptions: [ceo], since: new Map(), bundles: broken, ledger: [], now: NOW });
    expect(plan.unreadable).toEqual([{ kind: 'daily', id: 'broken', error: 'invalid JSON' }]);
    expect(keys(plan)).toEqual(['daily/2026-11-21/ceo@example.com/g1']);
  });
});

describe('planResend', () => {
  it('adds a generation per subscriber and refuses open periods and unknown reports', () => {
    const plan = planResend({ kind: 'daily', id: '2026-11-21', subscriptions: [ceo], bundles, ledger: [row({})] });
    expect(keys(plan)).toEqual(['daily/2026-11-21/ceo@example.com/g2']);
    expect(plan.deliveries[0]!.reason).toBe('resend');
    const monthly = { recipient: 'cfo@example.com', kind: 'monthly' as const, attachPdf: false };
    expect(() => planResend({ kind: 'monthly', id: '2026-11', subscriptions: [monthly], bundles, ledger: [] })).toThrow(
      /still open/,
    );
    expect(() => planResend({ kind: 'daily', id: 'broken', subscriptions: [ceo], bundles, ledger: [] })).toThrow(
      /cannot be read/,
    );
    expect(() => planResend({ kind: 'weekly', id: '2026-W47', subscriptions: [ceo], bundles, ledger: [] })).toThrow(
      /Nobody is subscribed/,
    );
  });
});
