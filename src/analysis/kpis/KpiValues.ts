import type { KpiName } from '../../report/kpiNames.ts';

/** The headline figures of one span; null where there is no data (never 0 for "unknown"). */
export type KpiValues = Record<KpiName, number | null>;
