// SIGTERM during `almanac pdf`: the batch stops between reports. The report being printed finishes and is recorded,
// no further one starts, Chromium is closed, the command exits 0 and says how many were left; the next run prints
// exactly those. Progress goes to stderr as log lines, the summary to stdout.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PdfExportSummary } from '../../../src/pdf/exportPdfs.ts';
import { processesMentioning } from '../../helpers/chromiumProcesses.ts';
import { runAlmanac } from '../../helpers/runAlmanac.ts';
import { tempDir } from '../../helpers/tempDir.ts';

const fixtureReports = fileURLToPath(new URL('../../fixtures/bundles/reports', import.meta.url));

describe('SIGTERM during almanac pdf', () => {
  const cwd = tempDir('almanac-pdf-stop');
  const tmp = path.join(cwd, 'tmp');
  const env = { TMPDIR: tmp };

  beforeAll(async () => {
    mkdirSync(tmp);
    cpSync(fixtureReports, path.join(cwd, 'data', 'reports'), { recursive: true });
    // One page at a time, so that a stop after the first PDF leaves several to do.
    writeFileSync(
      path.join(cwd, 'almanac.config.json'),
      JSON.stringify({ pdf: { concurrency: 1 }, log: { progressSeconds: 0.05 } }),
    );
    const build = await runAlmanac(['build'], { cwd, timeoutMs: 180_000 });
    expect(build.code, build.stderr).toBe(0);
  }, 240_000);

  it('finishes the report in hand, records it, exits 0; the next run prints the rest', async () => {
    const stopped = await runAlmanac(['pdf', '--json'], {
      cwd,
      env,
      timeoutMs: 240_000,
      stopWhen: (stderr) => stderr.includes('"msg":"pdf exported"'),
    });
    expect(stopped.code, stopped.stderr.slice(-2000)).toBe(0);
    expect(stopped.stderr).toContain('SIGTERM received: stopping after the work in hand is saved');
    const first = JSON.parse(stopped.stdout) as PdfExportSummary;
    expect(first.interrupted).toBe(true);
    expect(first.selected).toBe(9);
    expect(first.failed).toBe(0);
    expect(first.passed).toBeGreaterThanOrEqual(1);
    expect(first.passed).toBeLessThan(9);
    expect(first.reports.every((r) => r.status === 'passed')).toBe(true);
    // Progress lines for the batch, and no Chromium left behind.
    expect(stopped.stderr).toMatch(/"msg":"pdf: \d+\/9"/);
    expect(processesMentioning(tmp)).toEqual([]);

    const runs = await runAlmanac(['sql', '--json', 'SELECT status, passed, failed, error FROM pdf_export_runs'], {
      cwd,
    });
    expect(JSON.parse(runs.stdout)).toEqual([
      {
        status: 'passed',
        passed: first.passed,
        failed: 0,
        error: expect.stringMatching(/^stopped \(.*SIGTERM received.*\) with \d+ of 9 reports not printed/) as unknown,
      },
    ]);

    const rest = await runAlmanac(['pdf', '--json'], { cwd, timeoutMs: 240_000, env });
    expect(rest.code, rest.stderr.slice(-2000)).toBe(0);
    const second = JSON.parse(rest.stdout) as PdfExportSummary;
    expect(second.interrupted).toBe(false);
    expect(second.up_to_date).toBe(first.passed);
    expect(second.passed).toBe(9 - first.passed);
    const printed = [...first.reports, ...second.reports].map((r) => `${r.kind}:${r.id}`).sort();
    expect(new Set(printed).size).toBe(9);
  }, 600_000);
});
