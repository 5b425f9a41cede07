// Integration: `almanac deliver` as a user runs it (child process, config file, SMTP_URL from the environment).
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAlmanac } from '../../helpers/runAlmanac.ts';
import { tempDir } from '../../helpers/tempDir.ts';
import { mailWorld } from './helpers/mailWorld.ts';
import { startSmtpSink } from './helpers/smtpSink.ts';

const root = tempDir('mail-cli');
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
});

describe('almanac deliver', () => {
  it('explains a missing SMTP URL and a malformed --resend', async () => {
    const world = mailWorld(path.join(root, 'usage'), {
      subscriptions: [{ recipients: ['ceo@example.com'], kinds: ['daily'] }],
    });
    const none = await runAlmanac(['deliver'], { cwd: world.dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^error\[SmtpNotConfigured\]/m);
    expect(none.stderr).toMatch(/^hint: Set SMTP_URL/m);
    const bad = await runAlmanac(['deliver', '--dry-run', '--resend', 'daily:../../etc/passwd'], { cwd: world.dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error\[BadUsage\]: "daily:\.\.\/\.\.\/etc\/passwd" does not name a report/m);
  });

  it('sends, prints a JSON result, exits 1 when a delivery failed, and shows the ledger through almanac sql', async () => {
    const world = mailWorld(path.join(root, 'send'), {
      owner: 'ops@example.com',
      subscriptions: [{ recipients: ['ceo@example.com', 'gone@example.com'], kinds: ['weekly'], attachPdf: false }],
    });
    const server = await startSmtpSink({ reject550: ['gone@example.com'] });
    closers.push(() => server.close());
    const env = { SMTP_URL: server.url };
    const run = await runAlmanac(['deliver', '--json'], { cwd: world.dir, env });
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout) as { sent: { recipient: string }[]; failed: { recipient: string }[] };
    expect(result.sent.map((s) => s.recipient)).toEqual(['ceo@example.com']);
    expect(result.failed.map((s) => s.recipient)).toEqual(['gone@example.com']);

    const again = await runAlmanac(['deliver'], { cwd: world.dir, env });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 sent, 0 failed');

    const sql = await runAlmanac(
      ['sql', 'select report_id, recipient, status from deliveries order by recipient', '--json'],
      { cwd: world.dir },
    );
    expect(JSON.parse(sql.stdout)).toEqual([
      { report_id: '2026-W47', recipient: 'ceo@example.com', status: 'sent' },
      { report_id: '2026-W47', recipient: 'gone@example.com', status: 'failed' },
    ]);
    expect(server.received.map((m) => m.to[0])).toEqual(['ceo@example.com', 'ops@example.com']);
  });
});
