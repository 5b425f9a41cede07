// The documented outcome and run-log entry of each failure, in one `exportPdfs` batch over the site's real pages:
// three pages broken three ways, a browser killed mid-batch, and everything else exported.
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/parseConfig.ts';
import type { Logger } from '../../../src/log/Logger.ts';
import { silentLogger } from '../../../src/log/silentLogger.ts';
import { BrowserSession } from '../../../src/pdf/BrowserSession.ts';
import { exportPdfs, type PdfExportSummary } from '../../../src/pdf/exportPdfs.ts';
import { findBrowser } from '../../../src/pdf/findBrowser.ts';
import { Warehouse } from '../../../src/warehouse/Warehouse.ts';
import { processesMentioning } from '../../helpers/chromiumProcesses.ts';
import { runAlmanac } from '../../helpers/runAlmanac.ts';
import { tempDir } from '../../helpers/tempDir.ts';

const fixtureReports = fileURLToPath(new URL('../../fixtures/bundles/reports', import.meta.url));

describe('exportPdfs run log', () => {
  const cwd = tempDir('almanac-pdf-log');
  const config = parseConfig({ pdf: { timeoutMs: 4000 } }, { baseDir: cwd, env: {} });
  const page = (id: string) => path.join(config.paths.dist, 'daily', id, 'index.html');
  let warehouse: Warehouse;
  let session: BrowserSession;
  let summary: PdfExportSummary;

  beforeAll(async () => {
    cpSync(fixtureReports, config.paths.reports, { recursive: true });
    const build = await runAlmanac(['build'], { cwd, timeoutMs: 120_000 });
    expect(build.code, build.stderr).toBe(0);
    const edit = (id: string, change: (html: string) => string) => {
      const html = readFileSync(page(id), 'utf8');
      const changed = change(html);
      expect(changed).not.toBe(html);
      writeFileSync(page(id), changed);
    };
    // A page that never says it is ready: it hangs as far as the printer can tell.
    edit('2026-11-19', (html) => html.replace('<html lang="en"', '<html lang="en" data-almanac-ready="false"'));
    // A block kept together but taller than a page.
    edit('2026-11-20', (html) => html.replace('</main>', '<div data-keep style="height:1500px">tall</div></main>'));
    // A chart whose SVG is gone.
    edit('2026-11-01', (html) => html.replace(/(<div class="chart-static"[^>]*>)<svg[\s\S]*?<\/svg>/, '$1'));

    warehouse = await Warehouse.open(config.paths.warehouse, { holder: 'test' });
    session = new BrowserSession(findBrowser({ configured: null, fromEnv: null }).path, silentLogger);
    // The first exported PDF kills the browser: the batch must relaunch it and carry on.
    let killed = false;
    const logger: Logger = {
      ...silentLogger,
      info(message) {
        if (message === 'pdf exported' && !killed) {
          killed = true;
          process.kill(session.pid()!, 'SIGKILL');
        }
      },
      child: () => logger,
    };
    summary = await exportPdfs({ config, warehouse, logger, now: () => new Date(), session });
  }, 300_000);

  afterAll(async () => {
    await session?.close();
    await warehouse?.close();
  });

  it('names the failed check of each broken report and exports all the others despite the crash', () => {
    const outcome = Object.fromEntries(summary.reports.map((r) => [`${r.kind}:${r.id}`, [r.status, r.failed_check]]));
    expect(outcome).toEqual({
      'daily:2026-11-01': ['failed', 'charts'],
      'daily:2026-11-19': ['failed', 'render-timeout'],
      'daily:2026-11-20': ['failed', 'keep-together'],
      'daily:2026-11-21': ['passed', null],
      'weekly:2026-W01': ['passed', null],
      'weekly:2026-W46': ['passed', null],
      'weekly:2026-W47': ['passed', null],
      'monthly:2026-10': ['passed', null],
      'monthly:2026-11': ['passed', null],
    });
    expect(summary).toMatchObject({ status: 'failed', passed: 6, failed: 3, relaunches: 1 });
    expect(summary.reports.find((r) => r.id === '2026-11-19')!.attempts).toBe(2);
    expect(summary.reports.find((r) => r.id === '2026-11-20')!.error).toMatch(/taller than a page/);
  });

  it('writes no file for a failed report and a file for every passed one', () => {
    for (const r of summary.reports) {
      const file = path.join(config.paths.pdf, r.kind, `${r.id}.pdf`);
      expect(existsSync(file)).toBe(r.status === 'passed');
      expect(r.path).toBe(r.status === 'passed' ? file : null);
    }
  });

  it('records the contract rows, the attempts with every check, and the run', async () => {
    const failed = await warehouse.all(
      "SELECT report_id, failed_check, path, bytes FROM pdf_exports WHERE status = 'failed' ORDER BY report_id",
    );
    expect(failed).toEqual([
      { report_id: '2026-11-01', failed_check: 'charts', path: null, bytes: null },
      { report_id: '2026-11-19', failed_check: 'render-timeout', path: null, bytes: null },
      { report_id: '2026-11-20', failed_check: 'keep-together', path: null, bytes: null },
    ]);
    const attempt = await warehouse.one<{ checks: string; attempts: number }>(
      "SELECT checks, attempts FROM pdf_export_attempts WHERE report_id = '2026-11-20'",
    );
    const checks = JSON.parse(attempt!.checks) as { check: string; ok: boolean }[];
    expect(checks.find((c) => c.check === 'keep-together')).toMatchObject({ ok: false });
    expect(checks.find((c) => c.check === 'charts')).toMatchObject({ ok: true });
    const runs = await warehouse.all('SELECT status, requested, passed, failed, relaunches FROM pdf_export_runs');
    expect(runs).toEqual([{ status: 'failed', requested: 9, passed: 6, failed: 3, relaunches: 1 }]);
  });

  it('leaves no Chromium behind once the session is closed', async () => {
    await session.close();
    for (const profile of session.profilesUsed) expect(processesMentioning(profile)).toEqual([]);
  });
});
