// Benchmark (not a test): a full site build of one year of reports (365 daily, 52 weekly, 12 monthly)
// and two nightly incremental builds on top of it, each in its own process so that peak memory is per build.
//   node scripts/bench/siteBuild.ts [--keep]
// Prints seconds and peak RSS per build as a table and as JSON.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BENCH_TZ as TZ, writeNight, writeYear } from './siteYear.ts';
import { buildSite } from '../../src/site/buildSite.ts';
import { silentLogger } from '../../src/log/silentLogger.ts';

const { values } = parseArgs({
  options: { keep: { type: 'boolean' }, 'run-build': { type: 'string' }, full: { type: 'boolean' } },
});

if (values['run-build']) {
  // Child mode: one build, report timing and peak memory on stdout.
  const root = values['run-build'];
  const result = await buildSite({
    reportsDir: path.join(root, 'reports'),
    distDir: path.join(root, 'dist'),
    pdfDir: path.join(root, 'dist', 'pdf'),
    siteTitle: 'Almanac benchmark',
    timezone: TZ,
    full: values.full === true,
    logger: silentLogger,
    now: () => new Date(),
  });
  const cpu = process.cpuUsage();
  console.log(
    JSON.stringify({
      ...result,
      built: result.built.length,
      // Worker threads included; on a shared machine this is the figure that does not depend on load.
      cpuSeconds: Math.round((cpu.user + cpu.system) / 1e4) / 100,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      loadAverage: loadavg()[0]?.toFixed(1),
    }),
  );
  process.exit(0);
}

const root = await mkdtemp(path.join(tmpdir(), 'almanac-bench-'));
const reports = path.join(root, 'reports');

function runBuild(label: string, full: boolean): Record<string, unknown> {
  const self = fileURLToPath(import.meta.url);
  const args = [self, '--run-build', root, ...(full ? ['--full'] : [])];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`${label} failed:\n${child.stderr}`);
  const line = child.stdout.trim().split('\n').pop() ?? '{}';
  return { label, ...(JSON.parse(line) as Record<string, unknown>) };
}

const t0 = performance.now();
const count = await writeYear(reports);
console.error(`wrote ${count} bundles in ${((performance.now() - t0) / 1000).toFixed(1)} s to ${reports}`);

const rows: Record<string, unknown>[] = [];
rows.push(runBuild('full build, one year', true));
await writeNight(reports, 1);
rows.push(runBuild('nightly 1 (+1 day, its week and month)', false));
await writeNight(reports, 2);
rows.push(runBuild('nightly 2 (+1 day, new week, month)', false));
rows.push(runBuild('no-change rebuild', false));

console.log(
  '| build | pages rendered | of | seconds | plan | charts | astro | publish | CPU seconds | peak RSS MB | load avg |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const s = r.seconds as Record<string, number>;
  console.log(
    `| ${String(r.label)} | ${String(r.built)} | ${String(r.reports)} | ${s.total} | ${s.plan} | ${s.charts} | ${s.astro} | ${s.publish} | ${String(r.cpuSeconds)} | ${String(r.peakRssMb)} | ${String(r.loadAverage)} |`,
  );
}
console.log(JSON.stringify(rows));
if (values.keep) console.error(`kept ${root}`);
else await rm(root, { recursive: true, force: true });
