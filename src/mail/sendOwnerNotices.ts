import { classifySmtpError } from './classifySmtpError.ts';
import type { Config } from '../config/Config.ts';
import type { Logger } from '../log/Logger.ts';
import type { DeliverResult } from './DeliverResult.ts';
import type { DeliveryLedger } from './ledger/DeliveryLedger.ts';
import { noticeMessageId } from './messageId.ts';
import { composeOwnerNotice } from './ownerNotices.ts';
import type { MailTransport } from './transport/MailTransport.ts';

export interface NoticeDeps {
  config: Config;
  transport: MailTransport;
  logger: Logger;
  now: () => Date;
}

/** Tells the owner, in one email, about every problem not told yet. Same at-most-once rule as deliveries. */
export async function sendOwnerNotices(
  deps: NoticeDeps,
  ledger: DeliveryLedger,
  domain: string,
  result: DeliverResult,
) {
  const queued = await ledger.queuedNotices();
  if (queued.length === 0) return;
  const owner = deps.config.email.owner;
  if (!owner) {
    deps.logger.warn('delivery problems found but no owner address is configured (email.owner)', {
      problems: queued.map((n) => n.notice_key),
    });
    await ledger.skipQueuedNotices();
    result.notices.skipped += queued.length;
    return;
  }
  const keys = queued.map((n) => n.notice_key);
  const messageId = noticeMessageId(domain, keys);
  const notice = composeOwnerNotice(deps.config.site.title, queued);
  await ledger.beginNotices(keys, messageId, deps.now());
  try {
    await deps.transport.send({
      from: deps.config.email.from,
      to: owner,
      subject: notice.subject,
      text: notice.text,
      messageId,
      label: `owner-notice-${owner}`,
    });
    await ledger.noticesSent(keys, deps.now());
    result.notices.sent += keys.length;
  } catch (error) {
    const failure = classifySmtpError(error);
    if (failure.kind === 'unknown') {
      // Possibly delivered: never send the same notice twice.
      await ledger.noticesSent(keys, deps.now());
      result.notices.sent += keys.length;
    } else if (failure.kind === 'permanent') {
      await ledger.noticesFailed(keys, failure.message);
      result.notices.failed += keys.length;
    } else {
      await ledger.noticesRetry(keys, failure.message);
      result.notices.deferred += keys.length;
    }
    deps.logger.error('could not email the owner about delivery problems', { owner, error: failure.message });
  }
}
