// Email delivery end to end (plan, compose, ledger intent + outcome, SMTP with a PDF attached) against a local
// smtp-server, compared with nodemailer sending the same messages with no ledger: the cost of exactly-once.
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import type { Config } from '../../src/config/Config.ts';
import { parseConfig } from '../../src/config/parseConfig.ts';
import { silentLogger } from '../../src/log/silentLogger.ts';
import { composeReportEmail, pdfFileName } from '../../src/mail/compose/composeReportEmail.ts';
import { deliverReports } from '../../src/mail/deliverReports.ts';
import { smtpTransport } from '../../src/mail/transport/smtpTransport.ts';
import { parseBundle } from '../../src/report/parseBundle.ts';
import { Warehouse } from '../../src/warehouse/Warehouse.ts';
import type { Benchmark, BenchParams } from './Benchmark.ts';

interface State {
  dir: string;
  server: SMTPServer;
  url: string;
  config: Config;
  warehouse: Warehouse;
  recipients: string[];
  pdf: Buffer;
}

const fixtures = fileURLToPath(new URL('../../tests/fixtures/bundles/reports', import.meta.url));
const NOW = new Date('2026-11-22T12:00:00.000Z');
const PDF_BYTES = 300_000;

async function setup(params: BenchParams): Promise<State> {
  const dir = mkdtempSync(path.join(tmpdir(), 'almanac-bench-mail-'));
  cpSync(fixtures, path.join(dir, 'data', 'reports'), { recursive: true });
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => callback(null));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  const recipients = Array.from({ length: params.quick ? 20 : 100 }, (_, i) => `reader${i}@example.com`);
  const config = parseConfig(
    {
      timezone: 'America/New_York',
      site: { baseUrl: 'https://reports.example.com/' },
      email: { smtpUrl: url, from: 'Almanac <almanac@example.com>', subscriptions: [{ recipients, kinds: ['daily'] }] },
    },
    { baseDir: dir, env: {} },
  );
  // A PDF-sized attachment of incompressible bytes, published the way the PDF stage does.
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(PDF_BYTES)]);
  mkdirSync(path.join(config.paths.pdf, 'daily'), { recursive: true });
  writeFileSync(path.join(config.paths.pdf, 'daily', '2026-11-21.pdf'), pdf);
  const warehouse = await Warehouse.open(config.paths.warehouse, { holder: 'bench' });
  await warehouse.run(`CREATE TABLE IF NOT EXISTS pdf_exports (kind VARCHAR, report_id VARCHAR,
    bundle_generated_at TIMESTAMPTZ, status VARCHAR, path VARCHAR, bytes BIGINT, pages INTEGER, failed_check VARCHAR,
    error VARCHAR, exported_at TIMESTAMPTZ, PRIMARY KEY (kind, report_id))`);
  const bundle = parseBundle(readFileSync(path.join(config.paths.reports, 'daily', '2026-11-21.json'), 'utf8'));
  await warehouse.run(
    `INSERT OR REPLACE INTO pdf_exports VALUES ('daily', '2026-11-21', $generated, 'passed', NULL, $bytes, 1, NULL, NULL, $now)`,
    { generated: new Date(bundle.generated_at), bytes: pdf.length, now: NOW },
  );
  return { dir, server, url, config, warehouse, recipients, pdf };
}

export const benchmarks: Benchmark<State>[] = [
  {
    id: 'mail-deliver',
    stage: 'mail',
    title: 'deliver a daily report with its PDF to N recipients (ledger + SMTP)',
    better: 'higher',
    target: {
      text: '>= 0.5x bare nodemailer (the ledger costs less than the SMTP itself)',
      met: (rate, bare) => bare !== null && rate >= 0.5 * bare,
    },
    setup,
    async run(state) {
      await state.warehouse.run('DELETE FROM deliveries');
      await state.warehouse.run('DELETE FROM mail_subscribers');
      const transport = smtpTransport({ url: state.url, timeoutMs: 10_000 });
      const started = performance.now();
      const result = await deliverReports({
        config: state.config,
        warehouse: state.warehouse,
        transport,
        logger: silentLogger,
        now: () => NOW,
      });
      const seconds = (performance.now() - started) / 1000;
      transport.close();
      if (result.sent.length !== state.recipients.length) throw new Error(`sent ${result.sent.length}`);
      return {
        value: result.sent.length / seconds,
        unit: 'emails/s',
        notes: { recipients: state.recipients.length, attachment_bytes: state.pdf.length },
      };
    },
    reference: {
      title: 'nodemailer sendMail, same messages, no ledger',
      async run(state) {
        const bundle = parseBundle(
          readFileSync(path.join(state.config.paths.reports, 'daily', '2026-11-21.json'), 'utf8'),
        );
        const transport = nodemailer.createTransport({ url: state.url });
        const started = performance.now();
        for (const to of state.recipients) {
          const email = composeReportEmail(bundle, {
            siteTitle: 'Almanac',
            baseUrl: 'https://reports.example.com/',
            pdfFileName: pdfFileName('daily', '2026-11-21'),
          });
          await transport.sendMail({
            from: 'Almanac <almanac@example.com>',
            to,
            subject: email.subject,
            text: email.text,
            html: email.html,
            attachments: [{ filename: 'a.pdf', content: state.pdf, contentType: 'application/pdf' }],
          });
        }
        const seconds = (performance.now() - started) / 1000;
        transport.close();
        return { value: state.recipients.length / seconds, unit: 'emails/s' };
      },
    },
    async teardown(state) {
      await state.warehouse.close();
      await new Promise<void>((resolve) => state.server.close(() => resolve()));
      rmSync(state.dir, { recursive: true, force: true });
    },
  },
];
