// `almanac pdf` end to end, as a user runs it: fixture bundles, the site's real `almanac build`, the real Chromium,
// a DuckDB warehouse in a temp folder.
import { cpSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PdfExportSummary } from '../../../src/pdf/exportPdfs.ts';
import { readPdfFacts } from '../../../src/pdf/readPdfFacts.ts';
import { printJobFor } from '../../../src/pdf/printJobFor.ts';
import { parseBundle } from '../../../src/report/parseBundle.ts';
import { runAlmanac } from '../../helpers/runAlmanac.ts';
import { tempDir } from '../../helpers/tempDir.ts';

const fixtureReports = fileURLToPath(new URL('../../fixtures/bundles/reports', import.meta.url));

describe('almanac pdf', () => {
  const cwd = tempDir('almanac-pdf');
  const reports = path.join(cwd, 'data', 'reports');
  const pdfPath = (kind: string, id: string) => path.join(cwd, 'dist', 'pdf', kind, `${id}.pdf`);
  const almanac = (args: string[], env: Record<string, string> = {}) =>
    runAlmanac(args, { cwd, timeoutMs: 180_000, env });
  const json = (stdout: string) => JSON.parse(stdout) as PdfExportSummary;
  let first: PdfExportSummary;

  beforeAll(async () => {
    cpSync(fixtureReports, reports, { recursive: true });
    const build = await almanac(['build']);
    expect(build.code, build.stderr).toBe(0);
    const run = await almanac(['pdf', '--json']);
    expect(run.code, run.stderr).toBe(0);
    first = json(run.stdout);
  }, 240_000);

  it('exports every daily, weekly and monthly report, each passing the gate', () => {
    expect(first.status).toBe('passed');
    expect(first.failed).toBe(0);
    expect(first.passed).toBe(9);
    expect(new Set(first.reports.map((r) => r.kind))).toEqual(new Set(['daily', 'weekly', 'monthly']));
    for (const r of first.reports) {
      expect(r.path).toBe(pdfPath(r.kind, r.id));
      expect(statSync(r.path!).size).toBe(r.bytes);
      expect(r.checks.every((c) => c.ok)).toBe(true);
    }
  });

  it.each([
    ['daily', '2026-11-21'],
    ['weekly', '2026-W47'],
    ['monthly', '2026-11'],
  ])(
    '%s %s: opens, has the recorded page count, the KPI values as text, the metadata and an outline',
    async (kind, id) => {
      const bundle = parseBundle(readFileSync(path.join(reports, kind, `${id}.json`), 'utf8'));
      const job = printJobFor(bundle, { distDir: path.join(cwd, 'dist'), siteTitle: 'Almanac' });
      const facts = await readPdfFacts(new Uint8Array(readFileSync(pdfPath(kind, id))));
      const row = first.reports.find((r) => r.kind === kind && r.id === id)!;
      expect(facts.pages).toBe(row.pages);
      expect(facts.pages).toBeGreaterThanOrEqual(2);
      expect(facts.pages).toBeLessThanOrEqual(8);
      const text = facts.pageTexts.join(' ').replace(/\s+/g, '');
      expect(Object.keys(job.kpiTexts).length).toBeGreaterThan(10);
      for (const value of Object.values(job.kpiTexts)) expect(text).toContain(value.replace(/\s+/g, ''));
      expect(facts.pageTexts[0]!.replace(/\s+/g, '')).toContain(bundle.verdict.headline.replace(/\s+/g, ''));
      expect(facts.info).toMatchObject({
        Title: `${job.meta.kindLabel}: ${bundle.period.label} · Almanac`,
        Author: 'Almanac',
        Subject: bundle.verdict.headline,
      });
      expect(facts.outline).toContain(bundle.period.label);
    },
  );

  it('records a passed pdf_exports row per report and a run log', async () => {
    const rows = await almanac([
      'sql',
      '--json',
      "SELECT kind, report_id, status, pages, bytes, failed_check, path FROM pdf_exports WHERE status = 'passed'",
    ]);
    expect(JSON.parse(rows.stdout)).toHaveLength(9);
    const runs = await almanac(['sql', '--json', 'SELECT status, requested, passed, failed FROM pdf_export_runs']);
    expect(JSON.parse(runs.stdout)).toEqual([{ status: 'passed', requested: 9, passed: 9, failed: 0 }]);
  });

  it('does nothing on a second run, and re-exports only a restated report', async () => {
    const again = await almanac(['pdf', '--json']);
    expect(json(again.stdout)).toMatchObject({ status: 'up-to-date', selected: 0, up_to_date: 9 });
    const file = path.join(reports, 'daily', '2026-11-19.json');
    const bundle = JSON.parse(readFileSync(file, 'utf8')) as { generated_at: string };
    bundle.generated_at = new Date(Date.parse(bundle.generated_at) + 3_600_000).toISOString();
    writeFileSync(file, JSON.stringify(bundle));
    const restated = await almanac(['pdf', '--json']);
    expect(restated.code, restated.stderr).toBe(0);
    expect(json(restated.stdout).reports.map((r) => `${r.kind}:${r.id}`)).toEqual(['daily:2026-11-19']);
  });

  it('fails closed: a page with a broken chart gets no new PDF, the old one stays, the log says which check', async () => {
    const before = readFileSync(pdfPath('daily', '2026-11-20'));
    const page = path.join(cwd, 'dist', 'daily', '2026-11-20', 'index.html');
    const html = readFileSync(page, 'utf8');
    const broken = html.replace(/(<div class="chart-static"[^>]*>)<svg/, '$1<svg style="display:none"');
    expect(broken).not.toBe(html);
    writeFileSync(page, broken);
    const run = await almanac(['pdf', '--report', 'daily:2026-11-20', '--json']);
    expect(run.code).toBe(1);
    const summary = json(run.stdout);
    expect(summary.status).toBe('failed');
    expect(summary.reports[0]).toMatchObject({
      status: 'failed',
      failed_check: 'charts',
      path: pdfPath('daily', '2026-11-20'),
    });
    expect(summary.reports[0]!.error).toMatch(/charts not drawn/);
    expect(readFileSync(pdfPath('daily', '2026-11-20')).equals(before)).toBe(true);
    const row = await almanac([
      'sql',
      '--json',
      "SELECT status, failed_check FROM pdf_exports WHERE kind = 'daily' AND report_id = '2026-11-20'",
    ]);
    expect(JSON.parse(row.stdout)).toEqual([{ status: 'failed', failed_check: 'charts' }]);
    const attempts = await almanac([
      'sql',
      '--json',
      "SELECT status, failed_check FROM pdf_export_attempts WHERE report_id = '2026-11-20' ORDER BY finished_at",
    ]);
    expect(JSON.parse(attempts.stdout)).toEqual([
      { status: 'passed', failed_check: null },
      { status: 'failed', failed_check: 'charts' },
    ]);
    // The failed report is retried on the next plain run (and fails again until the page is fixed).
    writeFileSync(page, html);
    const fixed = await almanac(['pdf', '--json']);
    expect(json(fixed.stdout).reports.map((r) => [r.id, r.status])).toEqual([['2026-11-20', 'passed']]);
  });

  it('says clearly when a report does not exist or no browser can be found', async () => {
    const missing = await almanac(['pdf', '--report', 'daily:2099-01-01']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('error[ReportNotFound]');
    const noBrowser = await almanac(['pdf', '--all'], { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chrome' });
    expect(noBrowser.code).not.toBe(0);
    expect(noBrowser.stderr).toContain('error[BrowserNotFound]');
    expect(noBrowser.stderr).toContain('PUPPETEER_EXECUTABLE_PATH');
  });
});
