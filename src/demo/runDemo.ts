import { rm } from 'node:fs/promises';
import type { Config } from '../config/Config.ts';
import type { Logger } from '../log/Logger.ts';
import { silentProgress } from '../progress/createProgress.ts';
import type { ProgressFactory } from '../progress/ProgressFactory.ts';
import { isPartialFailure } from '../schedule/PartialFailure.ts';
import { runStep } from '../schedule/runStep.ts';
import type { StepSummary, Steps } from '../schedule/Steps.ts';
import { seedOf } from '../simulate/Prng.ts';
import { resolveEnd } from '../simulate/resolveEnd.ts';
import { simulateToWarehouse } from '../simulate/simulateToWarehouse.ts';
import { Warehouse } from '../warehouse/Warehouse.ts';
import { demoConfig } from './demoConfig.ts';
import { latestReports } from './latestReports.ts';

/** A fleet small enough to simulate, analyze, build and print in well under two minutes on two cores. */
export const DEMO_FLEET = { days: 90, machines: 16, jobsPerDay: 1200, seed: 'almanac-demo', intervalMinutes: 30 };

export interface DemoOptions {
  config: Config;
  logger: Logger;
  now: () => Date;
  steps: Steps;
  progress: ProgressFactory;
}

export interface DemoResult {
  config: Config;
  seconds: Record<string, number>;
  simulate: StepSummary;
  analyze: StepSummary;
  build: StepSummary;
  pdf: StepSummary;
  /** Reports whose PDF failed the print gate, with the reason. */
  pdfFailures: string[];
}

/**
 * `almanac demo`: a fresh demo warehouse filled with 90 simulated days (no Redis needed), then the real
 * analyze, build and pdf steps over it.
 */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const config = demoConfig(options.config);
  const { logger, now } = options;
  // Fresh every time: the demo must show the same thing on every machine.
  await rm(config.paths.data, { recursive: true, force: true });
  const warehouse = await Warehouse.open(config.paths.warehouse, { holder: 'almanac demo', logger });
  const seconds: Record<string, number> = {};
  const progress = options.progress('demo', 4);
  const timed = async (name: string, work: () => Promise<StepSummary>): Promise<StepSummary> => {
    const started = performance.now();
    progress.update(Object.keys(seconds).length, name);
    const summary = await work();
    seconds[name] = Number(((performance.now() - started) / 1000).toFixed(1));
    progress.update(Object.keys(seconds).length, `${name} done`);
    return summary;
  };
  try {
    const context = {
      config,
      warehouse,
      logger,
      now,
      signal: new AbortController().signal,
      progress: options.progress,
    };
    const simulate = await timed('simulate', async () => {
      const summary = await simulateToWarehouse(
        {
          seed: seedOf(DEMO_FLEET.seed),
          days: DEMO_FLEET.days,
          machines: DEMO_FLEET.machines,
          jobsPerDay: DEMO_FLEET.jobsPerDay,
          end: resolveEnd(undefined, now(), config.timezone),
        },
        warehouse,
        'demo',
        DEMO_FLEET.intervalMinutes * 60_000,
      );
      return { ...summary };
    });
    const analyze = await timed('analyze', () => runStep(context, 'analyze', () => options.steps.analyze(context, {})));
    const build = await timed('build', () => runStep(context, 'build', () => options.steps.build(context, {})));
    // The newest reports of each kind: printing all ~110 would take minutes; `almanac pdf` prints the rest.
    const pdfFailures: string[] = [];
    const pdf = await timed('pdf', async () => {
      const reports = await latestReports(config.paths.reports);
      const printing = options.progress('pdf', reports.length);
      let passed = 0;
      for (const report of reports) {
        try {
          // One report per call, so the batch's own bar (above) counts them instead of a bar per call.
          const quiet = { ...context, progress: silentProgress };
          await runStep(quiet, 'pdf', () => options.steps.pdf(quiet, { report }));
          passed++;
        } catch (error) {
          if (!isPartialFailure(error)) throw error;
          const failures = error.summary.failures;
          pdfFailures.push(...(Array.isArray(failures) ? failures.map(String) : [`${report}: ${error.message}`]));
        }
        printing.advance(1, report);
      }
      printing.finish();
      // Pages link their PDFs only once those exist: an incremental build adds the links.
      await runStep(context, 'build', () => options.steps.build(context, {}));
      return { printed: reports, passed, failed: pdfFailures.length };
    });
    progress.finish('simulated, analyzed, built and printed');
    return { config, seconds, simulate, analyze, build, pdf, pdfFailures };
  } finally {
    await warehouse.close();
  }
}
