import nodemailer from 'nodemailer';
import { errorMessage } from '../errors/errorMessage.ts';
import { redactSecretsIn, redactUrl } from '../util/redactUrl.ts';
import type { DoctorCheck } from './DoctorCheck.ts';

export async function checkSmtp(url: string, timeoutMs: number): Promise<DoctorCheck> {
  const where = redactUrl(url);
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  try {
    await transport.verify();
    return { name: 'smtp', ok: true, detail: `SMTP server at ${where} accepted the connection` };
  } catch (error) {
    return {
      name: 'smtp',
      ok: false,
      detail: `SMTP server at ${where}: ${redactSecretsIn(errorMessage(error))}`,
      fix: 'Check host, port, TLS (smtps:// for implicit TLS, smtp:// for STARTTLS) and the credentials in SMTP_URL.',
    };
  } finally {
    transport.close();
  }
}
