// Secrets: a password in the Redis URL and another in the SMTP URL (both from the environment, as the docs advise).
// A full `almanac run` (collect, analyze, build, PDFs, email), then runs that fail and print errors (Redis down,
// SMTP down, --debug stacks, doctor): no trace of either password, plain, URL-encoded or base64, in stdout, stderr,
// --json output, any file the runs left (warehouse, bundles, pages, PDFs, outbox), any warehouse table, or any email
// the SMTP server received.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RedisEmpSink } from '../../src/simulate/RedisEmpSink.ts';
import { simulateToRedis } from '../../src/simulate/simulateToRedis.ts';
import { Warehouse } from '../../src/warehouse/Warehouse.ts';
import { freePort, startRedisServer, type RedisServer } from '../helpers/redisServer.ts';
import { runAlmanac, type AlmanacRun } from '../helpers/runAlmanac.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { FULL, TEST_TIMEOUT } from './scale.ts';

vi.setConfig({ testTimeout: TEST_TIMEOUT, hookTimeout: TEST_TIMEOUT });

const REDIS_SECRET = 'Rp4ss-zq81-almanac';
const SMTP_SECRET = 'Sp4ss-kk27-almanac';
const SMTP_USER = 'reports@example.com';

function forms(secret: string): string[] {
  return [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64'), secret.slice(0, 12)];
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full));
    else out.push(full);
  }
  return out;
}

interface Smtp {
  port: number;
  messages: Buffer[];
  logins: number;
  close(): Promise<void>;
}

async function startAuthSmtp(): Promise<Smtp> {
  const messages: Buffer[] = [];
  const state = { logins: 0 };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_SECRET) {
        state.logins++;
        callback(null, { user: auth.username });
      } else callback(new Error('Invalid credentials'));
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        messages.push(Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    messages,
    get logins() {
      return state.logins;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('no secret leaks from a full run, its failures and its artifacts', () => {
  let redis: RedisServer;
  let smtp: Smtp;
  let cwd: string;
  let env: Record<string, string>;
  const outputs: { label: string; run: AlmanacRun }[] = [];
  const timings: string[] = [];

  beforeAll(async () => {
    redis = await startRedisServer({ password: REDIS_SECRET });
    smtp = await startAuthSmtp();
    cwd = tempDir('almanac-secrets');
    const midnight = new Date();
    midnight.setUTCHours(0, 0, 0, 0);
    await simulateToRedis(
      { seed: 21, end: midnight.getTime(), days: 2, machines: 4, jobsPerDay: 600 },
      new RedisEmpSink(redis.admin),
      '',
    );
    writeFileSync(
      path.join(cwd, 'almanac.config.json'),
      JSON.stringify({
        timezone: 'UTC',
        sources: [{ name: 'fleet', layout: 'emp', redisUrl: '${REDIS_URL}' }],
        // A generous page budget: this test is about secrets, not about the print gate.
        pdf: { budgets: { daily: { maxBytes: 4_194_304, maxPages: 30 } } },
        email: {
          smtpUrl: '${SMTP_URL}',
          from: 'Almanac <almanac@example.com>',
          owner: 'owner@example.com',
          timeoutMs: 5000,
          subscriptions: [{ recipients: ['ceo@example.com'], kinds: ['daily'] }],
        },
      }),
    );
    env = {
      REDIS_URL: redis.authUrl,
      SMTP_URL: `smtp://${encodeURIComponent(SMTP_USER)}:${encodeURIComponent(SMTP_SECRET)}@127.0.0.1:${smtp.port}`,
    };
  }, 180_000);

  afterAll(async () => {
    console.log(`secrets: ${outputs.length} runs checked\n${timings.join('\n')}`);
    await redis?.stop();
    await smtp?.close();
  });

  it('a full run succeeds with both passwords and sends the daily email', async () => {
    const run = await runAlmanac(['run', '--json'], { cwd, env, timeoutMs: 600_000 });
    outputs.push({ label: 'run --json', run });
    expect(run.code, run.stderr).toBe(0);
    expect(smtp.logins).toBeGreaterThan(0);
    expect(smtp.messages.length).toBeGreaterThan(0);
  });

  it('failing runs say what failed without printing either password', async () => {
    const deadRedis = `redis://:${encodeURIComponent(REDIS_SECRET)}@127.0.0.1:${await freePort()}`;
    const deadSmtp = `smtp://${encodeURIComponent(SMTP_USER)}:${encodeURIComponent(SMTP_SECRET)}@127.0.0.1:${await freePort()}`;
    const wrongSmtp = `smtp://${encodeURIComponent(SMTP_USER)}:${encodeURIComponent(`${SMTP_SECRET}x`)}@127.0.0.1:${smtp.port}`;
    const cases: [string, string[], Record<string, string>][] = [
      ['collect, Redis down', ['--debug', 'collect', '--json'], { ...env, REDIS_URL: deadRedis }],
      ['collect --redis, Redis down', ['--debug', 'collect', '--redis', deadRedis, '--layout', 'emp'], env],
      ['run, Redis down', ['--debug', 'run', '--json'], { ...env, REDIS_URL: deadRedis }],
      ['deliver, SMTP down', ['--debug', 'deliver', '--json'], { ...env, SMTP_URL: deadSmtp }],
      ['deliver, SMTP refuses the login', ['--debug', 'deliver'], { ...env, SMTP_URL: wrongSmtp }],
      ['doctor, both down', ['--debug', 'doctor', '--json'], { REDIS_URL: deadRedis, SMTP_URL: deadSmtp }],
      ...(FULL
        ? ([
            ['doctor, both up', ['doctor'], env],
            ['status', ['status', '--json'], env],
          ] as [string, string[], Record<string, string>][])
        : []),
    ];
    for (const [label, args, caseEnv] of cases) {
      const t0 = performance.now();
      const run = await runAlmanac(args, { cwd, env: caseEnv, timeoutMs: 180_000 });
      outputs.push({ label, run });
      timings.push(`${label}: exit ${run.code}, ${Math.round(performance.now() - t0)} ms`);
    }
    // The failures failed, and said so.
    const collectDown = outputs.find((o) => o.label === 'collect, Redis down')!.run;
    expect(collectDown.code).not.toBe(0);
    expect(collectDown.stderr + collectDown.stdout).toMatch(/127\.0\.0\.1/);
  });

  it('no trace of either password in any output, file, table or email', async () => {
    const secrets = [...forms(REDIS_SECRET), ...forms(SMTP_SECRET)];
    const found: string[] = [];
    const look = (where: string, text: string) => {
      for (const s of secrets) if (text.includes(s)) found.push(`${where}: ${s}`);
    };
    for (const { label, run } of outputs) {
      look(`${label} stdout`, run.stdout);
      look(`${label} stderr`, run.stderr);
    }
    const files = filesUnder(cwd);
    for (const file of files) {
      if (file.endsWith('almanac.config.json')) continue; // holds only ${VAR} references
      const bytes = readFileSync(file);
      look(path.relative(cwd, file), bytes.toString('latin1'));
      if (file.endsWith('.pdf'))
        look(`${path.relative(cwd, file)} (text)`, execFileSync('pdftotext', [file, '-']).toString());
    }
    // The warehouse compresses its pages, so read every table back as text too.
    const w = await Warehouse.open(path.join(cwd, 'data', 'almanac.duckdb'), { readOnly: true });
    try {
      const tables = await w.all<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'",
      );
      for (const { table_name } of tables)
        look(`table ${table_name}`, JSON.stringify(await w.all(`SELECT * FROM "${table_name}"`)));
    } finally {
      await w.close();
    }
    smtp.messages.forEach((m, i) => look(`email ${i}`, m.toString('latin1')));
    expect(files.some((f) => f.endsWith('.pdf'))).toBe(true);
    expect(outputs.length).toBeGreaterThanOrEqual(FULL ? 9 : 7);
    expect(found).toEqual([]);
  });
});
