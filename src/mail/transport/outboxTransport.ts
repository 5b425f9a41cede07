import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { MailTransport, OutgoingMail, SentMail } from './MailTransport.ts';
import { buildRawMessage } from './buildRawMessage.ts';

/**
 * The dry-run transport: builds the exact MIME message SMTP would carry and writes it to `<outbox>/<label>.eml`
 * (atomically), where any mail client opens it. Nothing is sent and nothing is recorded.
 */
export function outboxTransport(outboxDir: string): MailTransport & { written: string[] } {
  const written: string[] = [];
  return {
    recordsDeliveries: false,
    written,
    async send(mail: OutgoingMail): Promise<SentMail> {
      const raw = await buildRawMessage(mail);
      const file = path.join(outboxDir, `${safeName(mail.label)}.eml`);
      mkdirSync(outboxDir, { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, raw);
      renameSync(temp, file);
      written.push(file);
      return { response: `written to ${file}` };
    },
    close() {
      // Nothing to release.
    },
  };
}

/** Labels hold report ids and addresses: keep letters, digits and `@._+-`, nothing that can climb out of the folder. */
function safeName(label: string): string {
  const cleaned = label.replace(/[^A-Za-z0-9@._+-]/g, '_').replace(/^\.+/, '_');
  return cleaned.slice(0, 180) || 'message';
}
