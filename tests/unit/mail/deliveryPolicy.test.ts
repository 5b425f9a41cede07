import { describe, expect, it } from 'vitest';
import { checkPdfGate } from '../../../src/mail/checkPdfGate.ts';
import { classifySmtpError } from '../../../src/mail/classifySmtpError.ts';
import { expandSubscriptions } from '../../../src/mail/expandSubscriptions.ts';
import { deliveryMessageId, noticeMessageId, senderDomain } from '../../../src/mail/messageId.ts';
import { MAX_ATTEMPTS, nextAttemptAt } from '../../../src/mail/retryPolicy.ts';
import { fixtureBundle } from './fixtureBundle.ts';

const smtpError = (message: string, fields: Record<string, unknown>) => Object.assign(new Error(message), fields);

describe('classifySmtpError', () => {
  it('treats 5xx as permanent, 4xx as transient, unreachable servers as connection, login/TLS as config', () => {
    expect(classifySmtpError(smtpError('550 no such user', { code: 'EENVELOPE', responseCode: 550 })).kind).toBe(
      'permanent',
    );
    expect(classifySmtpError(smtpError('451 try later', { code: 'EENVELOPE', responseCode: 451 })).kind).toBe(
      'transient',
    );
    expect(classifySmtpError(smtpError('connect ECONNREFUSED', { code: 'ESOCKET' })).kind).toBe('connection');
    expect(classifySmtpError(smtpError('535 bad login', { code: 'EAUTH', responseCode: 535 })).kind).toBe('config');
    expect(classifySmtpError('weird').kind).toBe('transient');
    // After the whole message went out, silence means "maybe delivered"; an explicit reply still decides.
    expect(classifySmtpError(smtpError('Timeout', { code: 'ETIMEDOUT', afterData: true })).kind).toBe('unknown');
    expect(
      classifySmtpError(smtpError('554 spam', { code: 'EMESSAGE', responseCode: 554, afterData: true })).kind,
    ).toBe('permanent');
  });

  it('masks credentials that appear in an error message', () => {
    const failure = classifySmtpError(new Error('cannot reach smtp://bob:s3cret@mail.example.com:587'));
    expect(failure.message).not.toContain('s3cret');
  });
});

describe('retry policy', () => {
  it('backs off from 5 minutes, doubling, at most 4 hours apart', () => {
    const now = new Date('2026-11-22T00:00:00Z');
    const delays = [1, 2, 3, 7, 8, 9].map((n) => (nextAttemptAt(n, now).getTime() - now.getTime()) / 60_000);
    expect(delays).toEqual([5, 10, 20, 240, 240, 240]);
    expect(MAX_ATTEMPTS).toBeGreaterThan(3);
  });
});

describe('message ids', () => {
  it('are deterministic per delivery, differ per generation and recipient, and do not expose the address', () => {
    const base = { kind: 'daily', reportId: '2026-11-21', recipient: 'ceo@example.com', generation: 1 };
    const id = deliveryMessageId('example.com', base);
    expect(id).toBe(deliveryMessageId('example.com', { ...base, recipient: 'ceo@EXAMPLE.com' }));
    expect(id).toMatch(/^<almanac\.daily\.2026-11-21\.g1\.[0-9a-f]{16}@example\.com>$/);
    expect(id).not.toContain('ceo');
    expect(deliveryMessageId('example.com', { ...base, generation: 2 })).not.toBe(id);
    expect(deliveryMessageId('example.com', { ...base, recipient: 'cto@example.com' })).not.toBe(id);
    expect(noticeMessageId('example.com', ['b', 'a'])).toBe(noticeMessageId('example.com', ['a', 'b']));
    expect(senderDomain('Almanac <almanac@Reports.Example.com>')).toBe('reports.example.com');
    expect(senderDomain('nobody')).toBe('almanac.invalid');
  });
});

describe('expandSubscriptions', () => {
  it('gives one entry per recipient and kind, attaching the PDF if any entry asks for it', () => {
    const subs = expandSubscriptions([
      { recipients: ['CEO@Example.com', 'cto@example.com'], kinds: ['daily'], attachPdf: false },
      { recipients: ['CEO@example.COM'], kinds: ['daily', 'weekly'], attachPdf: true },
    ]);
    expect(subs).toEqual([
      { recipient: 'CEO@example.com', kind: 'daily', attachPdf: true },
      { recipient: 'cto@example.com', kind: 'daily', attachPdf: false },
      { recipient: 'CEO@example.com', kind: 'weekly', attachPdf: true },
    ]);
  });
});

describe('checkPdfGate', () => {
  const bundle = fixtureBundle('daily', '2026-11-21');
  const passed = {
    kind: 'daily',
    report_id: '2026-11-21',
    bundle_generated_at: new Date(bundle.generated_at),
    status: 'passed' as const,
    bytes: 1234,
    failed_check: null,
    error: null,
    exported_at: new Date(),
  };
  it('holds a failed export for everybody, waits for a missing or stale one, and passes otherwise', () => {
    const failed = { ...passed, status: 'failed' as const, failed_check: 'page-budget', error: '14 pages > 8' };
    expect(checkPdfGate(failed, bundle, false)).toEqual({
      state: 'failed',
      check: 'page-budget',
      error: '14 pages > 8',
    });
    expect(checkPdfGate(undefined, bundle, true).state).toBe('pending');
    expect(checkPdfGate(undefined, bundle, false).state).toBe('ready');
    expect(checkPdfGate({ ...passed, bundle_generated_at: new Date(0) }, bundle, true).state).toBe('pending');
    expect(checkPdfGate(passed, bundle, true)).toEqual({ state: 'ready', expectedBytes: 1234 });
  });
});
