import { Readable } from 'node:stream';
import nodemailer from 'nodemailer';
import { buildRawMessage } from './buildRawMessage.ts';
import type { MailTransport, OutgoingMail, SentMail } from './MailTransport.ts';

export interface SmtpOptions {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://... (implicit TLS). Never logged. */
  url: string;
  timeoutMs: number;
}

/**
 * Marks an SMTP failure that came after the whole message had been handed to the connection: from then on the
 * server may have accepted it even though no reply arrived (a timeout or a dropped connection waiting for the final
 * 250), so the outcome is unknown. Before that point the server cannot have accepted it: SMTP accepts a message
 * only after its terminating dot.
 */
export interface AfterDataFlag {
  afterData?: boolean;
}

/**
 * SMTP through nodemailer, one connection per message, with a timeout on every phase (connect, greeting, each
 * command), so a hung server costs a few timeouts, never a stuck run. The message is built first and handed over
 * as a raw stream, which is how the transport knows whether a failure came before or after the data was sent.
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
      const raw = await buildRawMessage(mail);
      let handedOver = false;
      const source = Readable.from([raw]);
      source.once('end', () => (handedOver = true));
      try {
        const info = await transport.sendMail({ envelope: { from: mail.from, to: [mail.to] }, raw: source });
        return { response: String(info.response ?? '') };
      } catch (error) {
        if (handedOver && error !== null && typeof error === 'object') (error as AfterDataFlag).afterData = true;
        throw error;
      }
    },
    close() {
      transport.close();
    },
  };
}
