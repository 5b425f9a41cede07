import { KPI_NAMES } from '../../report/kpiNames.ts';
import type { PoolName, ReportBundle } from '../../report/ReportBundle.ts';
import type { KpiValues } from '../kpis/KpiValues.ts';

/** What later analyses reuse from a published closed bundle instead of recomputing it. */
export interface PublishedFigures {
  values: KpiValues;
  /** Completed jobs per pool (for pool steadiness). */
  poolJobs: Record<PoolName, number>;
}

export function publishedFigures(bundle: ReportBundle): PublishedFigures {
  return {
    values: Object.fromEntries(KPI_NAMES.map((name) => [name, bundle.kpis[name].value])) as KpiValues,
    poolJobs: {
      fast: bundle.pools.pools.fast.jobs,
      standard: bundle.pools.pools.standard.jobs,
      heavy: bundle.pools.pools.heavy.jobs,
    },
  };
}
