import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/Config.ts';
import { AlmanacError } from '../errors/AlmanacError.ts';
import type { Logger } from '../log/Logger.ts';
import type { BundleKind } from '../report/BundleKind.ts';
import type { Warehouse } from '../warehouse/Warehouse.ts';
import { checkPdfGate } from './checkPdfGate.ts';
import { classifySmtpError } from './classifySmtpError.ts';
import { buildReportMail } from './buildReportMail.ts';
import type { ComposedEmail } from './compose/composeReportEmail.ts';
import type { DeliverResult, DeliveryItem } from './DeliverResult.ts';
import { expandSubscriptions } from './expandSubscriptions.ts';
import { DeliveryLedger } from './ledger/DeliveryLedger.ts';
import type { NewNotice } from './ledger/DeliveryRow.ts';
import { readPdfExports } from './ledger/readPdfExports.ts';
import { deliveryMessageId, noticeMessageId, senderDomain } from './messageId.ts';
import * as notices from './ownerNotices.ts';
import { planDeliveries, type BundleSource, type DeliveryPlan } from './planDeliveries.ts';
import { planResend } from './planResend.ts';
import { ReportCatalog } from './ReportCatalog.ts';
import { MAX_ATTEMPTS, nextAttemptAt } from './retryPolicy.ts';
import { sendOwnerNotices } from './sendOwnerNotices.ts';
import type { MailTransport } from './transport/MailTransport.ts';

export type { DeliverResult } from './DeliverResult.ts';

export interface DeliverDeps {
  config: Config;
  /** Opened for writing, or read-only for a dry run (a dry run changes nothing in it). */
  warehouse: Warehouse;
  transport: MailTransport;
  logger: Logger;
  now: () => Date;
  /** Defaults to the bundles under config.paths.reports. */
  bundles?: BundleSource;
}

export interface DeliverOptions {
  /** Send this report again, to every current subscriber of its kind. */
  resend?: { kind: BundleKind; id: string };
}

const UNCERTAIN_NOTE =
  'the run ended during the SMTP exchange; the server may have accepted the message, so it counts as sent (at most once)';

/**
 * Sends every due report email once (see planDeliveries for "due" and docs/email.md for the guarantees).
 *
 * Exactly-once, as far as SMTP allows: the ledger row is committed as queued and in flight before the message
 * goes out, and marked sent right after the server's reply. A run that dies between the two leaves the row in
 * flight; the next run cannot know whether the server accepted the message (SMTP has no way to ask), so it counts
 * it as sent, unconfirmed, and tells the owner the Message-ID to look up. That is at-most-once for the narrow
 * window of one SMTP exchange, chosen over at-least-once because a duplicate executive report is visible to the
 * reader while a lost one is reported to the owner, who can resend it.
 */
export async function deliverReports(deps: DeliverDeps, options: DeliverOptions = {}): Promise<DeliverResult> {
  const { config, logger, transport } = deps;
  const record = transport.recordsDeliveries;
  const ledger = new DeliveryLedger(deps.warehouse);
  const bundles = deps.bundles ?? new ReportCatalog(config.paths.reports);
  const domain = senderDomain(config.email.from);
  const result: DeliverResult = {
    dryRun: !record,
    subscriptions: 0,
    sent: [],
    failed: [],
    deferred: [],
    waiting: [],
    held: [],
    pending: [],
    reconciled: [],
    unconfirmed: [],
    notices: { sent: 0, skipped: 0, deferred: 0, failed: 0 },
    stopped: null,
  };
  const raised: NewNotice[] = [];
  const raise = async (notice: NewNotice) => {
    raised.push(notice);
    if (record) await ledger.addNotice(notice, deps.now());
  };

  if (record) {
    for (const row of await ledger.reconcileInFlight(UNCERTAIN_NOTE)) {
      const item = { kind: row.kind, id: row.report_id, recipient: row.recipient, generation: row.generation };
      result.reconciled.push({ ...item, messageId: row.message_id });
      logger.warn('a previous run died while sending; counted as sent', { ...item, messageId: row.message_id });
      await raise(
        notices.deliveryUncertainNotice(row.kind, row.report_id, row.recipient, row.generation, row.message_id),
      );
    }
  }

  const subscriptions = expandSubscriptions(config.email.subscriptions);
  result.subscriptions = subscriptions.length;
  const now = deps.now();
  const since = await ledger.subscribersSince(subscriptions, now, record);
  const rows = await ledger.all();
  const plan: DeliveryPlan = options.resend
    ? planResend({ ...options.resend, subscriptions, bundles, ledger: rows })
    : planDeliveries({ subscriptions, since, bundles, ledger: rows, now });
  result.waiting = plan.waiting.map((row) => ({
    kind: row.kind,
    id: row.report_id,
    recipient: row.recipient,
    generation: row.generation,
    nextAttemptAt: row.next_attempt_at?.toISOString() ?? null,
  }));
  for (const bad of plan.unreadable) {
    logger.error('a report bundle could not be read; it is not emailed', bad);
    result.held.push({ kind: bad.kind, id: bad.id, reason: `bundle unreadable: ${bad.error}` });
    await raise(notices.bundleUnreadableNotice(bad.kind, bad.id, bad.error));
  }

  const exports = await readPdfExports(deps.warehouse);
  const blocked = new Set<string>();
  const pdfs = new Map<string, Buffer>();
  const messages = new Map<string, ComposedEmail>();

  for (const delivery of plan.deliveries) {
    const { kind, report_id: id, recipient, generation } = delivery.key;
    const item: DeliveryItem = { kind, id, recipient, generation };
    const reportKey = `${kind}/${id}`;
    if (blocked.has(reportKey)) continue;
    const gate = checkPdfGate(exports.get(reportKey), delivery.bundle, delivery.attachPdf);
    if (gate.state === 'failed') {
      blocked.add(reportKey);
      result.held.push({ kind, id, reason: `PDF failed the check "${gate.check}"` });
      logger.warn('report held: its PDF failed the print gate', { kind, id, check: gate.check });
      await raise(notices.pdfFailedNotice(kind, id, gate.check, gate.error));
      continue;
    }
    if (gate.state === 'pending') {
      if (!result.pending.some((p) => p.kind === kind && p.id === id)) {
        result.pending.push({ kind, id, reason: gate.why });
        logger.info('report waits for its PDF', { kind, id, why: gate.why });
      }
      continue;
    }
    let pdf: Buffer | null = null;
    if (delivery.attachPdf) {
      const file = path.join(config.paths.pdf, kind, `${id}.pdf`);
      pdf = pdfs.get(reportKey) ?? readPdf(file);
      if (!pdf) {
        blocked.add(reportKey);
        result.held.push({ kind, id, reason: `PDF file missing: ${file}` });
        await raise(notices.pdfMissingNotice(kind, id, file));
        continue;
      }
      pdfs.set(reportKey, pdf);
    }

    const messageId = delivery.existing?.message_id ?? deliveryMessageId(domain, { ...delivery.key, reportId: id });
    if (result.stopped) {
      result.deferred.push({ ...item, error: `not tried: ${result.stopped}`, nextAttemptAt: null });
      continue;
    }
    const mail = buildReportMail(config, delivery, messageId, pdf, messages);
    if (record) {
      if (!delivery.existing) {
        await ledger.queue(
          delivery.key,
          {
            reason: delivery.reason,
            message_id: messageId,
            bundle_revision: delivery.bundle.revision,
            attach_pdf: delivery.attachPdf,
          },
          deps.now(),
        );
      }
      await ledger.begin(
        delivery.key,
        { bundle_revision: delivery.bundle.revision, pdf_bytes: pdf?.length ?? null },
        deps.now(),
      );
    }
    try {
      const sent = await transport.send(mail);
      if (record) await ledger.sent(delivery.key, sent.response, deps.now());
      result.sent.push({ ...item, messageId, response: sent.response });
      logger.info(record ? 'report emailed' : 'report email written', { ...item, messageId });
    } catch (error) {
      const failure = classifySmtpError(error);
      const attempts = (delivery.existing?.attempts ?? 0) + 1;
      if (!record) throw error;
      if (failure.kind === 'permanent') {
        await ledger.failed(delivery.key, failure.message, deps.now());
        result.failed.push({ ...item, error: failure.message });
        logger.error('the mail server refused a report email; not retrying', { ...item, error: failure.message });
        await raise(notices.deliveryFailedNotice(kind, id, recipient, generation, failure.message));
        continue;
      }
      if (failure.kind === 'unknown') {
        await ledger.sentUnconfirmed(
          delivery.key,
          `no reply after the message was sent: ${failure.message}`,
          deps.now(),
        );
        result.unconfirmed.push({ ...item, messageId, error: failure.message });
        logger.warn('no reply after sending a report email; counted as sent', {
          ...item,
          messageId,
          error: failure.message,
        });
        await raise(notices.deliveryUncertainNotice(kind, id, recipient, generation, messageId));
        // The connection died at the worst moment; the server is unlikely to be healthy for the next message.
        result.stopped = `the mail server stopped answering (${failure.message})`;
        continue;
      }
      if (failure.kind === 'config') {
        await ledger.retryLater(delivery.key, failure.message, deps.now());
        throw new AlmanacError('SmtpRejectedLogin', `The mail server refused the login or TLS: ${failure.message}`, {
          hint: 'Check the user, password and TLS settings in SMTP_URL (smtps:// for implicit TLS, smtp:// for STARTTLS). Nothing was sent; the next run retries.',
          cause: error,
        });
      }
      if (attempts >= MAX_ATTEMPTS) {
        await ledger.failed(delivery.key, `gave up after ${attempts} attempts: ${failure.message}`, deps.now());
        result.failed.push({ ...item, error: failure.message });
        await raise(notices.deliveryGaveUpNotice(kind, id, recipient, generation, attempts, failure.message));
        continue;
      }
      const next = nextAttemptAt(attempts, deps.now());
      await ledger.retryLater(delivery.key, failure.message, next);
      result.deferred.push({ ...item, error: failure.message, nextAttemptAt: next.toISOString() });
      logger.warn('report email deferred', { ...item, error: failure.message, nextAttemptAt: next.toISOString() });
      if (failure.kind === 'connection') result.stopped = `the mail server is unreachable (${failure.message})`;
    }
  }

  if (record && !result.stopped) await sendOwnerNotices(deps, ledger, domain, result);
  const known = record ? new Set<string>() : await ledger.noticeKeys();
  const fresh = raised.filter((n) => !known.has(n.notice_key));
  if (!record && fresh.length > 0 && config.email.owner) {
    // Dry run: show the owner notice this run would send (problems not told before), recording nothing.
    const notice = notices.composeOwnerNotice(config.site.title, fresh);
    await transport.send({
      from: config.email.from,
      to: config.email.owner,
      subject: notice.subject,
      text: notice.text,
      messageId: noticeMessageId(
        domain,
        fresh.map((n) => n.notice_key),
      ),
      label: `owner-notice-${config.email.owner}`,
    });
  }
  return result;
}

function readPdf(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
