import { describe, expect, it } from 'vitest';
import type { LayoutFindings } from '../../../src/pdf/measureLayout.ts';
import type { PdfFacts } from '../../../src/pdf/readPdfFacts.ts';
import { runGate, type GateInput } from '../../../src/pdf/runGate.ts';

const findings = (over: Partial<LayoutFindings> = {}): LayoutFindings => ({
  viewportWidth: 687,
  scrollWidth: 687,
  documentHeight: 1500,
  charts: [
    { label: 'figure#chart-volume "Volume"', state: 'drawn' },
    { label: 'figure#chart-models "Models"', state: 'no-data' },
  ],
  overflow: [],
  blocks: [{ label: 'figure "Volume"', top: 100, bottom: 400, avoid: true, repeatedHeader: 0 }],
  forcedBreaks: [],
  ...over,
});

const facts = (over: Partial<PdfFacts> = {}): PdfFacts => ({
  pages: 2,
  pageTexts: ['Success rate 98.3 %, below target.\nJobs completed 20,495', 'Page 2 of 2 −0.3%'],
  info: { Title: 'Daily report' },
  outline: ['Saturday 21 November 2026'],
  ...over,
});

const input = (over: Partial<GateInput> = {}): GateInput => ({
  findings: findings(),
  facts: facts(),
  bytes: 300_000,
  budget: { maxBytes: 1_572_864, maxPages: 8 },
  pageHeightPx: 1001,
  kpiTexts: { success_rate: '98.3%', jobs_completed: '20,495', jobs_failed_delta: '-0.3%' },
  firstPageText: 'Success rate 98.3%, below target.',
  metadataError: null,
  ...over,
});

describe('runGate', () => {
  it('passes a good report, comparing text without spacing and with the minus sign normalised', () => {
    const verdict = runGate(input());
    expect(verdict.error).toBeNull();
    expect(verdict.passed).toBe(true);
    expect(verdict.failedCheck).toBeNull();
  });

  it('fails undrawn charts, and a page without any chart', () => {
    const blank = runGate(input({ findings: findings({ charts: [{ label: 'figure "Volume"', state: 'blank' }] }) }));
    expect(blank.failedCheck).toBe('charts');
    expect(blank.error).toBe('charts: 1 of 1 charts not drawn: figure "Volume" (blank)');
    expect(runGate(input({ findings: findings({ charts: [] }) })).error).toMatch(/no chart figures/);
  });

  it('fails a kept block taller than a page', () => {
    const verdict = runGate(
      input({
        findings: findings({ blocks: [{ label: 'tr "m-1"', top: 10, bottom: 1200, avoid: true, repeatedHeader: 0 }] }),
      }),
    );
    expect(verdict.failedCheck).toBe('keep-together');
    expect(verdict.error).toMatch(/tr "m-1" is taller than a page/);
  });

  it('fails horizontal overflow and names the culprit', () => {
    const verdict = runGate(
      input({ findings: findings({ scrollWidth: 900, overflow: [{ label: 'pre', right: 900 }] }) }),
    );
    expect(verdict.failedCheck).toBe('overflow');
    expect(verdict.error).toBe('overflow: content is 900px wide for 687px of paper: pre (to 900px)');
  });

  it('fails the page and size budgets, and reports every failed check in order', () => {
    const verdict = runGate(input({ facts: facts({ pages: 9 }), bytes: 2_000_000 }));
    expect(verdict.failedCheck).toBe('pages');
    expect(verdict.checks.filter((c) => !c.ok).map((c) => c.check)).toEqual(['pages', 'size']);
  });

  it('fails a missing KPI value, a missing outline, failed metadata and a verdict not on page 1', () => {
    expect(runGate(input({ kpiTexts: { jobs_failed: '346' } })).error).toBe(
      'kpi-text: 1 KPI values not in the text: jobs_failed=346',
    );
    expect(runGate(input({ facts: facts({ outline: [] }) })).failedCheck).toBe('outline');
    expect(runGate(input({ metadataError: 'no trailer' })).failedCheck).toBe('metadata');
    expect(runGate(input({ firstPageText: 'Page 2 of 2' })).failedCheck).toBe('first-page');
  });
});
