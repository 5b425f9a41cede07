import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import type { Config } from '../config/Config.ts';
import { AlmanacError } from '../errors/AlmanacError.ts';
import { errorMessage } from '../errors/errorMessage.ts';
import type { Logger } from '../log/Logger.ts';
import type { ProgressFactory } from '../progress/ProgressFactory.ts';
import { isBundleKind } from '../report/BundleKind.ts';
import { isBundleId } from '../report/bundleId.ts';
import { parseBundle } from '../report/parseBundle.ts';
import type { Warehouse } from '../warehouse/Warehouse.ts';
import { BrowserSession } from './BrowserSession.ts';
import { findBrowser } from './findBrowser.ts';
import { verdictOf, type GateCheck, type GateCheckName } from './GateCheck.ts';
import { listBundles } from './listBundles.ts';
import { paperGeometry } from './paperGeometry.ts';
import { PdfExportLog } from './PdfExportLog.ts';
import { printJobFor } from './printJobFor.ts';
import type { PrintJob } from './PrintJob.ts';
import type { PrintOutcome } from './PrintOutcome.ts';
import { printReports } from './printReports.ts';
import { selectReports, type BundleRef } from './selectReports.ts';
import { writeFileAtomic } from './writeFileAtomic.ts';

export interface ReportExport {
  kind: string;
  id: string;
  status: 'passed' | 'failed';
  failed_check: GateCheckName | null;
  error: string | null;
  /** The PDF on disk: the new one, or for a failed export the previous good one (kept), or null. */
  path: string | null;
  bytes: number | null;
  pages: number | null;
  attempts: number;
  render_ms: number | null;
  checks: GateCheck[];
}

export interface PdfExportSummary {
  run_id: string | null;
  /** passed: every selected report exported; failed: at least one did not; up-to-date: nothing to do. */
  status: 'passed' | 'failed' | 'up-to-date';
  selected: number;
  passed: number;
  failed: number;
  up_to_date: number;
  browser: string | null;
  relaunches: number;
  seconds: number;
  /** Stopped by a shutdown signal before every selected report was printed (the rest go in the next run). */
  interrupted: boolean;
  reports: ReportExport[];
}

export interface ExportOptions {
  config: Config;
  warehouse: Warehouse;
  logger: Logger;
  now(): Date;
  /** "daily:2026-11-21": export this one, whatever its state. */
  report?: string | undefined;
  /** Re-export every report. */
  all?: boolean;
  /** Tests: a session to observe (e.g. kill its browser mid-batch); default: a new one. */
  session?: BrowserSession;
  /** Stops the batch between reports (shutdown, timeout): the reports in hand finish and are recorded. */
  signal?: AbortSignal;
  /** A bar on a terminal, log lines otherwise: one unit per report. */
  progress?: ProgressFactory;
}

/** `almanac pdf`: decides what to print, prints it behind the release gate, writes the files and the log. */
export async function exportPdfs(options: ExportOptions): Promise<PdfExportSummary> {
  const started = performance.now();
  const { config, logger } = options;
  const pdfFile = (kind: string, id: string) => path.join(config.paths.pdf, kind, `${id}.pdf`);
  const log = new PdfExportLog(options.warehouse);
  const bundles = listBundles(config.paths.reports);
  let selected: BundleRef[];
  let upToDate = 0;
  if (options.report !== undefined) {
    const wanted = parseReportRef(options.report);
    const found = bundles.find((b) => b.kind === wanted.kind && b.id === wanted.id);
    if (!found) {
      throw new AlmanacError(
        'ReportNotFound',
        `There is no ${wanted.kind} report ${wanted.id} in ${config.paths.reports}.`,
        {
          hint: 'Run `almanac analyze` to write bundles, or check the id (e.g. daily:2026-11-21, weekly:2026-W47, monthly:2026-11).',
          exitCode: 2,
        },
      );
    }
    selected = [found];
  } else {
    ({ selected, upToDate } = selectReports(bundles, await log.lastExports(), {
      all: options.all === true,
      pdfExists: (kind, id) => existsSync(pdfFile(kind, id)),
    }));
  }
  const summary: PdfExportSummary = {
    run_id: null,
    status: 'up-to-date',
    selected: selected.length,
    passed: 0,
    failed: 0,
    up_to_date: upToDate,
    browser: null,
    relaunches: 0,
    seconds: 0,
    interrupted: false,
    reports: [],
  };
  if (selected.length === 0) {
    summary.seconds = (performance.now() - started) / 1000;
    return summary;
  }

  const runId = `pdf-${options.now().toISOString().replace(/[:.]/g, '')}-${randomBytes(3).toString('hex')}`;
  summary.run_id = runId;
  const progress = options.progress?.('pdf', selected.length);
  const record = async (outcome: PrintOutcome) => {
    const { job, verdict } = outcome;
    const file = pdfFile(job.kind, job.id);
    if (verdict.passed && outcome.pdf) await writeFileAtomic(file, outcome.pdf);
    const kept = verdict.passed || existsSync(file) ? file : null;
    await log.record(runId, outcome, kept, options.now());
    summary.reports.push({
      kind: job.kind,
      id: job.id,
      status: verdict.passed ? 'passed' : 'failed',
      failed_check: verdict.failedCheck,
      error: verdict.error,
      path: kept,
      bytes: outcome.bytes,
      pages: outcome.pages,
      attempts: outcome.attempts,
      render_ms: outcome.renderMs === null ? null : Math.round(outcome.renderMs),
      checks: verdict.checks,
    });
    if (verdict.passed) summary.passed += 1;
    else summary.failed += 1;
    const fields = { report: `${job.kind}:${job.id}`, pages: outcome.pages, bytes: outcome.bytes };
    if (verdict.passed) logger.info('pdf exported', fields);
    else logger.warn('pdf failed the release gate', { ...fields, check: verdict.failedCheck, error: verdict.error });
    progress?.advance(1, `${job.kind}/${job.id}`);
  };

  // Reports that cannot be printed at all fail before the browser starts.
  const jobs: PrintJob[] = [];
  const early: PrintOutcome[] = [];
  for (const ref of selected) {
    const prepared = prepareJob(ref, config);
    if ('job' in prepared) jobs.push(prepared.job);
    else early.push(prepared.outcome);
  }

  let session = options.session ?? null;
  let runError: string | null = null;
  try {
    if (jobs.length > 0 && !session) {
      const browser = findBrowser({ configured: config.pdf.executablePath, fromEnv: config.pdf.envExecutablePath });
      session = new BrowserSession(browser.path, logger);
    }
    summary.browser = session?.executablePath ?? null;
    await log.startRun(runId, options.now(), selected.length, summary.browser);
    for (const outcome of early) await record(outcome);
    if (session && jobs.length > 0) {
      const geometry = paperGeometry(config.pdf.paper);
      await printReports(
        jobs,
        {
          session,
          siteRoot: config.paths.dist,
          geometry,
          timeoutMs: config.pdf.timeoutMs,
          concurrency: config.pdf.concurrency,
          budgetFor: (job) => config.pdf.budgets[job.kind],
          now: options.now,
          creator: `Almanac ${packageJson.version}`,
          logger,
          ...(options.signal ? { signal: options.signal } : {}),
        },
        record,
      );
    }
  } catch (error) {
    runError = error instanceof Error ? error.message : String(error);
    throw error;
  } finally {
    summary.relaunches = session?.relaunches ?? 0;
    if (session && !options.session) await session.close();
    summary.status = summary.failed > 0 || runError ? 'failed' : 'passed';
    summary.seconds = (performance.now() - started) / 1000;
    const left = selected.length - summary.reports.length;
    summary.interrupted = runError === null && left > 0 && options.signal?.aborted === true;
    const stopNote = summary.interrupted
      ? `stopped (${errorMessage(options.signal?.reason)}) with ${left} of ${selected.length} reports not printed; the next run prints them`
      : null;
    if (stopNote) logger.warn(`pdf batch ${stopNote}`);
    progress?.finish(summary.interrupted ? `stopped after ${summary.reports.length}/${selected.length}` : undefined);
    await log
      .finishRun(runId, {
        finishedAt: options.now(),
        status: runError ? 'error' : summary.status,
        passed: summary.passed,
        failed: summary.failed,
        relaunches: summary.relaunches,
        error: runError ?? stopNote,
      })
      .catch((error: unknown) => logger.warn('could not finish the pdf run log', { error: String(error) }));
  }
  return summary;
}

function prepareJob(ref: BundleRef, config: Config): { job: PrintJob } | { outcome: PrintOutcome } {
  const fail = (check: GateCheckName, detail: string, job: PrintJob): { outcome: PrintOutcome } => ({
    outcome: {
      job,
      verdict: verdictOf([{ check, ok: false, detail }]),
      pdf: null,
      bytes: null,
      pages: null,
      attempts: 0,
      renderMs: null,
      blocked: [],
    },
  });
  let job: PrintJob;
  try {
    job = printJobFor(parseBundle(readFileSync(ref.file, 'utf8')), {
      distDir: config.paths.dist,
      siteTitle: config.site.title,
    });
  } catch (error) {
    const placeholder: PrintJob = {
      kind: ref.kind,
      id: ref.id,
      pageFile: '',
      meta: { siteTitle: '', kindLabel: '', periodLabel: '', timezone: '', generated: '', subject: '', keywords: [] },
      kpiTexts: {},
      bundleGeneratedAt: ref.generatedMs === null ? '' : new Date(ref.generatedMs).toISOString(),
    };
    return fail(
      'bundle-invalid',
      (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '',
      placeholder,
    );
  }
  if (!existsSync(job.pageFile)) {
    return fail('page-missing', `${job.pageFile} does not exist; run \`almanac build\` first`, job);
  }
  return { job };
}

export function parseReportRef(ref: string): { kind: 'daily' | 'weekly' | 'monthly'; id: string } {
  const [kind, id] = ref.split(':', 2);
  if (!isBundleKind(kind) || id === undefined || !isBundleId(kind, id)) {
    throw new AlmanacError('InvalidReportRef', `"${ref}" is not a report reference.`, {
      hint: 'Use KIND:ID, e.g. daily:2026-11-21, weekly:2026-W47 or monthly:2026-11.',
      exitCode: 2,
    });
  }
  return { kind, id };
}
