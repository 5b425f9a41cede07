// Integration: the real `almanac deliver` in a child process, SIGKILLed after the SMTP server has the whole message
// but before the client could record the reply. The next run must not send a second copy.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DeliveryRow } from '../../../src/mail/ledger/DeliveryRow.ts';
import { Warehouse } from '../../../src/warehouse/Warehouse.ts';
import { almanacBin, runAlmanac } from '../../helpers/runAlmanac.ts';
import { tempDir } from '../../helpers/tempDir.ts';
import { deliverOnce, mailWorld } from './helpers/mailWorld.ts';
import { startSmtpSink } from './helpers/smtpSink.ts';

const root = tempDir('mail-kill');
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup) await step();
});

describe('deliver killed mid-send', () => {
  it('never sends a second copy of a message the server accepted before the run died', async () => {
    const world = mailWorld(path.join(root, 'w'), {
      owner: 'ops@example.com',
      // The child must be killed while it waits for the reply, never time out first on a loaded machine.
      timeoutMs: 60_000,
      subscriptions: [{ recipients: ['first@example.com', 'second@example.com'], kinds: ['daily'], attachPdf: false }],
    });
    let child: ChildProcess | null = null;
    let killed = false;
    const server = await startSmtpSink({
      async beforeAccept() {
        if (killed || !child) return;
        killed = true;
        // The server holds the complete message; the client is killed before it sees the 250 and records "sent".
        const exited = new Promise((resolve) => child!.once('exit', resolve));
        child.kill('SIGKILL');
        await exited;
      },
    });
    cleanup.push(() => server.close());

    child = spawn(process.execPath, [almanacBin, 'deliver'], {
      cwd: world.dir,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TZ: process.env.TZ, SMTP_URL: server.url },
      stdio: 'ignore',
    });
    const exit = await new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child!.once('exit', (code, signal) => resolve({ code, signal })),
    );
    expect(exit.signal).toBe('SIGKILL');
    expect(server.received).toHaveLength(1);
    const victim = server.received[0]!.to[0]!;

    // The next run (the warehouse lock of the dead process is stale and taken over).
    const warehouse = await Warehouse.open(world.config.paths.warehouse);
    cleanup.push(() => warehouse.close());
    const inFlight = await warehouse.all<DeliveryRow>('SELECT * FROM deliveries WHERE in_flight_since IS NOT NULL');
    expect(inFlight.map((r) => r.recipient)).toEqual([victim]);

    const next = await deliverOnce(world, warehouse, server.url, new Date(Date.now() + 60_000));
    expect(next.reconciled.map((r) => r.recipient)).toEqual([victim]);
    await deliverOnce(world, warehouse, server.url, new Date(Date.now() + 3_600_000));

    const reports = server.received.filter((m) => m.to[0] !== 'ops@example.com');
    expect(reports.map((m) => m.to[0]).sort()).toEqual(['first@example.com', 'second@example.com']);
    const rows = await warehouse.all<DeliveryRow>('SELECT * FROM deliveries ORDER BY recipient');
    expect(rows.map((r) => [r.recipient, r.status, r.confirmed])).toEqual(
      ['first@example.com', 'second@example.com'].map((r) => [r, 'sent', r !== victim]),
    );
    // The owner hears once that one delivery is unconfirmed, with the Message-ID to look up.
    const notices = server.received.filter((m) => m.to[0] === 'ops@example.com');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.parsed.text).toContain(server.received[0]!.parsed.messageId!);
  });

  it('prints a summary and records nothing on --dry-run, writing .eml files to the outbox', async () => {
    const world = mailWorld(path.join(root, 'dry'), {
      subscriptions: [{ recipients: ['ceo@example.com'], kinds: ['daily', 'monthly'], attachPdf: false }],
    });
    const run = await runAlmanac(['deliver', '--dry-run'], { cwd: world.dir });
    expect(run.stderr).not.toMatch(/error\[/);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('wrote daily 2026-11-21 to ceo@example.com');
    // The open month is never mailed; the closed October is the latest closed monthly.
    expect(run.stdout).toContain('wrote monthly 2026-10 to ceo@example.com');
    expect(run.stdout).not.toContain('2026-11 to');
    const files = readdirSync(world.config.paths.outbox).sort();
    expect(files).toEqual(['daily-2026-11-21-ceo@example.com.eml', 'monthly-2026-10-ceo@example.com.eml']);
    const eml = readFileSync(path.join(world.config.paths.outbox, files[0]!), 'utf8');
    expect(eml).toMatch(/^Subject: Almanac daily report, Saturday 21 November 2026/m);
    expect(eml).toContain('multipart/alternative');
    const sql = await runAlmanac(['sql', 'select count(*) as n from deliveries', '--json'], { cwd: world.dir });
    expect(JSON.parse(sql.stdout)).toEqual([{ n: 0 }]);
  });
});
