import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { TimeoutError } from 'puppeteer-core';
import { footerTemplate, headerTemplate } from './headerFooterTemplates.ts';
import { CHART_SELECTOR, KEPT_SELECTOR, measureLayout, type LayoutFindings } from './measureLayout.ts';
import { MARGINS_MM, type PaperGeometry } from './paperGeometry.ts';
import type { PrintJob } from './PrintJob.ts';
import type { PrintPage } from './openPrintPage.ts';
import { RenderFailure } from './RenderFailure.ts';

const PRINT_CSS = readFileSync(new URL('./print.css', import.meta.url), 'utf8');

export interface Rendered {
  pdf: Uint8Array;
  findings: LayoutFindings;
  blocked: string[];
  renderMs: number;
  /** Milliseconds per step: load, ready, measure (with the print rules applied), print. */
  timings: Record<string, number>;
}

/**
 * Loads one report page, waits until it says it is ready, applies the print rules, measures the layout the gate
 * checks, and prints. Every step shares one deadline (`timeoutMs`), so a page that hangs anywhere fails in time.
 */
export async function renderReport(
  target: PrintPage,
  job: PrintJob,
  options: { geometry: PaperGeometry; timeoutMs: number },
): Promise<Rendered> {
  const started = performance.now();
  const deadline = Date.now() + options.timeoutMs;
  const left = () => Math.max(1, deadline - Date.now());
  const { page } = target;
  target.blocked.length = 0;
  try {
    const timings: Record<string, number> = {};
    let last = started;
    const mark = (step: string) => {
      const now = performance.now();
      timings[step] = Math.round(now - last);
      last = now;
    };
    await page.goto(pathToFileURL(job.pageFile).href, { waitUntil: 'load', timeout: left() });
    mark('load');
    // The ready contract (docs/pdf.md): a page that sets data-almanac-ready is waited for until it says "true";
    // a page without it is ready at `load` (its charts are SVG baked at build time).
    const state = async () => {
      await document.fonts.ready;
      return document.documentElement.dataset.almanacReady ?? null;
    };
    let ready = await within(page.evaluate(state), left());
    if (ready !== null && ready !== 'true' && ready !== 'error') {
      await page.waitForFunction(
        () => {
          const value = document.documentElement.dataset.almanacReady;
          return value === 'true' || value === 'error';
        },
        { timeout: left(), polling: 50 },
      );
      ready = await within(page.evaluate(state), left());
    }
    if (ready === 'error') throw new RenderFailure('ready', 'The page signalled data-almanac-ready="error".');
    mark('ready');
    const findings = await within(
      page.evaluate(measureLayout, { kept: KEPT_SELECTOR, chart: CHART_SELECTOR, printCss: PRINT_CSS }),
      left(),
    );
    mark('measure');
    const pdf = await page.pdf({
      format: options.geometry.paper,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: headerTemplate(job.meta),
      footerTemplate: footerTemplate(job.meta),
      margin: {
        top: `${MARGINS_MM.top}mm`,
        bottom: `${MARGINS_MM.bottom}mm`,
        left: `${MARGINS_MM.left}mm`,
        right: `${MARGINS_MM.right}mm`,
      },
      outline: true,
      tagged: true,
      waitForFonts: true,
      timeout: left(),
    });
    mark('print');
    return { pdf, findings, blocked: [...target.blocked], renderMs: performance.now() - started, timings };
  } catch (error) {
    if (error instanceof RenderFailure) throw error;
    if (error instanceof TimeoutError || (error instanceof Error && error.name === 'TimeoutError')) {
      throw new RenderFailure('render-timeout', `The page did not finish within ${options.timeoutMs} ms.`, {
        cause: error,
      });
    }
    const message = error instanceof Error ? error.message : String(error);
    const crashed = /Target closed|Session closed|Connection closed|browser has disconnected|Protocol error/i.test(
      message,
    );
    throw new RenderFailure(crashed ? 'browser-crash' : 'render-error', message.split('\n')[0] ?? message, {
      cause: error,
    });
  }
}

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(`timed out after ${ms} ms`);
      error.name = 'TimeoutError';
      reject(error);
    }, ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
