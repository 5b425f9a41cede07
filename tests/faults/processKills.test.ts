// Process faults: `almanac run` (collect, then publish = analyze + build + pdf, then deliver) is killed with SIGKILL
// at a random moment inside the collector, the publisher or the deliverer, then run again. After the rerun the
// warehouse, the bundles, the site, the PDFs and the delivery ledger equal those of an uninterrupted run (digests
// that ignore collection/generation stamps and run ids), and every subscriber got every report.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RedisEmpSink } from '../../src/simulate/RedisEmpSink.ts';
import { simulateToRedis } from '../../src/simulate/simulateToRedis.ts';
import { processesMentioning } from '../helpers/chromiumProcesses.ts';
import { startRedisServer, type RedisServer } from '../helpers/redisServer.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { treeDigest, warehouseDigest } from './digests.ts';
import { TEST_TIMEOUT, scaled } from './scale.ts';

vi.setConfig({ testTimeout: TEST_TIMEOUT, hookTimeout: TEST_TIMEOUT });

const END = Date.parse('2026-11-20T00:00:00Z');
const NOW = '2026-11-20T06:30:00Z';
const TRIALS = scaled(3, 51);
const AT = path.resolve(import.meta.dirname, 'almanacAt.ts');
type Stage = 'collect' | 'publish' | 'deliver';
const STAGES: Stage[] = ['collect', 'publish', 'deliver'];

interface Sink {
  port: number;
  /** "recipient subject" of every message accepted. */
  got: string[];
  close(): Promise<void>;
}

async function startSink(): Promise<Sink> {
  const got: string[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('latin1')));
      stream.on('end', () => {
        const subject = /^Subject: (.*)$/m.exec(raw)?.[1] ?? '';
        for (const r of session.envelope.rcptTo) got.push(`${r.address} ${subject}`);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    got,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface Spawned {
  code: number | null;
  stderr: string;
  /** ms since spawn at which each stage logged "<stage> started" and its end. */
  windows: Partial<Record<Stage, [number, number]>>;
  /** Chromium processes alive (profile under the trial's TMPDIR) when `killOn` matched. */
  browserAtKill: number;
}

/** Runs `almanac run` with the pinned clock in its own process group; kills the group at `killAtMs` if given. */
function runPipeline(cwd: string, killAtMs?: number, killOn?: RegExp): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [AT, NOW, 'run', '--json'], {
      cwd,
      // Chromium's profile goes under TMPDIR: inside the trial folder, so leftovers can be found and ended.
      env: { PATH: process.env['PATH'], HOME: process.env['HOME'], TZ: 'UTC', TMPDIR: path.join(cwd, 'tmp') },
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    });
    let stderr = '';
    let browserAtKill = 0;
    const windows: Spawned['windows'] = {};
    child.stderr.on('data', (chunk: Buffer) => {
      const at = performance.now() - t0;
      stderr += chunk.toString();
      if (killOn?.test(chunk.toString())) {
        browserAtKill = processesMentioning(path.join(cwd, 'tmp')).length;
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      for (const stage of STAGES) {
        if (chunk.includes(`"${stage} started"`)) windows[stage] = [at, at];
        if (new RegExp(`"msg":"${stage} (ok|failed)`).test(chunk.toString())) {
          const w = windows[stage];
          if (w) w[1] = at;
        }
      }
    });
    const timer =
      killAtMs === undefined
        ? setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 600_000)
        : setTimeout(() => {
            try {
              // The whole group: the CLI and the Chromium it started, as an OOM killer or `kill -9 -PGID` would.
              process.kill(-child.pid!, 'SIGKILL');
            } catch {
              // Already gone.
            }
          }, killAtMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, windows, browserAtKill });
    });
  });
}

function writeConfig(dir: string, redisUrl: string, smtpPort: number): void {
  mkdirSync(path.join(dir, 'tmp'), { recursive: true });
  writeFileSync(
    path.join(dir, 'almanac.config.json'),
    JSON.stringify({
      timezone: 'UTC',
      sources: [{ name: 'fleet', layout: 'emp', redisUrl }],
      pdf: { budgets: { daily: { maxBytes: 4_194_304, maxPages: 30 } } },
      email: {
        smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
        from: 'Almanac <almanac@example.com>',
        timeoutMs: 5000,
        subscriptions: [{ recipients: ['ceo@example.com', 'ops@example.com'], kinds: ['daily', 'weekly', 'monthly'] }],
      },
    }),
  );
}

async function snapshot(dir: string) {
  const pdfs = (sub: string) => {
    try {
      return readdirSync(path.join(dir, 'dist', 'pdf', sub)).sort();
    } catch {
      return [];
    }
  };
  return {
    warehouse: await warehouseDigest(path.join(dir, 'data', 'almanac.duckdb')),
    bundles: treeDigest(path.join(dir, 'data', 'reports')),
    // Pages only (PDFs are compared by name; their bytes carry creation stamps).
    site: treeDigest(path.join(dir, 'dist'), { skip: /^pdf\// }),
    pdfs: { daily: pdfs('daily'), weekly: pdfs('weekly'), monthly: pdfs('monthly') },
  };
}

function endLeftovers(dir: string): number {
  const pids = processesMentioning(dir);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone meanwhile.
    }
  }
  return pids.length;
}

/**
 * How many processes of the trial are still alive once Chromium had time to notice that its DevTools pipe closed
 * (it exits by itself within a second; the wait is long because the machine is loaded). Those are then ended.
 */
async function survivorsOf(dir: string): Promise<number> {
  const deadline = performance.now() + 30_000;
  while (processesMentioning(dir).length > 0 && performance.now() < deadline) await sleep(100);
  return endLeftovers(dir);
}

describe('SIGKILL of the collector, publisher and deliverer', () => {
  let redis: RedisServer;
  let reference: Awaited<ReturnType<typeof snapshot>>;
  let referenceMail: string[];
  let windows: Spawned['windows'];
  const trials: {
    stage: Stage;
    killAtMs: number;
    killedCode: number | null;
    duplicates: number;
    chromiumLeft: number;
  }[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
    await simulateToRedis(
      { seed: 51, end: END, days: scaled(3, 2), machines: 6, jobsPerDay: scaled(800, 400) },
      new RedisEmpSink(redis.admin),
      '',
    );
    const sink = await startSink();
    const dir = tempDir('almanac-kill-ref');
    writeConfig(dir, redis.url, sink.port);
    const run = await runPipeline(dir);
    await sink.close();
    expect(run.code, run.stderr.slice(-3000)).toBe(0);
    reference = await snapshot(dir);
    referenceMail = [...sink.got].sort();
    windows = run.windows;
    expect(referenceMail.length).toBeGreaterThan(0);
    expect(reference.pdfs.daily.length).toBeGreaterThan(0);
    for (const stage of STAGES) expect(windows[stage], `${stage} window seen in the log`).toBeDefined();
  }, 600_000);

  afterAll(async () => {
    await redis?.stop();
    if (trials.length) console.log(`process kills: ${JSON.stringify(trials)}`);
  });

  it(`${TRIALS} trials: kill at a random point, rerun, results equal the uninterrupted run`, async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const stage = STAGES[trial % STAGES.length]!;
      const [from, to] = windows[stage]!;
      const killAtMs = Math.round(from + Math.random() * Math.max(50, to - from));
      const sink = await startSink();
      const dir = tempDir('almanac-kill');
      writeConfig(dir, redis.url, sink.port);
      const killed = await runPipeline(dir, killAtMs);
      const leftovers = await survivorsOf(dir);
      expect(leftovers, `trial ${trial}: processes left after a kill in ${stage} at ${killAtMs} ms`).toBe(0);
      const rerun = await runPipeline(dir);
      expect(rerun.code, `trial ${trial} (${stage} at ${killAtMs} ms): ${rerun.stderr.slice(-2000)}`).toBe(0);
      const got = await snapshot(dir);
      await sink.close();
      expect(got, `trial ${trial}: killed in ${stage} at ${killAtMs} ms`).toEqual(reference);
      // Every subscriber got every report; a kill between SMTP accepting and the ledger recording may repeat one.
      expect([...new Set(sink.got)].sort()).toEqual([...new Set(referenceMail)].sort());
      trials.push({
        stage,
        killAtMs,
        killedCode: killed.code,
        duplicates: sink.got.length - new Set(sink.got).size,
        chromiumLeft: leftovers,
      });
      console.log(`process kills: trial ${trial + 1}/${TRIALS} ok: ${JSON.stringify(trials.at(-1))}`);
    }
  });

  // puppeteer starts Chromium in a session of its own (8 processes here), so killing the command's process group
  // does not reach it; Chromium talks DevTools over a pipe and exits when the pipe closes with its parent.
  it('no Chromium outlives a publisher SIGKILLed while printing', async () => {
    const sink = await startSink();
    const dir = tempDir('almanac-kill-pdf');
    writeConfig(dir, redis.url, sink.port);
    try {
      const killed = await runPipeline(dir, undefined, /"msg":"pdf exported"/);
      expect(killed.code).toBeNull();
      expect(killed.browserAtKill, 'Chromium was running when the command died').toBeGreaterThan(0);
      expect(await survivorsOf(dir)).toBe(0);
    } finally {
      endLeftovers(dir);
      await sink.close();
    }
  });
});
