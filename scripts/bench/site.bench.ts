// Site builds over one year of reports (365 daily, ~53 weekly, 12 monthly): a full build, and the nightly
// incremental build on top of it, which must stay flat as the archive grows. `--quick` uses 14 days; `--scale`
// multiplies the archive's days. Both are compared with Astro building the same number of empty pages.
// For a per-phase breakdown with CPU seconds: node scripts/bench/siteBuild.ts
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Benchmark, BenchParams, Figure, Reference } from './Benchmark.ts';
import { astroEmptyPages } from './astroEmptyPages.ts';
import { BENCH_TZ, writeNight, writeYear } from './siteYear.ts';
import { buildSite } from '../../src/site/buildSite.ts';
import { silentLogger } from '../../src/log/silentLogger.ts';

interface State {
  root: string;
  reports: number;
  night: number;
  /** Pages the last build rendered (report pages, plus home and archive), for the reference to match. */
  pages: number;
}

const days = (params: BenchParams) => Math.max(7, Math.round((params.quick ? 14 : 365) * params.scale));

async function makeRoot(params: BenchParams): Promise<State> {
  const root = await mkdtemp(path.join(tmpdir(), 'almanac-bench-site-'));
  const reports = await writeYear(path.join(root, 'data', 'reports'), days(params));
  await writeFile(
    path.join(root, 'almanac.config.json'),
    JSON.stringify({ timezone: BENCH_TZ, site: { title: 'Almanac benchmark' } }),
  );
  return { root, reports, night: 0, pages: 0 };
}

async function build(state: State, full: boolean): Promise<Figure> {
  const started = performance.now();
  const result = await buildSite({
    reportsDir: path.join(state.root, 'data', 'reports'),
    distDir: path.join(state.root, 'dist'),
    pdfDir: path.join(state.root, 'dist', 'pdf'),
    siteTitle: 'Almanac benchmark',
    timezone: BENCH_TZ,
    full,
    logger: silentLogger,
    now: () => new Date(),
  });
  // Home and archive are rendered by every build, on top of the report pages.
  state.pages = result.built.length + 2;
  return {
    value: (performance.now() - started) / 1000,
    unit: 's',
    notes: { reports: result.reports, pagesRendered: result.built.length, ...prefix('phase', result.seconds) },
  };
}

function prefix(name: string, o: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [`${name}.${k}`, v]));
}

const emptyPages: Reference<State> = {
  title: 'Astro building as many empty pages',
  run: (state) => astroEmptyPages(state.pages, state.root),
};

export const benchmarks: Benchmark<State>[] = [
  {
    id: 'site-full-year',
    stage: 'site',
    title: 'almanac build --full, one year of reports',
    better: 'lower',
    target: { text: '< 60 s', met: (s) => s < 60 },
    grows: { what: 'days of reports in the archive', size: days },
    setup: makeRoot,
    run: (state) => build(state, true),
    reference: emptyPages,
    teardown: (state) => rm(state.root, { recursive: true, force: true }),
    repetitions: { full: 1, quick: 1 },
  },
  {
    id: 'site-nightly',
    stage: 'site',
    title: 'nightly almanac build on a one-year archive (+1 day, its week and month)',
    better: 'lower',
    target: { text: '< 10 s, flat', met: (s) => s < 10 },
    grows: { what: 'days of reports in the archive', size: days },
    async setup(params) {
      const state = await makeRoot(params);
      // The full build runs in its own process so this process's peak memory is the nightly build's.
      const cli = fileURLToPath(new URL('../../src/cli/almanac.mjs', import.meta.url));
      const child = spawnSync(process.execPath, [cli, 'build', '--full'], { cwd: state.root, encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`full build failed: ${child.stderr}`);
      return state;
    },
    async run(state) {
      state.night += 1;
      await writeNight(path.join(state.root, 'data', 'reports'), state.night);
      return build(state, false);
    },
    reference: emptyPages,
    teardown: (state) => rm(state.root, { recursive: true, force: true }),
    repetitions: { full: 5, quick: 1 },
  },
];
