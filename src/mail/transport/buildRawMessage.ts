import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { OutgoingMail } from './MailTransport.ts';

const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

/** The complete MIME message (headers, both parts, attachments) exactly as it is sent or written to the outbox. */
export async function buildRawMessage(mail: OutgoingMail): Promise<Buffer> {
  const info = await builder.sendMail(toNodemailer(mail));
  return info.message as Buffer;
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
    // Content is always in memory: nodemailer must never read a path or fetch a URL named in a message.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}
