// PDF export: seconds per report with a warm browser (alone and two in parallel), a year's archive (about 430
// reports; 7 days with --quick), peak memory of Node and of Chromium, and two comparisons: Chromium printing a blank
// page (the floor), and a screenshot-based PDF of the same page (what the BI tools ship: size, time, searchable text).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { silentLogger } from '../../src/log/silentLogger.ts';
import { BrowserSession } from '../../src/pdf/BrowserSession.ts';
import { findBrowser } from '../../src/pdf/findBrowser.ts';
import { openPrintPage, type PrintPage } from '../../src/pdf/openPrintPage.ts';
import { paperGeometry } from '../../src/pdf/paperGeometry.ts';
import type { PrintJob } from '../../src/pdf/PrintJob.ts';
import type { PrintOutcome } from '../../src/pdf/PrintOutcome.ts';
import { printReports } from '../../src/pdf/printReports.ts';
import { readPdfFacts } from '../../src/pdf/readPdfFacts.ts';
import { renderReport } from '../../src/pdf/renderReport.ts';
import { listBundles } from '../../src/pdf/listBundles.ts';
import { printJobFor } from '../../src/pdf/printJobFor.ts';
import { parseBundle } from '../../src/report/parseBundle.ts';
import type { Benchmark, BenchParams, Figure } from './Benchmark.ts';
import { BENCH_TZ, writeYear } from './siteYear.ts';
import { sampleChromium } from './sampleChromium.ts';
import { buildFixtureSite, type FixtureSite } from './pdfFixtureSite.ts';

interface State {
  site: FixtureSite;
  session: BrowserSession;
  page: PrintPage;
  dailies: PrintJob[];
  /** The year's reports (pdf-year-archive only). */
  archive: PrintJob[];
  /** Folders this benchmark made and removes. */
  owned: string[];
}

const geometry = paperGeometry('A4');
const BUDGETS = {
  daily: { maxBytes: 1_572_864, maxPages: 8 },
  weekly: { maxBytes: 2_621_440, maxPages: 12 },
  monthly: { maxBytes: 4_194_304, maxPages: 20 },
};

async function setup(params: BenchParams): Promise<State> {
  const site = buildFixtureSite('almanac-bench-pdf', params.scratch);
  const session = new BrowserSession(findBrowser({ configured: null, fromEnv: null }).path, silentLogger);
  const page = await openPrintPage(await session.get(), site.dist, geometry);
  const dailies = ['2026-11-01', '2026-11-19', '2026-11-20', '2026-11-21'].map((id) => site.job('daily', id));
  return { site, session, page, dailies, archive: [], owned: site.shared ? [] : [site.dir] };
}

/** A real year: the site benchmark's generator writes 365 days of bundles (with their weeks and months), built by the site. */
async function setupYear(params: BenchParams): Promise<State> {
  const state = await setup(params);
  const root = mkdtempSync(path.join(tmpdir(), 'almanac-bench-pdf-year-'));
  state.owned.push(root);
  const reports = path.join(root, 'data', 'reports');
  await writeYear(reports, params.quick ? 7 : 365);
  const dist = path.join(root, 'dist');
  // Built by the real command in its own process, so this process's peak memory is the printer's alone.
  writeFileSync(path.join(root, 'almanac.config.json'), JSON.stringify({ timezone: BENCH_TZ }));
  const build = spawnSync(
    process.execPath,
    [fileURLToPath(new URL('../../src/cli/almanac.mjs', import.meta.url)), 'build'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  if (build.status !== 0) throw new Error(`almanac build failed:\n${build.stderr}`);
  const jobs = listBundles(reports).map((ref) =>
    printJobFor(parseBundle(readFileSync(ref.file, 'utf8')), { distDir: dist, siteTitle: 'Almanac' }),
  );
  return { ...state, site: { ...state.site, dist }, archive: jobs };
}

async function teardown(state: State): Promise<void> {
  await state.page.close();
  await state.session.close();
  for (const dir of state.owned) rmSync(dir, { recursive: true, force: true });
}

async function printBatch(state: State, jobs: PrintJob[], concurrency: number) {
  const outcomes: PrintOutcome[] = [];
  const chromium = sampleChromium(() => state.session.pid());
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await printReports(
    jobs,
    {
      session: state.session,
      siteRoot: state.site.dist,
      geometry,
      timeoutMs: 60_000,
      concurrency,
      budgetFor: (job) => BUDGETS[job.kind],
      now: () => new Date(),
      creator: 'Almanac bench',
      logger: silentLogger,
    },
    async (o) => {
      // Keep the facts, not the PDF bytes: a year of them would dominate this process's memory.
      outcomes.push({ ...o, pdf: null });
    },
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const { peakMb: chromiumPeakMb, cpuSeconds: chromiumCpu, samplerCpuSeconds } = chromium.stop();
  const cpuSeconds = chromiumCpu + (cpu.user + cpu.system) / 1e6 - samplerCpuSeconds;
  const failed = outcomes.filter((o) => !o.verdict.passed);
  if (failed.length) throw new Error(`${failed.length} reports failed the gate: ${failed[0]!.verdict.error}`);
  return { seconds, outcomes, chromiumPeakMb, cpuSeconds };
}

function perPdf(concurrency: number): Benchmark<State>['run'] {
  return async (state, params) => {
    // Eight reports (four with --quick): the fixture's four dailies, twice.
    const jobs = (params.quick ? state.dailies : [...state.dailies, ...state.dailies]).map((j, i) => ({
      ...j,
      id: `w${i}`,
    }));
    const { seconds, outcomes, chromiumPeakMb, cpuSeconds } = await printBatch(state, jobs, concurrency);
    return {
      value: seconds / jobs.length,
      unit: 's/PDF',
      notes: {
        reports: jobs.length,
        pages: outcomes[0]?.pages ?? 0,
        'bytes per PDF': outcomes[0]?.bytes ?? 0,
        'chromium peak MB': Math.round(chromiumPeakMb),
        'CPU s per PDF (Node + Chromium)': Number((cpuSeconds / jobs.length).toFixed(3)),
      },
    };
  };
}

/** A fresh page per call would measure page creation; a warm pool prints on pages it already has. */
async function blankPage(state: State): Promise<Figure> {
  const count = 8;
  const started = performance.now();
  for (let i = 0; i < count; i += 1) {
    await state.page.page.goto('about:blank');
    await state.page.page.pdf({ format: 'A4' });
  }
  return { value: (performance.now() - started) / 1000 / count, unit: 's/PDF' };
}

/** Chromium printing as many blank pages as the archive has reports, two pages in parallel like the archive run. */
async function blankArchive(state: State): Promise<Figure> {
  const browser = await state.session.get();
  const pages = await Promise.all([0, 1].map(() => browser.newPage()));
  const count = state.archive.length;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    pages.map(async (page) => {
      while (next < count) {
        next += 1;
        await page.goto('about:blank');
        await page.pdf({ format: 'A4' });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(pages.map((page) => page.close()));
  return { value: seconds, unit: 's', notes: { 'blank PDFs': count } };
}

async function screenshotPdf(state: State): Promise<Figure> {
  const job = state.dailies[3]!;
  const { page } = state.page;
  const started = performance.now();
  await page.goto(`file://${job.pageFile}`, { waitUntil: 'load' });
  // Print resolution for a raster: twice the CSS pixel density (about 190 dpi on A4).
  await page.setViewport({ width: Math.floor(geometry.contentWidthPx), height: 1000, deviceScaleFactor: 2 });
  const png = await page.screenshot({ fullPage: true, type: 'png' });
  await page.setContent(
    `<html><body style="margin:0"><img style="width:100%;display:block" src="data:image/png;base64,${Buffer.from(png).toString('base64')}"></body></html>`,
  );
  const pdf = await page.pdf({ format: 'A4', margin: { top: '17mm', bottom: '15mm', left: '14mm', right: '14mm' } });
  const seconds = (performance.now() - started) / 1000;
  await page.setViewport({ width: Math.floor(geometry.contentWidthPx), height: Math.floor(geometry.contentHeightPx) });
  const facts = await readPdfFacts(pdf);
  const text = facts.pageTexts.join(' ');
  return {
    value: seconds,
    unit: 's/PDF',
    notes: {
      bytes: pdf.length,
      pages: facts.pages,
      searchable: Object.values(job.kpiTexts).every((v) => text.includes(v)),
    },
  };
}

export const benchmarks: Benchmark<State>[] = [
  {
    id: 'pdf-daily-warm',
    stage: 'pdf',
    title: 'daily PDF, warm browser, one page at a time (print + gate)',
    better: 'lower',
    target: { text: '< 0.5 s per daily PDF', met: (s) => s < 0.5 },
    setup,
    run: perPdf(1),
    reference: { title: 'Chromium printing a blank page', run: blankPage },
    teardown,
    repetitions: { full: 3, quick: 1 },
  },
  {
    id: 'pdf-daily-warm-x2',
    stage: 'pdf',
    title: 'daily PDF, warm browser, two pages in parallel (print + gate)',
    better: 'lower',
    target: { text: '< 0.5 s per daily PDF', met: (s) => s < 0.5 },
    setup,
    run: perPdf(2),
    teardown,
    repetitions: { full: 3, quick: 1 },
  },
  {
    id: 'pdf-vs-screenshot',
    stage: 'pdf',
    title: 'daily PDF, vector print (ours, without the gate) vs screenshot PDF of the same page',
    better: 'lower',
    setup,
    // Both sides on the same warm page, so the comparison is the method, not page creation.
    async run(state) {
      const job = state.dailies[3]!;
      const started = performance.now();
      const rendered = await renderReport(state.page, job, { geometry, timeoutMs: 60_000 });
      const seconds = (performance.now() - started) / 1000;
      const facts = await readPdfFacts(rendered.pdf);
      const text = facts.pageTexts.join(' ');
      return {
        value: seconds,
        unit: 's/PDF',
        notes: {
          bytes: rendered.pdf.length,
          pages: facts.pages,
          searchable: Object.values(job.kpiTexts).every((v) => text.includes(v)),
        },
      };
    },
    reference: { title: 'full-page screenshot (2x) printed to PDF', run: screenshotPdf },
    teardown,
    repetitions: { full: 3, quick: 1 },
  },
  {
    id: 'pdf-year-archive',
    stage: 'pdf',
    title: "a year's archive (365 daily + weekly + monthly pages built by the site), 2 pages in parallel",
    better: 'lower',
    target: { text: '< 180 s on 2 cores', met: (s) => s < 180 },
    setup: setupYear,
    async run(state, params) {
      // The harness's unmeasured warm-up run: a few reports warm the browser as well as a whole year would.
      const jobs = params.warmup ? state.archive.slice(0, 4) : state.archive;
      const { seconds, chromiumPeakMb, outcomes, cpuSeconds } = await printBatch(state, jobs, 2);
      const bytes = outcomes.map((o) => o.bytes ?? 0);
      return {
        value: seconds,
        unit: 's',
        notes: {
          reports: jobs.length,
          's per report': Number((seconds / jobs.length).toFixed(3)),
          'largest PDF bytes': Math.max(...bytes),
          'most pages': Math.max(...outcomes.map((o) => o.pages ?? 0)),
          'chromium peak MB': Math.round(chromiumPeakMb),
          'CPU s (Node + Chromium)': Math.round(cpuSeconds),
          'idle 2-core estimate s': Math.round(cpuSeconds / 2),
        },
      };
    },
    reference: { title: 'Chromium printing as many blank pages, 2 in parallel', run: blankArchive },
    teardown,
    repetitions: { full: 1, quick: 1 },
  },
];
