// How analysis cost grows (issue 10): `analyze` from scratch as the fleet grows, and the nightly increment as the
// archive grows (it should stay flat: closed periods are read from their published bundles). Run them with
// `npm run bench -- --scale 1,2,4 --only analysis-fleet-size,analysis-archive-length`. A full run leaves them out
// (analysis-90d and analysis-nightly in analysis.bench.ts give the figures at the usual sizes); --quick runs them.
// The fleet is the one analysis.bench.ts uses (analysisFleet.ts, generated inside DuckDB by analysisFleet.sql).
import {
  analyzeFleet,
  dayBeforeLast,
  setupFleet,
  teardownFleet,
  unpublish,
  type AnalysisFleet as State,
} from './analysisFleet.ts';
import type { Benchmark, BenchParams, Figure } from './Benchmark.ts';

/** From scratch over 30 days (7 with --quick): 5,000 jobs a day on 20 machines (1,000 with --quick), × scale. */
const fleetSize = (p: BenchParams) => ({
  days: p.quick ? 7 : 30,
  perDay: Math.round((p.quick ? 1_000 : 5_000) * p.scale),
  machines: Math.max(2, Math.round(20 * p.scale)),
});

/** The nightly increment on an archive of 60 days (14 with --quick) × scale, at 5,000 jobs a day (1,000). */
const archiveLength = (p: BenchParams) => ({
  days: Math.max(3, Math.round((p.quick ? 14 : 60) * p.scale)),
  perDay: p.quick ? 1_000 : 5_000,
  machines: 20,
});

async function measure(state: State): Promise<Figure> {
  await unpublish(state, state.baseline);
  const result = await analyzeFleet(state);
  return { value: result.seconds, unit: 's', notes: { jobs: state.jobs, bundles: result.written.length } };
}

export const benchmarks: Benchmark<State>[] = [
  {
    id: 'analysis-fleet-size',
    stage: 'analysis',
    title: 'analyze 30 days from scratch, 5,000 jobs a day on 20 machines (× scale)',
    better: 'lower',
    growthOnly: true,
    grows: { what: 'jobs a day (machines grow with them)', size: (p) => fleetSize(p).perDay },
    setup: (p) => setupFleet(fleetSize(p)),
    run: measure,
    teardown: teardownFleet,
    repetitions: { full: 3, quick: 1 },
  },
  {
    id: 'analysis-archive-length',
    stage: 'analysis',
    title: 'nightly increment on an archive of 60 days (× scale), 5,000 jobs a day',
    better: 'lower',
    growthOnly: true,
    grows: { what: 'days in the archive', size: (p) => archiveLength(p).days },
    async setup(p) {
      const state = await setupFleet(archiveLength(p));
      // Everything closed before the last day is already published, as after the previous night.
      const published = await analyzeFleet(state, dayBeforeLast(state));
      state.baseline = new Set(published.written.map((w) => `${w.kind}/${w.id}`));
      return state;
    },
    run: measure,
    teardown: teardownFleet,
    repetitions: { full: 3, quick: 1 },
  },
];
