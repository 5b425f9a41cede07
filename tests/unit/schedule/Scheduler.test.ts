import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/parseConfig.ts';
import type { Config } from '../../../src/config/Config.ts';
import { AlmanacError } from '../../../src/errors/AlmanacError.ts';
import { silentLogger } from '../../../src/log/silentLogger.ts';
import { silentProgress } from '../../../src/progress/createProgress.ts';
import type { JobName } from '../../../src/schedule/Job.ts';
import { PartialFailure } from '../../../src/schedule/PartialFailure.ts';
import { Scheduler } from '../../../src/schedule/Scheduler.ts';
import type { StepContext, Steps } from '../../../src/schedule/Steps.ts';
import { Warehouse } from '../../../src/warehouse/Warehouse.ts';
import { cronTable } from '../../../jobs/cronTable.ts';
import { tempDir } from '../../helpers/tempDir.ts';

// The scheduler's own logic (queueing, skips, timeouts, catch-up, stop) with recording steps over a real
// warehouse file: these doubles stand in for the stage engines, which have their own tests.

const dir = tempDir('scheduler');
let counter = 0;
const open: Warehouse[] = [];

afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

interface Recorder {
  calls: string[];
  steps: Steps;
  release: () => void;
}

/** Steps that record their calls; `collect` waits for release() when `holdCollect` is set. */
function recorder(
  options: { holdCollect?: boolean; hangCollect?: boolean; failPdf?: boolean; partialPdf?: boolean } = {},
): Recorder {
  const calls: string[] = [];
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const step =
    (name: string) =>
    async (context: StepContext): Promise<Record<string, unknown>> => {
      calls.push(name);
      if (name === 'collect' && options.hangCollect) await new Promise(() => {});
      if (name === 'collect' && options.holdCollect) {
        await Promise.race([
          held,
          new Promise((_, reject) =>
            context.signal.addEventListener('abort', () => reject(context.signal.reason as Error)),
          ),
        ]);
      }
      if (name === 'pdf' && options.failPdf) throw new AlmanacError('PdfGateFailed', 'daily/2026-11-21 is too big');
      if (name === 'pdf' && options.partialPdf) {
        throw new PartialFailure('PdfExportFailed', '1 of 3 PDFs failed the print gate', { passed: 2, failed: 1 });
      }
      return { step: name };
    };
  return {
    calls,
    release: () => release(),
    steps: {
      collect: step('collect'),
      analyze: step('analyze'),
      build: step('build'),
      pdf: step('pdf'),
      deliver: step('deliver'),
    },
  };
}

async function setup(
  steps: Steps,
  options: { now?: () => Date; config?: Record<string, unknown>; onStuck?: (job: JobName) => void } = {},
) {
  const config: Config = parseConfig(
    { timezone: 'Europe/Paris', schedule: { collect: '0 0 1 1 *', publish: '0 6 * * *' }, ...options.config },
    { baseDir: dir, env: {} },
  );
  const warehouse = await Warehouse.open(path.join(dir, `w${++counter}.duckdb`));
  open.push(warehouse);
  const scheduler = new Scheduler({
    config,
    warehouse,
    logger: silentLogger,
    steps,
    table: cronTable(config),
    now: options.now ?? (() => new Date()),
    progress: silentProgress,
    graceMs: 200,
    onStuck: options.onStuck ?? (() => {}),
  });
  return { scheduler, warehouse, config };
}

describe('Scheduler', () => {
  it('runs publish as analyze, build, pdf, then deliver, and logs each run', async () => {
    const r = recorder();
    const { scheduler } = await setup(r.steps);
    scheduler.trigger('publish', 'manual', null);
    await scheduler.idle();
    expect(r.calls).toEqual(['analyze', 'build', 'pdf', 'build', 'deliver']);
    const runs = await scheduler.runLog.list();
    expect(runs.map((x) => [x.job, x.trigger, x.status])).toEqual([
      ['publish', 'manual', 'ok'],
      ['deliver', 'after', 'ok'],
    ]);
    expect(JSON.parse(runs[0]!.summary!)).toEqual({
      analyze: { step: 'analyze' },
      build: { step: 'build' },
      pdf: { step: 'pdf' },
      link: { step: 'build' },
    });
  });

  it('skips a tick of a job that is still running, logs the skip, and lets other jobs wait their turn', async () => {
    const r = recorder({ holdCollect: true });
    const { scheduler } = await setup(r.steps);
    scheduler.trigger('collect', 'schedule', new Date('2026-11-23T10:00:00Z'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(scheduler.running).toBe('collect');
    scheduler.trigger('collect', 'schedule', new Date('2026-11-23T10:05:00Z'));
    scheduler.trigger('publish', 'schedule', new Date('2026-11-23T10:06:00Z'));
    scheduler.trigger('publish', 'schedule', new Date('2026-11-23T10:07:00Z'));
    expect(r.calls).toEqual(['collect']);
    r.release();
    await scheduler.idle();
    expect(r.calls).toEqual(['collect', 'analyze', 'build', 'pdf', 'build', 'deliver']);
    const runs = await scheduler.runLog.list();
    const rows = runs.map((x) => [x.job, x.status, x.scheduled_at?.toISOString() ?? null]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['collect', 'ok', '2026-11-23T10:00:00.000Z'],
        ['collect', 'skipped', '2026-11-23T10:05:00.000Z'],
        ['publish', 'ok', '2026-11-23T10:06:00.000Z'],
        ['publish', 'skipped', '2026-11-23T10:07:00.000Z'],
        ['deliver', 'ok', null],
      ]),
    );
    expect(rows).toHaveLength(5);
    const skip = runs.find((x) => x.status === 'skipped' && x.job === 'collect')!;
    expect(JSON.parse(skip.summary!)).toEqual({ reason: 'the previous run is still running' });
  });

  it('stops a run at its timeout and logs it as timeout with the code', async () => {
    const r = recorder({ holdCollect: true });
    const { scheduler } = await setup(r.steps, { config: { schedule: { timeoutMinutes: { collect: 0.002 } } } });
    scheduler.trigger('collect', 'schedule', null);
    await scheduler.idle();
    const [run] = await scheduler.runLog.list();
    expect(run).toMatchObject({ job: 'collect', status: 'timeout', error_code: 'RunTimedOut' });
    expect(run!.error_message).toContain('timeout of 0 minutes');
  });

  it('gives up on a run that ignores its timeout and hands over to onStuck', async () => {
    const r = recorder({ hangCollect: true });
    const stuck: string[] = [];
    const { scheduler } = await setup(r.steps, {
      config: { schedule: { timeoutMinutes: { collect: 0.002 } } },
      onStuck: (job) => stuck.push(job),
    });
    scheduler.trigger('collect', 'schedule', null);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(stuck).toEqual(['collect']);
    scheduler.trigger('publish', 'schedule', null);
    expect(r.calls).toEqual(['collect']);
  });

  it('records a failed step with its code and does not deliver', async () => {
    const r = recorder({ failPdf: true });
    const { scheduler } = await setup(r.steps);
    scheduler.trigger('publish', 'schedule', null);
    await scheduler.idle();
    expect(r.calls).toEqual(['analyze', 'build', 'pdf']);
    const [run] = await scheduler.runLog.list();
    expect(run).toMatchObject({ status: 'failed', error_code: 'PdfGateFailed' });
    expect(run!.error_message).toBe('pdf: daily/2026-11-21 is too big');
  });

  it('after a partial failure (some PDFs failed) links the rest, logs the failure, and still delivers', async () => {
    const r = recorder({ partialPdf: true });
    const { scheduler } = await setup(r.steps);
    scheduler.trigger('publish', 'schedule', null);
    await scheduler.idle();
    expect(r.calls).toEqual(['analyze', 'build', 'pdf', 'build', 'deliver']);
    const [publish, deliver] = await scheduler.runLog.list();
    expect(publish).toMatchObject({ status: 'failed', error_code: 'PdfExportFailed' });
    expect(publish!.error_message).toBe('pdf: 1 of 3 PDFs failed the print gate');
    expect(JSON.parse(publish!.summary!)).toMatchObject({ pdf: { passed: 2, failed: 1 }, link: { step: 'build' } });
    expect(deliver).toMatchObject({ job: 'deliver', trigger: 'after', status: 'ok' });
  });

  it('stop() lets the running step finish, drops waiting runs, logs the run as interrupted', async () => {
    const r = recorder({ holdCollect: true });
    const { scheduler } = await setup(r.steps);
    scheduler.trigger('collect', 'schedule', null);
    scheduler.trigger('publish', 'schedule', null);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await scheduler.stop('SIGTERM received');
    expect(r.calls).toEqual(['collect']);
    const runs = await scheduler.runLog.list();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ job: 'collect', status: 'interrupted', error_code: 'RunInterrupted' });
    scheduler.trigger('collect', 'schedule', null);
    await scheduler.idle();
    expect(r.calls).toEqual(['collect']);
  });

  it('on start: collects at once and publishes once when a publish time passed while it was down', async () => {
    let clock = new Date('2026-11-20T07:00:00Z');
    const r = recorder();
    const { scheduler, warehouse, config } = await setup(r.steps, { now: () => clock });
    await scheduler.start();
    await scheduler.idle();
    await scheduler.stop();
    // Fresh warehouse: never published, so the 06:00 Paris publish of Nov 20 is due.
    expect(r.calls).toEqual(['collect', 'analyze', 'build', 'pdf', 'build', 'deliver']);

    // Off for three days: the last publish started Nov 20 07:00Z; publish fired (unseen) on Nov 21, 22, 23.
    clock = new Date('2026-11-23T09:30:00Z');
    const again = recorder();
    const next = new Scheduler({
      config,
      warehouse,
      logger: silentLogger,
      steps: again.steps,
      table: cronTable(config),
      now: () => clock,
      progress: silentProgress,
      onStuck: () => {},
    });
    await next.start();
    await next.idle();
    await next.stop();
    expect(again.calls).toEqual(['collect', 'analyze', 'build', 'pdf', 'build', 'deliver']);
    const catchUp = (await next.runLog.list()).filter((x) => x.trigger === 'catch-up' && x.job === 'publish');
    expect(catchUp.map((x) => x.scheduled_at?.toISOString())).toEqual([
      '2026-11-20T05:00:00.000Z',
      '2026-11-23T05:00:00.000Z',
    ]);

    // Started again the same morning: publish is up to date, only collection runs.
    clock = new Date('2026-11-23T10:00:00Z');
    const third = recorder();
    const last = new Scheduler({
      config,
      warehouse,
      logger: silentLogger,
      steps: third.steps,
      table: cronTable(config),
      now: () => clock,
      progress: silentProgress,
      onStuck: () => {},
    });
    await last.start();
    await last.idle();
    await last.stop();
    expect(third.calls).toEqual(['collect']);
  });

  it('marks runs left running by a dead process as interrupted on start', async () => {
    const r = recorder();
    const { scheduler } = await setup(r.steps, { now: () => new Date('2026-11-23T05:30:00Z') });
    await scheduler.runLog.start({ job: 'publish', trigger: 'schedule', scheduledAt: null, startedAt: new Date() });
    await scheduler.start();
    await scheduler.stop();
    const runs = await scheduler.runLog.list();
    expect(runs.find((x) => x.job === 'publish' && x.trigger === 'schedule')).toMatchObject({
      status: 'interrupted',
      error_code: 'RunInterrupted',
    });
  });
});
