import type { Logger } from '../log/Logger.ts';
import type { BrowserSession } from './BrowserSession.ts';
import { verdictOf } from './GateCheck.ts';
import { openPrintPage, type PrintPage } from './openPrintPage.ts';
import type { PaperGeometry } from './paperGeometry.ts';
import type { PrintJob } from './PrintJob.ts';
import type { PrintOutcome } from './PrintOutcome.ts';
import { readPdfFacts } from './readPdfFacts.ts';
import { RenderFailure } from './RenderFailure.ts';
import { renderReport } from './renderReport.ts';
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
 */
export async function printReports(
  jobs: readonly PrintJob[],
  options: PrintOptions,
  onOutcome: (outcome: PrintOutcome) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    const slot: { page: PrintPage | null; generation: number } = { page: null, generation: 0 };
    try {
      for (let i = next++; i < jobs.length && !options.signal?.aborted; i = next++) {
        const job = jobs[i];
        if (job) await onOutcome(await printOne(job, slot, options));
      }
    } finally {
      await slot.page?.close();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, jobs.length)) }, worker));
}

async function printOne(
  job: PrintJob,
  slot: { page: PrintPage | null; generation: number },
  options: PrintOptions,
): Promise<PrintOutcome> {
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
      return await gate(job, rendered, attempts, options);
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
  const check = failure?.check ?? 'render-error';
  return {
    job,
    verdict: verdictOf([{ check, ok: false, detail: failure?.message ?? 'unknown failure' }]),
    pdf: null,
    bytes: null,
    pages: null,
    attempts,
    renderMs: null,
    blocked: [],
  };
}

async function gate(
  job: PrintJob,
  rendered: Awaited<ReturnType<typeof renderReport>>,
  attempts: number,
  options: PrintOptions,
): Promise<PrintOutcome> {
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
