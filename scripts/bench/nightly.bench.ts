// The whole nightly run end to end, through the same step functions `almanac run` and the daemon call (jobs/
// realSteps.ts): collect one simulated day from a private redis-server, analyze it, build the site, export the PDFs
// and deliver them to a local SMTP server. Each repetition starts from an empty data folder against the same
// Redis, so it is the first night of a new install; how analysis and the site build grow with a long archive is
// measured by analysis-nightly and site-nightly. Reports seconds, CPU seconds and peak memory per step.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { realSteps } from '../../jobs/realSteps.ts';
import { parseConfig } from '../../src/config/parseConfig.ts';
import { silentLogger } from '../../src/log/silentLogger.ts';
import { silentProgress } from '../../src/progress/createProgress.ts';
import type { StepContext, StepName, StepSummary } from '../../src/schedule/Steps.ts';
import { RespConnection } from '../../src/simulate/RespConnection.ts';
import { RespEmpSink } from '../../src/simulate/RespEmpSink.ts';
import { simulateToRedis } from '../../src/simulate/simulateToRedis.ts';
import { Warehouse } from '../../src/warehouse/Warehouse.ts';
import { startRedisServer, type RedisServer } from '../../tests/helpers/redisServer.ts';
import type { Benchmark, BenchParams, Figure } from './Benchmark.ts';
import { processCpuSeconds } from './processCpuSeconds.ts';
import { sampleProcessTree } from './sampleProcessTree.ts';

/** The simulated day is 21 November 2026 (UTC, the report time zone); the nightly run starts at 06:00 after it. */
const END = Date.UTC(2026, 10, 22);
const NOW = END + 6 * 3_600_000;

interface State {
  redis: RedisServer;
  smtp: SMTPServer;
  smtpUrl: string;
  /** Messages the SMTP server accepted, counted as a check that delivery really happened. */
  accepted: number;
  jobs: number;
  recipients: string[];
}

/**
 * A fleet of the demo's shape: 50 machines and 5,000 jobs a day (10 and 1,000 with --quick); `--scale` multiplies the
 * jobs, not the machines: at 200 machines the daily report runs to 29 pages, over the default PDF budget of 16, and
 * the night fails at its pdf step (PdfExportFailed), as it should.
 */
const fleet = (p: BenchParams) => ({
  machines: p.quick ? 10 : 50,
  jobsPerDay: Math.round((p.quick ? 1_000 : 5_000) * p.scale),
});

async function setup(params: BenchParams): Promise<State> {
  const redis = await startRedisServer({ persist: false });
  const connection = await RespConnection.open(redis.url);
  let jobs: number;
  try {
    const summary = await simulateToRedis(
      { seed: 10, end: END, days: 1, ...fleet(params) },
      new RespEmpSink(connection),
      '',
    );
    jobs = summary.jobs;
  } finally {
    connection.close();
  }
  const state: State = {
    redis,
    smtp: null as unknown as SMTPServer,
    smtpUrl: '',
    accepted: 0,
    jobs,
    recipients: Array.from({ length: params.quick ? 3 : 10 }, (_, i) => `reader${i}@example.com`),
  };
  // In this process, like the mail benchmark's: its CPU counts in the deliver step (a real server's would not).
  state.smtp = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        state.accepted += 1;
        callback(null);
      });
    },
  });
  await new Promise<void>((resolve) => state.smtp.listen(0, '127.0.0.1', () => resolve()));
  state.smtpUrl = `smtp://127.0.0.1:${(state.smtp.server.address() as AddressInfo).port}`;
  return state;
}

async function nightly(state: State): Promise<Figure> {
  const dir = mkdtempSync(path.join(tmpdir(), 'almanac-bench-nightly-'));
  const config = parseConfig(
    {
      timezone: 'UTC',
      sources: [{ name: 'fleet', layout: 'emp', redisUrl: state.redis.url }],
      site: { title: 'Almanac benchmark', baseUrl: 'https://reports.example.com/' },
      email: {
        smtpUrl: state.smtpUrl,
        from: 'Almanac <almanac@example.com>',
        subscriptions: [{ recipients: state.recipients }],
      },
    },
    { baseDir: dir, env: {} },
  );
  const warehouse = await Warehouse.open(config.paths.warehouse, { holder: 'bench nightly' });
  const context: StepContext = {
    config,
    warehouse,
    logger: silentLogger,
    now: () => new Date(NOW),
    signal: new AbortController().signal,
    progress: silentProgress,
  };
  const steps: [StepName, () => Promise<StepSummary>][] = [
    ['collect', () => realSteps.collect(context)],
    ['analyze', () => realSteps.analyze(context, {})],
    ['build', () => realSteps.build(context, {})],
    ['pdf', () => realSteps.pdf(context, {})],
    ['deliver', () => realSteps.deliver(context, {})],
  ];
  const notes: Record<string, number> = {};
  const summaries: Partial<Record<StepName, StepSummary>> = {};
  const acceptedBefore = state.accepted;
  let total = 0;
  let peakMb = 0;
  try {
    for (const [name, step] of steps) {
      const memory = sampleProcessTree();
      const cpu = processCpuSeconds();
      const started = performance.now();
      summaries[name] = await step();
      const seconds = (performance.now() - started) / 1000;
      const { peakMb: stepPeak, samplerCpuSeconds } = memory.stop();
      notes[`${name} s`] = round(seconds);
      notes[`${name} CPU s`] = round(processCpuSeconds() - cpu - samplerCpuSeconds);
      notes[`${name} peak MB`] = Math.round(stepPeak);
      total += seconds;
      peakMb = Math.max(peakMb, stepPeak);
    }
  } finally {
    await warehouse.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const sent = Number(summaries.deliver?.['sent'] ?? 0);
  // A night that did nothing would be fast for the wrong reason.
  if (sent === 0 || state.accepted - acceptedBefore !== sent) {
    throw new Error(`the nightly run sent ${sent} emails; the SMTP server accepted ${state.accepted - acceptedBefore}`);
  }
  const cpuTotal = steps.reduce((sum, [name]) => sum + (notes[`${name} CPU s`] ?? 0), 0);
  return {
    value: total,
    unit: 's',
    notes: {
      jobs: state.jobs,
      ...notes,
      'total CPU s': round(cpuTotal),
      'peak MB (process tree, PSS)': Math.round(peakMb),
      bundles: (summaries.analyze?.['written'] as unknown[] | undefined)?.length ?? 0,
      pages: Number(summaries.build?.['built'] ?? 0),
      pdfs: Number(summaries.pdf?.['passed'] ?? 0),
      emails: sent,
    },
  };
}

const round = (v: number) => Math.round(v * 100) / 100;

export const benchmarks: Benchmark<State>[] = [
  {
    id: 'nightly-e2e',
    stage: 'nightly',
    title: 'the nightly run end to end: collect one day, analyze, build, PDFs, deliver by SMTP (first night)',
    better: 'lower',
    grows: { what: 'jobs a day (on the same machines)', size: (p) => fleet(p).jobsPerDay },
    setup,
    run: nightly,
    async teardown(state) {
      await new Promise<void>((resolve) => state.smtp.close(() => resolve()));
      await state.redis.stop();
    },
    repetitions: { full: 3, quick: 1 },
  },
];
