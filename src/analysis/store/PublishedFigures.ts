import { z } from 'zod';
import { KPI_NAMES, type KpiName } from '../../report/kpiNames.ts';
import { BUNDLE_SCHEMA_VERSION, type PoolName } from '../../report/ReportBundle.ts';
import { count, maybeNumber } from '../../report/schema/common.ts';
import type { KpiValues } from '../kpis/KpiValues.ts';

/** What later analyses reuse from a published closed bundle instead of recomputing it. */
export interface PublishedFigures {
  values: KpiValues;
  /** Completed jobs per pool (for pool steadiness). */
  poolJobs: Record<PoolName, number>;
}

/** The parts of a bundle the figures come from (a whole `ReportBundle` has them). */
export interface FigureSource {
  kpis: Record<KpiName, { value: number | null }>;
  pools: { pools: Record<PoolName, { jobs: number }> };
}

export function publishedFigures(bundle: FigureSource): PublishedFigures {
  return {
    values: Object.fromEntries(KPI_NAMES.map((name) => [name, bundle.kpis[name].value])) as KpiValues,
    poolJobs: {
      fast: bundle.pools.pools.fast.jobs,
      standard: bundle.pools.pools.standard.jobs,
      heavy: bundle.pools.pools.heavy.jobs,
    },
  };
}

const poolJobs = z.object({ jobs: count });

/**
 * The parts of a bundle file that `publishedFigures` reads, validated with the bundle schema's own rules for them
 * (other fields are ignored, not checked): a nightly run reuses about a hundred published bundles, and validating
 * each whole 140 KB document cost more CPU than the night's new bundles.
 */
export const publishedPartsSchema = z.object({
  schema: z.literal(BUNDLE_SCHEMA_VERSION),
  period: z.object({ closed: z.boolean() }),
  kpis: z.object(Object.fromEntries(KPI_NAMES.map((name) => [name, z.object({ value: maybeNumber })]))),
  pools: z.object({ pools: z.object({ fast: poolJobs, standard: poolJobs, heavy: poolJobs }) }),
});
