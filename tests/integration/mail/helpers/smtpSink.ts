import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

export interface Received {
  from: string;
  to: string[];
  raw: Buffer;
  parsed: ParsedMail;
}

export interface SmtpSinkOptions {
  /** Port to listen on (0: any free port). */
  port?: number;
  /** Recipients refused at RCPT TO with a permanent 550. */
  reject550?: string[];
  /** Recipients deferred at RCPT TO with a transient 451. */
  defer451?: string[];
  /** Require AUTH and refuse every login with 535. */
  refuseLogin?: boolean;
  /**
   * Called once the whole message has arrived, before the server replies; the server replies 250 (accepts) when the
   * returned promise settles. The kill test stops the client here.
   */
  beforeAccept?: (message: Received) => Promise<void>;
}

export interface SmtpSink {
  port: number;
  url: string;
  received: Received[];
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 (no TLS) that keeps and parses every message it accepts. */
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const received: Received[] = [];
  const reject = new Set((options.reject550 ?? []).map((a) => a.toLowerCase()));
  const defer = new Set((options.defer451 ?? []).map((a) => a.toLowerCase()));
  const server = new SMTPServer({
    disabledCommands: options.refuseLogin ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.refuseLogin,
    allowInsecureAuth: true,
    logger: false,
    onAuth(_auth, _session, callback) {
      const error = new Error('Authentication credentials invalid') as Error & { responseCode: number };
      error.responseCode = 535;
      callback(error);
    },
    onRcptTo(address, _session, callback) {
      if (reject.has(address.address.toLowerCase())) {
        const error = new Error(`5.1.1 <${address.address}>: Recipient address rejected: User unknown`) as Error & {
          responseCode: number;
        };
        error.responseCode = 550;
        callback(error);
        return;
      }
      if (defer.has(address.address.toLowerCase())) {
        const error = new Error('4.2.1 Mailbox temporarily unavailable, try again later') as Error & {
          responseCode: number;
        };
        error.responseCode = 451;
        callback(error);
        return;
      }
      callback();
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        void simpleParser(raw).then(async (parsed) => {
          const message: Received = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
            parsed,
          };
          received.push(message);
          await options.beforeAccept?.(message);
          callback(null);
        }, callback);
      });
    },
  });
  server.on('error', () => {
    // Client disconnects (the kill test) surface here; they are expected.
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on (bound, then released). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
