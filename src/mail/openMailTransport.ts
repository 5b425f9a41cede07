import type { Config } from '../config/Config.ts';
import { AlmanacError } from '../errors/AlmanacError.ts';
import type { MailTransport } from './transport/MailTransport.ts';
import { outboxTransport } from './transport/outboxTransport.ts';
import { smtpTransport } from './transport/smtpTransport.ts';

/** The transport `deliver` uses: the outbox for a dry run, else the configured SMTP server (required). */
export function openMailTransport(config: Config, options: { dryRun: boolean }): MailTransport {
  if (options.dryRun) return outboxTransport(config.paths.outbox);
  if (!config.email.smtpUrl) {
    throw new AlmanacError('SmtpNotConfigured', 'No mail server is configured, so nothing can be sent.', {
      hint: 'Set SMTP_URL (smtp://user:pass@host:587 or smtps://...) or email.smtpUrl, or try `almanac deliver --dry-run`.',
      exitCode: 2,
    });
  }
  return smtpTransport({ url: config.email.smtpUrl, timeoutMs: config.email.timeoutMs });
}
