// The print engine and release gate against hand-written pages, with the real Chromium: one page per failure
// mode the gate exists for (tests/fixtures/pdf/).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../../src/pdf/BrowserSession.ts';
import { findBrowser } from '../../../src/pdf/findBrowser.ts';
import { openPrintPage } from '../../../src/pdf/openPrintPage.ts';
import { paperGeometry } from '../../../src/pdf/paperGeometry.ts';
import type { PrintJob } from '../../../src/pdf/PrintJob.ts';
import type { PrintOutcome } from '../../../src/pdf/PrintOutcome.ts';
import { printReports, type PrintOptions } from '../../../src/pdf/printReports.ts';
import { readPdfFacts } from '../../../src/pdf/readPdfFacts.ts';
import { renderReport } from '../../../src/pdf/renderReport.ts';
import { silentLogger } from '../../../src/log/silentLogger.ts';
import { processesMentioning } from '../../helpers/chromiumProcesses.ts';
import { fixtureDir, fixtureJob } from './fixtureJob.ts';

const chromium = findBrowser({ configured: null, fromEnv: null }).path;
const geometry = paperGeometry('A4');

function optionsFor(session: BrowserSession, overrides: Partial<PrintOptions> = {}): PrintOptions {
  return {
    session,
    siteRoot: fixtureDir,
    geometry,
    timeoutMs: 15_000,
    concurrency: 2,
    budgetFor: () => ({ maxBytes: 1_572_864, maxPages: 8 }),
    now: () => new Date('2026-11-22T07:00:00Z'),
    creator: 'Almanac test',
    logger: silentLogger,
    ...overrides,
  };
}

async function print(session: BrowserSession, jobs: PrintJob[], overrides: Partial<PrintOptions> = {}) {
  const outcomes = new Map<string, PrintOutcome>();
  await printReports(jobs, optionsFor(session, overrides), async (o) => {
    outcomes.set(o.job.id, o);
  });
  return outcomes;
}

describe('printing fixture pages', () => {
  let session: BrowserSession;
  let outcomes: Map<string, PrintOutcome>;

  beforeAll(async () => {
    session = new BrowserSession(chromium, silentLogger);
    outcomes = await print(
      session,
      ['report', 'chart-never-renders', 'long-table', 'forced-split', 'too-wide', 'late-ready'].map((n) =>
        fixtureJob(n),
      ),
    );
  });
  afterAll(async () => {
    await session.close();
  });

  it('prints a normal report: two pages, vector text, KPI values, metadata and outline, gate passed', async () => {
    const o = outcomes.get('report')!;
    expect(o.verdict.error).toBeNull();
    expect(o.verdict.passed).toBe(true);
    expect(o.pdf).not.toBeNull();
    const facts = await readPdfFacts(o.pdf!);
    expect(facts.pages).toBe(2);
    expect(facts.pageTexts[0]).toContain('99.4%');
    expect(facts.pageTexts[0]).toContain('Success rate 99.4%, above the 99% target');
    // Running header and footer on every page.
    expect(facts.pageTexts[1]).toContain('Page 2 of 2');
    expect(facts.pageTexts[1]).toContain('Almanac · Daily report: Saturday 21 November 2026');
    expect(facts.pageTexts[1]).toContain('Generated 2026-11-22 07:00 (Europe/Berlin)');
    // The charts start the second page; their axis labels are text, not pixels.
    expect(facts.pageTexts[1]).toContain('23:00');
    expect(facts.info).toMatchObject({
      Title: 'Daily report: Saturday 21 November 2026 · Almanac',
      Author: 'Almanac',
      Subject: 'Success rate 99.4%, above the 99% target; the fleet is steady.',
      Creator: 'Almanac test',
    });
    expect(facts.outline.length).toBeGreaterThan(0);
    expect(o.verdict.checks.map((c) => c.check)).toEqual([
      'charts',
      'keep-together',
      'overflow',
      'metadata',
      'outline',
      'pages',
      'size',
      'kpi-text',
      'first-page',
    ]);
  });

  it('blocks requests outside the site and does not load script files', () => {
    // The fixture links to https://example.com only as an <a>: nothing loads it; the run records no leak.
    expect(outcomes.get('report')!.blocked).toEqual([]);
  });

  it('fails a report with a chart that never renders, naming the charts', () => {
    const o = outcomes.get('chart-never-renders')!;
    expect(o.verdict.passed).toBe(false);
    expect(o.verdict.failedCheck).toBe('charts');
    expect(o.verdict.error).toMatch(/2 of 3 charts not drawn/);
    expect(o.verdict.error).toMatch(/Queue wait.*missing/);
    expect(o.verdict.error).toMatch(/Pool mix.*blank/);
    expect(o.pdf).toBeNull();
  });

  it('prints a table longer than a page across pages with its header repeated and no row split', async () => {
    const o = outcomes.get('long-table')!;
    expect(o.verdict.error).toBeNull();
    expect(o.verdict.passed).toBe(true);
    const facts = await readPdfFacts(o.pdf!);
    expect(facts.pages).toBeGreaterThanOrEqual(4);
    const tablePages = facts.pageTexts.filter((t) => /m-\d{3}/.test(t));
    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    for (const text of tablePages) expect(text).toContain('Machine ident');
    // Every row made it: none lost to a scroll box clipping at the page edge.
    const all = facts.pageTexts.join('\n');
    for (const id of ['m-001', 'm-070', 'm-140']) expect(all).toContain(id);
  });

  it('fails a block forced across a page boundary, and the PDF shows the split the gate predicted', async () => {
    const o = outcomes.get('forced-split')!;
    expect(o.verdict.failedCheck).toBe('keep-together');
    expect(o.verdict.error).toMatch(/div\.forced .*crosses the bottom of page 2/);
    // The model is checked against Chromium's own pagination.
    const target = await openPrintPage(await session.get(), fixtureDir, geometry);
    try {
      const rendered = await renderReport(target, fixtureJob('forced-split'), { geometry, timeoutMs: 15_000 });
      const facts = await readPdfFacts(rendered.pdf);
      const start = facts.pageTexts.findIndex((t) => t.includes('SPLIT-BLOCK-START'));
      const end = facts.pageTexts.findIndex((t) => t.includes('SPLIT-BLOCK-END'));
      expect(start).toBe(1);
      expect(end).toBe(2);
    } finally {
      await target.close();
    }
  });

  it('fails content wider than the paper', () => {
    const o = outcomes.get('too-wide')!;
    expect(o.verdict.failedCheck).toBe('overflow');
    expect(o.verdict.error).toMatch(/wider|px wide/);
  });

  it('waits for a page that signals data-almanac-ready late, and then finds its chart drawn', () => {
    const o = outcomes.get('late-ready')!;
    expect(o.verdict.error).toBeNull();
    expect(o.verdict.passed).toBe(true);
  });

  it('fails the budgets: too many pages and too many bytes', async () => {
    const tight = await print(session, [fixtureJob('report')], {
      budgetFor: () => ({ maxBytes: 10_000, maxPages: 1 }),
    });
    const o = tight.get('report')!;
    expect(o.verdict.failedCheck).toBe('pages');
    expect(o.verdict.checks.find((c) => c.check === 'size')?.ok).toBe(false);
  });

  it('fails when a KPI value of the bundle is not in the PDF text', async () => {
    const job = fixtureJob('report', { kpiTexts: { success_rate: '99.4%', jobs_failed: '124' } });
    const o = (await print(session, [job])).get('report')!;
    expect(o.verdict.failedCheck).toBe('kpi-text');
    expect(o.verdict.error).toMatch(/jobs_failed=124/);
  });
});

describe('robust rendering', () => {
  it('times out a page that hangs, retries it once on a fresh page, and goes on with the batch', async () => {
    const session = new BrowserSession(chromium, silentLogger);
    try {
      const started = Date.now();
      const outcomes = await print(session, [fixtureJob('hangs'), fixtureJob('report')], {
        timeoutMs: 2500,
        concurrency: 1,
      });
      const hung = outcomes.get('hangs')!;
      expect(hung.verdict.failedCheck).toBe('render-timeout');
      expect(hung.attempts).toBe(2);
      expect(hung.pdf).toBeNull();
      expect(outcomes.get('report')!.verdict.passed).toBe(true);
      expect(Date.now() - started).toBeLessThan(30_000);
    } finally {
      await session.close();
    }
    for (const profile of session.profilesUsed) expect(processesMentioning(profile)).toEqual([]);
  });

  it('hands outcomes over in print order while the next report renders, and a failed record stops the batch', async () => {
    const session = new BrowserSession(chromium, silentLogger);
    const jobs = Array.from({ length: 5 }, (_, i) => fixtureJob('report', { id: `order-${i}` }));
    const recorded: string[] = [];
    try {
      // One page: its outcomes must come in job order even though each is checked while the next one renders.
      await printReports(jobs, optionsFor(session, { concurrency: 1 }), async (o) => {
        recorded.push(o.job.id);
      });
      expect(recorded).toEqual(jobs.map((j) => j.id));

      recorded.length = 0;
      const failing = printReports(jobs, optionsFor(session, { concurrency: 1 }), async (o) => {
        recorded.push(o.job.id);
        if (recorded.length === 2) throw new Error('disk full while recording');
      });
      await expect(failing).rejects.toThrow('disk full while recording');
      // The batch stopped at the failure: at most the report already rendering was checked after it.
      expect(recorded.length).toBeLessThanOrEqual(3);
    } finally {
      await session.close();
    }
    for (const profile of session.profilesUsed) expect(processesMentioning(profile)).toEqual([]);
  });

  it('relaunches a browser killed mid-batch and finishes every report; no Chromium is left behind', async () => {
    const session = new BrowserSession(chromium, silentLogger);
    const jobs = Array.from({ length: 6 }, (_, i) => fixtureJob('report', { id: `copy-${i}` }));
    const outcomes: PrintOutcome[] = [];
    let killed = false;
    try {
      await printReports(jobs, optionsFor(session), async (o) => {
        outcomes.push(o);
        if (!killed) {
          killed = true;
          process.kill(session.pid()!, 'SIGKILL');
        }
      });
    } finally {
      await session.close();
    }
    expect(outcomes).toHaveLength(6);
    expect(outcomes.filter((o) => o.verdict.passed)).toHaveLength(6);
    expect(session.relaunches).toBe(1);
    expect(session.profilesUsed).toHaveLength(2);
    for (const profile of session.profilesUsed) expect(processesMentioning(profile)).toEqual([]);
  });
});
