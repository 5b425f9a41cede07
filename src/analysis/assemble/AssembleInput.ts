import type { ReportBundle } from '../../report/ReportBundle.ts';
import type { BreakdownRows } from '../breakdowns/BreakdownRows.ts';
import type { PoolBounds } from '../metrics/querySpanMetrics.ts';
import type { SpanMetrics } from '../metrics/SpanMetrics.ts';
import type { Target } from '../plan/Target.ts';
import type { Span, TargetSpans } from '../plan/targetSpans.ts';
import type { PublishedFigures } from '../store/PublishedFigures.ts';

/** Everything one bundle is assembled from; no I/O happens past this point. */
export interface AssembleInput {
  target: Target;
  spans: TargetSpans;
  timeZone: string;
  /** Metrics of any registered span (zero counts, null figures where nothing happened). */
  metricsOf(span: Span): SpanMetrics;
  /** Whether the warehouse holds data for a span (else its counts are unknown, not zero). */
  coveredOf(span: Span): boolean;
  /**
   * Figures of a whole closed period taken from its published bundle (so a nightly run need not recompute the
   * past), or undefined to compute them from `metricsOf`.
   */
  publishedOf(span: Span): PublishedFigures | undefined;
  breakdown: BreakdownRows;
  quality: {
    dataStart: number | null;
    snapshotIntervals: number[];
    gaps: { source: string; queue: string | null; from: number; to: number; reason: string }[];
    rejects: { reason: string; count: number }[];
    runs: number;
    failedRuns: number;
    lastCollectedAt: number | null;
  };
  /** Whether the 28 days before the period are in the warehouse (for "new failure mode"). */
  priorCovered: boolean;
  /** The previous period's published bundle of the same kind, for recommendation status and score deltas. */
  previousBundle: ReportBundle | null;
  targets: { successRate: number; machineVariation: number; waitToRunRatio: number };
  pools: PoolBounds;
  generatedAt: number;
  version: string;
  sources: string[];
  dataThrough: number | null;
}
