// Builds the site once from the committed fixture bundles, plus two variations that the tests need:
// a day restated after publication and a day full of hostile strings (markup, quotes, Vega expressions,
// very long names) in every field that comes from Redis.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSite, type BuildSiteResult } from '../../src/site/buildSite.ts';
import { parseBundle } from '../../src/report/parseBundle.ts';
import type { ReportBundle } from '../../src/report/ReportBundle.ts';
import { silentLogger } from '../../src/log/silentLogger.ts';

const fixtureReports = fileURLToPath(new URL('../fixtures/bundles/reports/', import.meta.url));

export const HOSTILE_DAY = '2026-11-20';
export const RESTATED_DAY = '2026-11-19';
export const LONG_NAME = `gpu-${'x'.repeat(400)}-node`;
export const HOSTILE_STRINGS = [
  '<script>window.__pwned = 1</script>',
  '</script><img src=x onerror="window.__pwned = 2">',
  `"'><svg onload=window.__pwned=3>`,
  '{{datum.constructor.constructor("window.__pwned=4")()}}',
  'signal("x") || alert(5)',
  LONG_NAME,
];

export type FixtureSite = {
  root: string;
  reports: string;
  dist: string;
  result: BuildSiteResult;
  cleanup(): Promise<void>;
};

export async function buildFixtureSite(): Promise<FixtureSite> {
  const root = await mkdtemp(path.join(tmpdir(), 'almanac-site-'));
  const reports = path.join(root, 'data', 'reports');
  const dist = path.join(root, 'dist');
  await cp(fixtureReports, reports, { recursive: true });
  await patchBundle(reports, 'daily', HOSTILE_DAY, makeHostile);
  await patchBundle(reports, 'daily', RESTATED_DAY, makeRestated);
  const result = await buildSite(siteOptions(root, false));
  return { root, reports, dist, result, cleanup: () => rm(root, { recursive: true, force: true }) };
}

export function siteOptions(root: string, full: boolean) {
  return {
    reportsDir: path.join(root, 'data', 'reports'),
    distDir: path.join(root, 'dist'),
    pdfDir: path.join(root, 'dist', 'pdf'),
    siteTitle: 'Fleet <Almanac> & "Co"',
    timezone: 'America/New_York',
    full,
    logger: silentLogger,
    now: () => new Date('2026-11-22T06:30:00Z'),
  };
}

export async function patchBundle(
  reports: string,
  kind: string,
  id: string,
  patch: (b: ReportBundle) => void,
): Promise<void> {
  const file = path.join(reports, kind, `${id}.json`);
  const bundle = parseBundle(await readFile(file, 'utf8'));
  patch(bundle);
  await writeFile(file, JSON.stringify(parseBundle(bundle)));
}

function makeHostile(b: ReportBundle): void {
  const h = (i: number) => HOSTILE_STRINGS[i % HOSTILE_STRINGS.length]!;
  b.machines.rows.forEach((m, i) => {
    if (i < HOSTILE_STRINGS.length) {
      m.machine_id = h(i);
      m.outlier = true;
      m.outlier_reason = h(i + 1);
    }
  });
  b.failures.by_type.forEach((f, i) => (f.error_type = h(i)));
  b.failures.top_messages.forEach((m, i) => {
    m.error_type = h(i);
    m.message = h(i + 2);
  });
  b.models.by_machine.forEach((m, i) => {
    m.machine_id = h(i);
    m.model = h(i + 3);
  });
  b.models.usage.forEach((m, i) => (m.model = h(i + 1)));
  b.models.downloads_by_model.forEach((m, i) => (m.model = h(i + 4)));
  b.breakdowns.by_job_type.forEach((j, i) => (j.job_type = h(i + 5)));
  b.pools.job_types.forEach((j, i) => (j.job_type = h(i)));
  b.summary = [...b.summary.slice(0, 3), `Machine ${h(0)} failed most; ${h(1)}`];
  b.recommendations.forEach((r, i) => {
    r.title = `Inspect ${h(i)}`;
    r.action = h(i + 1);
  });
  b.verdict.headline = `Watch ${h(2)}`;
  b.anomalies.items.forEach((a, i) => (a.message = h(i + 3)));
}

function makeRestated(b: ReportBundle): void {
  b.revision = 2;
  b.restates = {
    revision: 1,
    generated_at: '2026-11-20T06:15:00.000Z',
    reason: 'late history from queue "render" arrived after publication',
    changes: [
      { kpi: 'jobs_completed', before: b.kpis.jobs_completed.value, after: (b.kpis.jobs_completed.value ?? 0) + 12 },
    ],
  };
}
