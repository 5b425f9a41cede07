import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { MailTransport, OutgoingMail, SentMail } from './MailTransport.ts';

export interface SmtpOptions {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://... (implicit TLS). Never logged. */
  url: string;
  timeoutMs: number;
}

/**
 * SMTP through nodemailer, one connection per message. Every phase has a timeout (connect, greeting, each
 * command), so a hung server costs at most a few timeouts, never a stuck run. Attachments are buffers: file and
 * URL access by nodemailer are switched off, so nothing in a message can make it read a path or fetch a URL.
 */
export function smtpTransport(options: SmtpOptions): MailTransport {
  const transport = nodemailer.createTransport({
    url: options.url,
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    recordsDeliveries: true,
    async send(mail: OutgoingMail): Promise<SentMail> {
      const info = await transport.sendMail(toNodemailer(mail));
      return { response: String(info.response ?? '') };
    },
    close() {
      transport.close();
    },
  };
}

export function toNodemailer(mail: OutgoingMail): SendMailOptions {
  return {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    ...(mail.html ? { html: mail.html } : {}),
    messageId: mail.messageId,
    attachments: mail.attachments ?? [],
    headers: { 'Auto-Submitted': 'auto-generated', ...mail.headers },
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}
