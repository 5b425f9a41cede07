// The site build: bundles -> view models (with build-time SVG charts) -> Astro -> a staged tree that
// replaces dist/ in one swap. Incremental by default: a report page is rebuilt only when the signature of
// its inputs (bundle, neighbours, readiness history, PDF presence, site version) changed; home and archive
// are always rebuilt. `full` rebuilds every page.
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../log/Logger.ts';
import type { ProgressFactory } from '../progress/ProgressFactory.ts';
import type { ReportBundle } from '../report/ReportBundle.ts';
import { listReports, loadReport, type LoadedReport, type ReportFile } from './loadReports.ts';
import { buildSiteIndex, children, neighbours, parents, type IndexEntry } from './SiteIndex.ts';
import { indexEntry } from './indexEntry.ts';
import { siteVersion } from './siteVersion.ts';
import { MANIFEST_PATH, readBuildManifest, type BuildManifest, type PageRecord } from './BuildManifest.ts';
import { pageSignature, type LinkContext } from './pageSignature.ts';
import { renderPageFiles, type PageRenderJob } from './renderPageFiles.ts';
import type { ReadinessHistory } from './reportCharts.ts';
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
  /**
   * Stops the build between pages and before Astro (shutdown, timeout) by throwing its reason. The build publishes
   * by one swap at the end, so a stopped build leaves the previous site as it was.
   */
  signal?: AbortSignal;
  /** One unit per page whose charts are rendered, plus one for Astro writing the pages. */
  progress?: ProgressFactory;
};

type Page = {
  key: string;
  ref: ReportFile;
  /** Null when the manifest's record was trusted and the bundle not read. */
  loaded: LoadedReport | null;
  sha256: string;
  entry: IndexEntry;
  readiness: ReadinessHistory[number];
  signature: string;
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
    const version = await siteVersion();
    const manifest = await readBuildManifest(distDir);
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

    // Read only what changed: a bundle file with the size and mtime the manifest recorded is the same file.
    const files = await listReports(options.reportsDir);
    const pages: Page[] = [];
    for (const ref of files) {
      const key = reportDir(ref.kind, ref.id);
      const known = full ? undefined : manifest?.pages[key];
      if (known && known.size === ref.size && known.mtimeMs === ref.mtimeMs) {
        pages.push({
          key,
          ref,
          loaded: null,
          sha256: known.sha256,
          entry: known.entry,
          readiness: known.readiness,
          signature: '',
        });
      } else {
        const loaded = await loadReport(ref);
        const b = loaded.bundle;
        pages.push({
          key,
          ref,
          loaded,
          sha256: loaded.sha256,
          entry: indexEntry(b),
          readiness: readinessOf(b),
          signature: '',
        });
      }
    }
    const index = buildSiteIndex(pages.map((p) => p.entry));
    const series = readinessSeries(
      pages.map((p) => p.readiness),
      pages.map((p) => p.entry.kind),
    );
    const pdfRel = relativeInside(distDir, options.pdfDir);
    const contexts = new Map<string, LinkContext>();
    for (const p of pages) {
      const { kind, id, start } = p.entry;
      const { prev, next } = neighbours(index, kind, id);
      const context: LinkContext = {
        prev,
        next,
        parents: parents(index, kind, start),
        days: kind === 'daily' ? [] : children(index, 'daily', start, p.entry.end),
        history: historyBefore(series, kind, start),
        pdfExists: pdfRel !== null && (await exists(path.join(options.pdfDir, kind, `${id}.pdf`))),
      };
      contexts.set(p.key, context);
      p.signature = pageSignature(version, p.sha256, context);
    }
    const toBuild = full ? pages : pages.filter((p) => manifest?.pages[p.key]?.signature !== p.signature);
    const current = new Set(pages.map((p) => p.key));
    const removed = full || !manifest ? [] : Object.keys(manifest.pages).filter((k) => !current.has(k));
    const planned = performance.now();
    logger.info('site build planned', {
      mode: full ? 'full' : 'incremental',
      reason: reason ?? 'nightly',
      reports: pages.length,
      build: toBuild.length,
      removed: removed.length,
    });

    const work = path.join(staging, 'work');
    const out = path.join(staging, 'out');
    await mkdir(work, { recursive: true });
    const jobs: PageRenderJob[] = [];
    const tables = new Map<string, { loaded: LoadedReport; tables: ReportPagePlan['tables'] }>();
    for (const p of toBuild) {
      const loaded = p.loaded ?? (await loadReport(p.ref));
      const context = contexts.get(p.key)!;
      const plan = reportPagePlan(loaded.bundle, index, {
        pdfExists: context.pdfExists,
        readinessHistory: context.history,
      });
      jobs.push({ file: reportViewFile(work, p.ref.kind, p.ref.id), view: plan.view, charts: plan.charts });
      tables.set(p.key, { loaded, tables: plan.tables });
    }
    const progress = options.progress?.('build', toBuild.length + 1);
    const stopIfAsked = () => {
      if (!options.signal?.aborted) return;
      progress?.finish('stopped; the previous site stays');
      options.signal.throwIfAborted();
    };
    await renderPageFiles(
      jobs,
      (job) => progress?.advance(1, path.basename(job.file, '.json').replace(/^report-/, '')),
      options.signal,
    );
    stopIfAsked();
    const latest = await latestDaily(pages);
    const home = homePlan(latest, index, options.siteTitle, options.timezone);
    const [context] = home.context ? await renderCharts([home.context]) : [null];
    await writeFile(homeViewFile(work), JSON.stringify({ ...home.view, context: context ?? null }));
    await writeFile(archiveViewFile(work), JSON.stringify(archiveView(index, options.siteTitle)));
    const charted = performance.now();
    stopIfAsked();
    progress?.update(toBuild.length, 'astro');

    await runAstroBuild({
      stagingDir: staging,
      outDir: out,
      workDir: work,
      cacheDir: path.join(staging, 'cache-astro'),
      siteTitle: options.siteTitle,
      reportPages: toBuild.map((p) => ({ kind: p.ref.kind, id: p.ref.id })),
    });
    // After Astro, which empties its outDir first.
    if (full) await buildClientScript(out, path.join(staging, 'cache-client'));
    for (const t of tables.values()) await writeReportData(out, t.loaded, t.tables);
    const astroDone = performance.now();
    progress?.finish(`${toBuild.length} report pages built`);

    const nextManifest: BuildManifest = {
      version: 2,
      siteVersion: version,
      builtAt: options.now().toISOString(),
      pages: Object.fromEntries(
        pages.map((p): [string, PageRecord] => [
          p.key,
          {
            size: p.ref.size,
            mtimeMs: p.ref.mtimeMs,
            sha256: p.sha256,
            entry: p.entry,
            readiness: p.readiness,
            signature: p.signature,
          },
        ]),
      ),
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
    logger.info('site published', { dist: distDir, pages: toBuild.length, seconds: s(done - started) });
    return {
      mode: full ? 'full' : 'incremental',
      reason: reason ?? 'nightly',
      reports: pages.length,
      built: toBuild.map((p) => p.key),
      unchanged: pages.length - toBuild.length,
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
async function writeReportData(out: string, report: LoadedReport, tables: ReportPagePlan['tables']): Promise<void> {
  const dir = path.join(out, reportDir(report.bundle.kind, report.bundle.id));
  await mkdir(path.join(dir, 'data'), { recursive: true });
  await writeFile(path.join(dir, 'report.json'), JSON.stringify(report.bundle, null, 1));
  for (const t of tables) {
    if (t.rows.length > 0) await writeFile(path.join(dir, 'data', `${t.id}.csv`), csvText(t.columns, t.rows));
  }
}

/** The latest closed day, or the open one when no day has closed yet. */
async function latestDaily(pages: Page[]): Promise<ReportBundle | null> {
  const days = pages.filter((p) => p.entry.kind === 'daily').sort((a, b) => (a.entry.start < b.entry.start ? -1 : 1));
  const pick = days.filter((p) => p.entry.closed).pop() ?? days.pop();
  if (!pick) return null;
  return (pick.loaded ?? (await loadReport(pick.ref))).bundle;
}

function readinessOf(b: ReportBundle): ReadinessHistory[number] {
  return {
    start: b.period.start,
    production: b.readiness.production.score,
    fast: b.readiness.pools.fast.score,
    standard: b.readiness.pools.standard.score,
    heavy: b.readiness.pools.heavy.score,
  };
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
