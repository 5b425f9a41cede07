import type { BundleKind } from '../../report/BundleKind.ts';
import type {
  DataQuality,
  Failures,
  Forecast,
  Machines,
  Models,
  Pools,
  Readiness,
  Recommendation,
} from '../../report/ReportBundle.ts';
import type { ReportBundle } from '../../report/ReportBundle.ts';

/** A recommendation as a rule raises it, before it is tracked across periods and ranked. */
export type Finding = Omit<Recommendation, 'status' | 'first_seen' | 'rank'>;

/** Everything a rule may look at: the finished sections of the period's bundle plus a few raw figures. */
export interface RuleContext {
  kind: BundleKind;
  periodId: string;
  closed: boolean;
  /** Elapsed days of the period (fractional for a partial day), for per-day rates. */
  days: number;
  kpis: ReportBundle['kpis'];
  targets: { successRate: number; machineVariation: number; waitToRunRatio: number };
  machines: Machines;
  failures: Failures;
  models: Models;
  pools: Pools;
  readiness: Readiness;
  dataQuality: DataQuality;
  forecast: Forecast;
  /** Mean busy share of online workers per local hour of day 0..23 over the period; null where unknown. */
  utilizationByHour: (number | null)[];
  workersOnlineAvg: number | null;
  runMeanMs: number | null;
  /** Failure modes first seen at most 7 days before the period (empty without 28 days of prior history). */
  recentFailureModes: { error_type: string; message: string; count: number }[];
}

export interface Rule {
  /** Stable rule id: the first part of every recommendation id it raises. */
  id: string;
  /** One line for docs/analysis.md. */
  description: string;
  evaluate(ctx: RuleContext): Finding[];
}
