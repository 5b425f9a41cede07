// Integration: a real SMTP conversation with a local smtp-server, a real DuckDB warehouse, the fixture bundles.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/log/silentLogger.ts';
import { formatKpiValue } from '../../../src/mail/compose/formatKpi.ts';
import { deliverReports } from '../../../src/mail/deliverReports.ts';
import { MAX_ATTEMPTS } from '../../../src/mail/retryPolicy.ts';
import { outboxTransport } from '../../../src/mail/transport/outboxTransport.ts';
import type { DeliveryRow } from '../../../src/mail/ledger/DeliveryRow.ts';
import { parseBundle } from '../../../src/report/parseBundle.ts';
import { Warehouse } from '../../../src/warehouse/Warehouse.ts';
import { tempDir } from '../../helpers/tempDir.ts';
import { recordingLogger } from '../../helpers/recordingLogger.ts';
import { deliverOnce, failPdf, mailWorld, NOW, publishPdf } from './helpers/mailWorld.ts';
import { freePort, startSmtpSink, type SmtpSink } from './helpers/smtpSink.ts';

const root = tempDir('mail-smtp');
let count = 0;
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const item of open.splice(0)) await item.close();
});

async function setup(email: Record<string, unknown>) {
  const world = mailWorld(path.join(root, `w${++count}`), email);
  const warehouse = await Warehouse.open(world.config.paths.warehouse);
  open.push(warehouse);
  return { world, warehouse };
}

async function sink(options: Parameters<typeof startSmtpSink>[0] = {}): Promise<SmtpSink> {
  const server = await startSmtpSink(options);
  open.push(server);
  return server;
}

const deliveries = (warehouse: Warehouse) =>
  warehouse.all<DeliveryRow>('SELECT * FROM deliveries ORDER BY kind, report_id, recipient, generation');

describe('deliver over SMTP', () => {
  it('sends each due report once, with the verdict in the subject, KPIs in both bodies and the PDF byte for byte', async () => {
    const { world, warehouse } = await setup({
      owner: 'ops@example.com',
      subscriptions: [{ recipients: ['ceo@example.com', 'cto@example.com'], kinds: ['daily', 'weekly'] }],
    });
    const dailyPdf = await publishPdf(world, warehouse, 'daily', '2026-11-21');
    const weeklyPdf = await publishPdf(world, warehouse, 'weekly', '2026-W47');
    const server = await sink();

    const result = await deliverOnce(world, warehouse, server.url, NOW);
    expect(result.sent).toHaveLength(4);
    expect(server.received).toHaveLength(4);

    const bundle = parseBundle(readFileSync(path.join(world.config.paths.reports, 'daily/2026-11-21.json'), 'utf8'));
    const daily = server.received.filter((m) => m.parsed.headers.get('x-almanac-report') === 'daily/2026-11-21');
    expect(daily.map((m) => m.to[0]).sort()).toEqual(['ceo@example.com', 'cto@example.com']);
    for (const message of daily) {
      const { parsed } = message;
      expect(parsed.subject).toBe('Almanac daily report, Saturday 21 November 2026: Watch, readiness 78 (up 4)');
      const html = String(parsed.html);
      const text = String(parsed.text);
      for (const name of ['success_rate', 'jobs_completed', 'run_ms_p95', 'queue_depth_max'] as const) {
        const value = formatKpiValue(bundle.kpis[name].unit, bundle.kpis[name].value);
        expect(text).toContain(value);
        expect(html).toContain(value);
      }
      expect(text).toContain(bundle.summary[0]);
      expect(html).toContain('https://reports.example.com/almanac/daily/2026-11-21/');
      expect(text).toContain('https://reports.example.com/almanac/daily/2026-11-21/');
      // Hostile strings from Redis arrive escaped in HTML and verbatim (but inert) in text.
      expect(html).not.toContain('<script>');
      expect(html).toContain('m-13&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(parsed.attachments).toHaveLength(1);
      expect(parsed.attachments[0]!.filename).toBe('almanac-daily-2026-11-21.pdf');
      expect(parsed.attachments[0]!.contentType).toBe('application/pdf');
      expect(Buffer.compare(parsed.attachments[0]!.content, dailyPdf)).toBe(0);
    }
    const weekly = server.received.find((m) => m.parsed.headers.get('x-almanac-report') === 'weekly/2026-W47');
    expect(Buffer.compare(weekly!.parsed.attachments[0]!.content, weeklyPdf)).toBe(0);

    const rows = await deliveries(warehouse);
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      expect(row).toMatchObject({ status: 'sent', attempts: 1, confirmed: true, generation: 1, in_flight_since: null });
      const message = server.received.find(
        (m) => m.to[0] === row.recipient && m.parsed.headers.get('x-almanac-report') === `${row.kind}/${row.report_id}`,
      );
      expect(message!.parsed.messageId).toBe(row.message_id);
      expect(row.sent_at).toBeInstanceOf(Date);
    }

    // Back to back, and again the next day with nothing new: no duplicates.
    const again = await deliverOnce(world, warehouse, server.url, NOW);
    expect(again.sent).toHaveLength(0);
    await deliverOnce(world, warehouse, server.url, new Date(NOW.getTime() + 3_600_000));
    expect(server.received).toHaveLength(4);
  });

  it('retries after the server was down: exactly one message per recipient once it is up', async () => {
    const { world, warehouse } = await setup({
      subscriptions: [{ recipients: ['a@example.com', 'b@example.com'], kinds: ['daily'], attachPdf: false }],
    });
    const port = await freePort();
    const down = await deliverOnce(world, warehouse, `smtp://127.0.0.1:${port}`, NOW);
    expect(down.sent).toHaveLength(0);
    expect(down.deferred).toHaveLength(2);
    expect(down.stopped).toMatch(/unreachable/);
    const queued = await deliveries(warehouse);
    // The first was tried and is queued with a backoff; the second was not tried (the server is down).
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ status: 'queued', attempts: 1, in_flight_since: null });
    expect(queued[0]!.last_error).toMatch(/ECONNREFUSED|connect/i);

    // Too early for the backoff: the queued one waits, the untried one goes.
    const server = await sink({ port });
    const early = await deliverOnce(world, warehouse, server.url, new Date(NOW.getTime() + 60_000));
    expect(early.sent.map((s) => s.recipient)).toEqual(['b@example.com']);
    expect(early.waiting).toHaveLength(1);

    const later = await deliverOnce(world, warehouse, server.url, new Date(NOW.getTime() + 3_600_000));
    expect(later.sent.map((s) => s.recipient)).toEqual(['a@example.com']);
    await deliverOnce(world, warehouse, server.url, new Date(NOW.getTime() + 7_200_000));
    expect(server.received.map((m) => m.to[0]).sort()).toEqual(['a@example.com', 'b@example.com']);
    const rows = await deliveries(warehouse);
    expect(rows.map((r) => [r.recipient, r.status, r.attempts])).toEqual([
      ['a@example.com', 'sent', 2],
      ['b@example.com', 'sent', 1],
    ]);
  });

  it('marks a 550 rejection failed, tells the owner once and never retries it', async () => {
    const { world, warehouse } = await setup({
      owner: 'ops@example.com',
      subscriptions: [{ recipients: ['good@example.com', 'gone@example.com'], kinds: ['daily'], attachPdf: false }],
    });
    const server = await sink({ reject550: ['gone@example.com'] });
    const first = await deliverOnce(world, warehouse, server.url, NOW);
    expect(first.sent.map((s) => s.recipient)).toEqual(['good@example.com']);
    expect(first.failed).toHaveLength(1);
    expect(first.failed[0]!.error).toMatch(/550/);

    for (let hour = 1; hour <= 30; hour += 6) {
      await deliverOnce(world, warehouse, server.url, new Date(NOW.getTime() + hour * 3_600_000));
    }
    const reports = server.received.filter((m) => m.to[0] !== 'ops@example.com');
    const notices = server.received.filter((m) => m.to[0] === 'ops@example.com');
    expect(reports.map((m) => m.to[0])).toEqual(['good@example.com']);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.parsed.subject).toMatch(/1 email delivery problem/);
    expect(notices[0]!.parsed.text).toContain('gone@example.com');
    expect(notices[0]!.parsed.text).toContain('550');
    expect(notices[0]!.parsed.text).toContain('almanac deliver --resend daily:2026-11-21');
    const rows = await deliveries(warehouse);
    expect(rows.find((r) => r.recipient === 'gone@example.com')).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('retries a 451 with backoff, then gives up after the last attempt and tells the owner once', async () => {
    const { world, warehouse } = await setup({
      owner: 'ops@example.com',
      subscriptions: [{ recipients: ['busy@example.com'], kinds: ['daily'], attachPdf: false }],
    });
    const server = await sink({ defer451: ['busy@example.com'] });
    let runs = 0;
    // Every 30 minutes for two days: the backoff, not the schedule, decides how often the server is asked.
    for (let minute = 0; minute <= 48 * 60; minute += 30) {
      const result = await deliverOnce(world, warehouse, server.url, new Date(NOW.getTime() + minute * 60_000));
      if (result.deferred.length + result.failed.length > 0) runs++;
    }
    const [row] = await deliveries(warehouse);
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect(row!.last_error).toMatch(/gave up after 10 attempts: .*451/);
    expect(runs).toBe(MAX_ATTEMPTS);
    const notices = server.received.filter((m) => m.to[0] === 'ops@example.com');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.parsed.text).toMatch(/after 10 attempts/);
    expect(server.received).toHaveLength(1);
  });

  it('holds a report whose PDF failed its gate and tells the owner why, once', async () => {
    const { world, warehouse } = await setup({
      owner: 'ops@example.com',
      subscriptions: [{ recipients: ['ceo@example.com'], kinds: ['daily'] }],
    });
    await failPdf(warehouse, 'daily', '2026-11-21', 'charts-ready', 'chart "throughput" never rendered');
    const server = await sink();
    const first = await deliverOnce(world, warehouse, server.url, NOW);
    expect(first.sent).toHaveLength(0);
    expect(first.held).toEqual([{ kind: 'daily', id: '2026-11-21', reason: 'PDF failed the check "charts-ready"' }]);
    await deliverOnce(world, warehouse, server.url, new Date(NOW.getTime() + 3_600_000));
    expect(server.received).toHaveLength(1);
    expect(server.received[0]!.to).toEqual(['ops@example.com']);
    expect(server.received[0]!.parsed.text).toContain('charts-ready');
    expect(server.received[0]!.parsed.text).toContain('never rendered');
    expect(await deliveries(warehouse)).toHaveLength(0);
    // A dry run does not pretend it would tell the owner again.
    const outbox = outboxTransport(world.config.paths.outbox);
    const dry = await deliverReports({
      config: world.config,
      warehouse,
      transport: outbox,
      logger: silentLogger,
      now: () => NOW,
    });
    expect(dry.held).toHaveLength(1);
    expect(outbox.written).toEqual([]);

    // Once the PDF is exported again and passes, the report goes out.
    await publishPdf(world, warehouse, 'daily', '2026-11-21');
    const fixed = await deliverOnce(world, warehouse, server.url, new Date(NOW.getTime() + 7_200_000));
    expect(fixed.sent.map((s) => s.recipient)).toEqual(['ceo@example.com']);
  });

  it('waits for a PDF that has not been exported yet instead of sending without it', async () => {
    const { world, warehouse } = await setup({
      subscriptions: [{ recipients: ['ceo@example.com'], kinds: ['daily'] }],
    });
    const server = await sink();
    const result = await deliverOnce(world, warehouse, server.url, NOW);
    expect(result.sent).toHaveLength(0);
    expect(result.pending).toHaveLength(1);
    expect(server.received).toHaveLength(0);
  });

  it('resends a report on purpose as a new generation with its own Message-ID', async () => {
    const { world, warehouse } = await setup({
      subscriptions: [{ recipients: ['ceo@example.com'], kinds: ['daily'], attachPdf: false }],
    });
    const server = await sink();
    await deliverOnce(world, warehouse, server.url, NOW);
    const resent = await deliverOnce(world, warehouse, server.url, NOW, {
      resend: { kind: 'daily', id: '2026-11-21' },
    });
    expect(resent.sent).toHaveLength(1);
    expect(server.received).toHaveLength(2);
    expect(server.received[0]!.parsed.messageId).not.toBe(server.received[1]!.parsed.messageId);
    const rows = await deliveries(warehouse);
    expect(rows.map((r) => [r.generation, r.reason, r.status])).toEqual([
      [1, 'subscription', 'sent'],
      [2, 'resend', 'sent'],
    ]);
  });

  it('does not resend a message the server received but never answered (timeout after the data)', async () => {
    const { world, warehouse } = await setup({
      owner: 'ops@example.com',
      // Long enough that a loaded machine does not trip the connect or greeting timeouts, short against the stall.
      timeoutMs: 1500,
      subscriptions: [{ recipients: ['a@example.com', 'b@example.com'], kinds: ['daily'], attachPdf: false }],
    });
    let stall = true;
    const server = await sink({
      beforeAccept: async () => {
        if (stall) await new Promise((resolve) => setTimeout(resolve, 4000));
      },
    });
    const first = await deliverOnce(world, warehouse, server.url, NOW);
    expect(first.unconfirmed.map((u) => u.recipient)).toEqual(['a@example.com']);
    expect(first.stopped).toMatch(/stopped answering/);
    stall = false;
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const second = await deliverOnce(world, warehouse, server.url, new Date(NOW.getTime() + 3_600_000));
    expect(second.sent.map((s) => s.recipient)).toEqual(['b@example.com']);
    const reports = server.received.filter((m) => m.to[0] !== 'ops@example.com');
    expect(reports.map((m) => m.to[0])).toEqual(['a@example.com', 'b@example.com']);
    const rows = await deliveries(warehouse);
    expect(rows.map((r) => [r.recipient, r.status, r.confirmed])).toEqual([
      ['a@example.com', 'sent', false],
      ['b@example.com', 'sent', true],
    ]);
    const notices = server.received.filter((m) => m.to[0] === 'ops@example.com');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.parsed.text).toContain(rows[0]!.message_id);
  });

  it('keeps SMTP credentials out of errors, logs and the warehouse', async () => {
    const { world, warehouse } = await setup({
      subscriptions: [{ recipients: ['ceo@example.com'], kinds: ['daily'], attachPdf: false }],
    });
    const server = await sink({ refuseLogin: true });
    const logger = recordingLogger();
    const url = `smtp://almanac:hunter2-secret@127.0.0.1:${server.port}`;
    const error = await deliverOnce(world, warehouse, url, NOW, {}, logger).catch((e: unknown) => e as Error);
    expect(error).toMatchObject({ code: 'SmtpRejectedLogin' });
    const port = await freePort();
    await deliverOnce(world, warehouse, `smtp://almanac:hunter2-secret@127.0.0.1:${port}`, NOW, {}, logger);
    const everything = [
      (error as Error).message,
      String((error as { hint?: string }).hint),
      ...logger.lines,
      JSON.stringify(await warehouse.all('SELECT * FROM deliveries')),
      JSON.stringify(await warehouse.all('SELECT * FROM mail_notices')),
    ].join('\n');
    expect(everything).toContain('ceo@example.com');
    expect(everything).not.toContain('hunter2');
  });
});
