import type { Logger } from '../log/Logger.ts';
import type { BrowserSession } from './BrowserSession.ts';
import { verdictOf, type GateCheckName } from './GateCheck.ts';
import { openPrintPage, type PrintPage } from './openPrintPage.ts';
import type { PaperGeometry } from './paperGeometry.ts';
import type { PrintJob } from './PrintJob.ts';
import type { PrintOutcome } from './PrintOutcome.ts';
import { readPdfFacts } from './readPdfFacts.ts';
import { RenderFailure } from './RenderFailure.ts';
import { renderReport, type Rendered } from './renderReport.ts';
import { runGate } from './runGate.ts';
import { setPdfInfo } from './setPdfInfo.ts';

export interface PrintOptions {
  session: BrowserSession;
  siteRoot: string;
  geometry: PaperGeometry;
  timeoutMs: number;
  concurrency: number;
  budgetFor(job: PrintJob): { maxBytes: number; maxPages: number };
  /** Written into the PDF metadata as the creation date. */
  now(): Date;
  creator: string;
  logger: Logger;
  /** When aborted, no further report is started; the ones being printed finish and are recorded. */
  signal?: AbortSignal;
}

/**
 * Prints the jobs on a small pool of pages in one browser and runs the release gate on each result. A render that
 * times out is retried once on a fresh page, and one that dies with the browser once more after the relaunch; a gate
 * failure is not retried, since printing the same page again gives the same PDF. Outcomes are handed to `onOutcome`
 * as they finish, so a long batch records its progress, and an aborted batch stops between reports.
 *
 * Each page's worker checks one PDF while its page renders the next: the gate (pdf.js parsing the PDF's text) is
 * Node's work and loading the next report is Chromium's, so overlapping them saves most of the gate's time per
 * report. At most one checked PDF waits per page, and outcomes still arrive in the order each page printed them.
 */
export async function printReports(
  jobs: readonly PrintJob[],
  options: PrintOptions,
  onOutcome: (outcome: PrintOutcome) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    const slot: { page: PrintPage | null; generation: number } = { page: null, generation: 0 };
    let checking: Promise<void> = Promise.resolve();
    try {
      for (let i = next++; i < jobs.length && !options.signal?.aborted; i = next++) {
        const job = jobs[i];
        if (!job) continue;
        const printed = await printOne(job, slot, options);
        await checking;
        checking = ('outcome' in printed ? Promise.resolve(printed.outcome) : gate(job, printed, options)).then(
          onOutcome,
        );
        // Handled here so a failure to record cannot surface as an unhandled rejection while the next report
        // renders; it is rethrown by the next `await checking` (or the one below).
        checking.catch(() => undefined);
      }
    } finally {
      // The last PDF's check and record finish before the page closes; a failed record fails the batch below.
      await checking.finally(() => slot.page?.close());
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, jobs.length)) }, worker));
}

type Printed = (Rendered & { attempts: number }) | { outcome: PrintOutcome };

/** Renders one report, with its retries: the printed PDF to check, or the outcome of a report that never printed. */
async function printOne(
  job: PrintJob,
  slot: { page: PrintPage | null; generation: number },
  options: PrintOptions,
): Promise<Printed> {
  const { session, logger } = options;
  let failure: RenderFailure | undefined;
  let attempts = 0;
  // One retry for a timeout and, separately, one for a browser crash: a report that happened to be on the page
  // when the browser died (perhaps because of another report) keeps its own second chance.
  const retries = { 'render-timeout': 1, 'browser-crash': 1 };
  for (;;) {
    attempts += 1;
    try {
      const browser = await session.get();
      if (!slot.page || slot.generation !== session.generation) {
        await slot.page?.close();
        slot.page = await openPrintPage(browser, options.siteRoot, options.geometry);
        slot.generation = session.generation;
      }
      const rendered = await renderReport(slot.page, job, { geometry: options.geometry, timeoutMs: options.timeoutMs });
      return { ...rendered, attempts };
    } catch (error) {
      failure =
        error instanceof RenderFailure
          ? error
          : new RenderFailure('render-error', error instanceof Error ? error.message : String(error), { cause: error });
      if (!session.isAlive()) failure = new RenderFailure('browser-crash', `The browser died: ${failure.message}`);
      logger.warn('render failed', { report: `${job.kind}:${job.id}`, attempt: attempts, check: failure.check });
      // Never reuse a page that failed: it may be hung, or belong to a dead browser.
      await slot.page?.close();
      slot.page = null;
      if (failure.check !== 'render-timeout' && failure.check !== 'browser-crash') break;
      if (retries[failure.check] === 0) break;
      retries[failure.check] -= 1;
    }
  }
  return {
    outcome: failedOutcome(job, failure?.check ?? 'render-error', failure?.message ?? 'unknown failure', attempts),
  };
}

function failedOutcome(job: PrintJob, check: GateCheckName, detail: string, attempts: number): PrintOutcome {
  return {
    job,
    verdict: verdictOf([{ check, ok: false, detail }]),
    pdf: null,
    bytes: null,
    pages: null,
    attempts,
    renderMs: null,
    blocked: [],
  };
}

/** Metadata and the release gate for one printed PDF; a PDF that cannot even be read fails with `render-error`. */
async function gate(
  job: PrintJob,
  rendered: Rendered & { attempts: number },
  options: PrintOptions,
): Promise<PrintOutcome> {
  try {
    return await checkPrinted(job, rendered, options);
  } catch (error) {
    const detail = `The printed PDF could not be checked: ${error instanceof Error ? error.message : String(error)}`;
    options.logger.warn('gate failed', { report: `${job.kind}:${job.id}`, detail });
    return failedOutcome(job, 'render-error', detail, rendered.attempts);
  }
}

async function checkPrinted(
  job: PrintJob,
  rendered: Rendered & { attempts: number },
  options: PrintOptions,
): Promise<PrintOutcome> {
  const { attempts } = rendered;
  let pdf = rendered.pdf;
  let metadataError: string | null = null;
  try {
    pdf = setPdfInfo(rendered.pdf, {
      title: `${job.meta.kindLabel}: ${job.meta.periodLabel} · ${job.meta.siteTitle}`,
      author: job.meta.siteTitle,
      subject: job.meta.subject,
      keywords: job.meta.keywords.join(', '),
      creator: options.creator,
      date: options.now(),
    });
  } catch (error) {
    metadataError = error instanceof Error ? error.message : String(error);
  }
  const facts = await readPdfFacts(pdf, {
    needles: [...Object.values(job.kpiTexts), ...(job.meta.subject ? [job.meta.subject] : [])],
  });
  const verdict = runGate({
    findings: rendered.findings,
    facts,
    bytes: pdf.length,
    budget: options.budgetFor(job),
    pageHeightPx: options.geometry.contentHeightPx,
    kpiTexts: job.kpiTexts,
    firstPageText: job.meta.subject || null,
    metadataError,
  });
  if (rendered.blocked.length) {
    options.logger.warn('requests outside the site were blocked', {
      report: `${job.kind}:${job.id}`,
      urls: rendered.blocked,
    });
  }
  return {
    job,
    verdict,
    pdf: verdict.passed ? pdf : null,
    bytes: pdf.length,
    pages: facts.pages,
    attempts,
    renderMs: rendered.renderMs,
    blocked: rendered.blocked,
  };
}
