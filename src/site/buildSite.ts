// The site build: bundles -> view models (with build-time SVG charts) -> Astro -> a staged tree that
// replaces dist/ in one swap. Incremental by default: a report page is rebuilt only when the signature of
// its inputs (bundle, neighbours, readiness history, PDF presence, site version) changed; home and archive
// are always rebuilt. `full` rebuilds every page.
import { createHash } from 'node:crypto';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../log/Logger.ts';
import type { ReportBundle } from '../report/ReportBundle.ts';
import { loadReports, type LoadedReport } from './loadReports.ts';
import { buildSiteIndex } from './SiteIndex.ts';
import { indexEntry } from './indexEntry.ts';
import { siteVersion } from './siteVersion.ts';
import { MANIFEST_PATH, readBuildManifest, type BuildManifest } from './BuildManifest.ts';
import { reportPagePlan, type ReportPagePlan } from './reportPagePlan.ts';
import { readinessSeries, historyBefore } from './readinessHistory.ts';
import { renderCharts } from './renderCharts.ts';
import { homePlan } from './homeView.ts';
import { archiveView } from './archiveView.ts';
import { archiveViewFile, homeViewFile, reportViewFile } from './pageViewFiles.ts';
import { buildClientScript } from './buildClientScript.ts';
import { CLIENT_SCRIPT } from './clientScriptPath.ts';
import { runAstroBuild } from './runAstroBuild.ts';
import { csvText } from './csvText.ts';
import { reportDir } from './pagePath.ts';
import { linkTree, overlayTree, recoverInterruptedBuild, swapIntoPlace } from './publishStaged.ts';
import { acquireBuildLock } from './buildLock.ts';

export type BuildSiteOptions = {
  reportsDir: string;
  distDir: string;
  /** Where the PDF step writes `<kind>/<id>.pdf`; linked from pages only when inside distDir. */
  pdfDir: string;
  siteTitle: string;
  timezone: string;
  full: boolean;
  logger: Logger;
  now: () => Date;
};

export type BuildSiteResult = {
  mode: 'full' | 'incremental';
  reason: string;
  reports: number;
  built: string[];
  unchanged: number;
  removed: string[];
  distDir: string;
  seconds: { total: number; plan: number; charts: number; astro: number; publish: number };
};

export async function buildSite(options: BuildSiteOptions): Promise<BuildSiteResult> {
  const { distDir, logger } = options;
  const started = performance.now();
  await mkdir(path.dirname(distDir), { recursive: true });
  const release = await acquireBuildLock(distDir);
  const staging = `${distDir}.staging-${process.pid}-${options.now().getTime()}`;
  try {
    await recoverInterruptedBuild(distDir);
    const reports = await loadReports(options.reportsDir);
    const index = buildSiteIndex(reports.map((r) => indexEntry(r.bundle)));
    const version = await siteVersion();
    const manifest = options.full ? null : await readBuildManifest(distDir);
    const reason = options.full
      ? '--full'
      : !manifest
        ? 'no previous build'
        : manifest.siteVersion !== version
          ? 'site code changed'
          : !(await exists(path.join(distDir, CLIENT_SCRIPT)))
            ? 'previous build incomplete'
            : null;
    const full = reason !== null;

    const series = readinessSeries(reports.map((r) => r.bundle));
    const pdfRel = relativeInside(distDir, options.pdfDir);
    const plans: { report: LoadedReport; key: string; plan: ReportPagePlan; signature: string }[] = [];
    for (const report of reports) {
      const b = report.bundle;
      const pdfExists = pdfRel !== null && (await exists(path.join(options.pdfDir, b.kind, `${b.id}.pdf`)));
      const plan = reportPagePlan(b, index, {
        pdfExists,
        readinessHistory: historyBefore(series, b.kind, b.period.start),
      });
      const signature = createHash('sha256')
        .update(version)
        .update(report.sha256)
        .update(JSON.stringify(plan.view))
        .update(JSON.stringify(plan.charts))
        .digest('hex');
      plans.push({ report, key: reportDir(b.kind, b.id), plan, signature });
    }
    const toBuild = full ? plans : plans.filter((p) => manifest?.pages[p.key] !== p.signature);
    const current = new Set(plans.map((p) => p.key));
    const removed = full || !manifest ? [] : Object.keys(manifest.pages).filter((k) => !current.has(k));
    const planned = performance.now();
    logger.info('site build planned', {
      mode: full ? 'full' : 'incremental',
      reason: reason ?? 'nightly',
      reports: plans.length,
      build: toBuild.length,
      removed: removed.length,
    });

    const work = path.join(staging, 'work');
    const out = path.join(staging, 'out');
    await mkdir(work, { recursive: true });
    for (const p of toBuild) {
      const charts = await renderCharts(p.plan.charts);
      const b = p.report.bundle;
      await writeFile(reportViewFile(work, b.kind, b.id), JSON.stringify({ ...p.plan.view, charts }));
    }
    const latest = latestDaily(reports.map((r) => r.bundle));
    const home = homePlan(latest, index, options.siteTitle, options.timezone);
    const [context] = home.context ? await renderCharts([home.context]) : [null];
    await writeFile(homeViewFile(work), JSON.stringify({ ...home.view, context: context ?? null }));
    await writeFile(archiveViewFile(work), JSON.stringify(archiveView(index, options.siteTitle)));
    const charted = performance.now();

    await runAstroBuild({
      stagingDir: staging,
      outDir: out,
      workDir: work,
      cacheDir: path.join(staging, 'cache-astro'),
      siteTitle: options.siteTitle,
      reportPages: toBuild.map((p) => ({ kind: p.report.bundle.kind, id: p.report.bundle.id })),
    });
    // After Astro, which empties its outDir first.
    if (full) await buildClientScript(out, path.join(staging, 'cache-client'));
    for (const p of toBuild) await writeReportData(out, p.report, p.plan);
    const astroDone = performance.now();

    const nextManifest: BuildManifest = {
      version: 1,
      siteVersion: version,
      builtAt: options.now().toISOString(),
      pages: Object.fromEntries(plans.map((p) => [p.key, p.signature])),
    };
    await mkdir(path.join(out, path.dirname(MANIFEST_PATH)), { recursive: true });
    await writeFile(path.join(out, MANIFEST_PATH), JSON.stringify(nextManifest, null, 1));

    const next = path.join(staging, 'next');
    if (await exists(distDir)) {
      if (full) {
        // A full rebuild replaces the site but keeps what other steps put in dist/ (the PDFs).
        if (pdfRel && (await exists(path.join(distDir, pdfRel))))
          await linkTree(path.join(distDir, pdfRel), path.join(next, pdfRel));
      } else {
        const replaced = new Set([...toBuild.map((p) => p.key), ...removed, MANIFEST_PATH]);
        await linkTree(distDir, next, replaced);
      }
    }
    await overlayTree(out, next);
    await swapIntoPlace(next, distDir);
    const done = performance.now();
    const s = (ms: number) => Math.round(ms) / 1000;
    return {
      mode: full ? 'full' : 'incremental',
      reason: reason ?? 'nightly',
      reports: plans.length,
      built: toBuild.map((p) => p.key),
      unchanged: plans.length - toBuild.length,
      removed,
      distDir,
      seconds: {
        total: s(done - started),
        plan: s(planned - started),
        charts: s(charted - planned),
        astro: s(astroDone - charted),
        publish: s(done - astroDone),
      },
    };
  } finally {
    await rm(staging, { recursive: true, force: true });
    await release();
  }
}

/** The bundle as published, and one CSV per detail table, next to the page. */
async function writeReportData(out: string, report: LoadedReport, plan: ReportPagePlan): Promise<void> {
  const dir = path.join(out, reportDir(report.bundle.kind, report.bundle.id));
  await mkdir(path.join(dir, 'data'), { recursive: true });
  await writeFile(path.join(dir, 'report.json'), JSON.stringify(report.bundle, null, 1));
  for (const t of plan.tables) {
    if (t.rows.length > 0) await writeFile(path.join(dir, 'data', `${t.id}.csv`), csvText(t.columns, t.rows));
  }
}

/** The latest closed day, or the open one when no day has closed yet. */
function latestDaily(bundles: ReportBundle[]): ReportBundle | null {
  const days = bundles.filter((b) => b.kind === 'daily').sort((a, b) => (a.period.start < b.period.start ? -1 : 1));
  return days.filter((b) => b.period.closed).pop() ?? days.pop() ?? null;
}

function relativeInside(parent: string, child: string): string | null {
  const rel = path.relative(parent, child);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : null;
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}
