import type { Logger } from '../log/Logger.ts';
import type { ProgressFactory } from '../progress/ProgressFactory.ts';
import type { BundleKind } from '../report/BundleKind.ts';
import type { ReportBundle } from '../report/ReportBundle.ts';
import { readSql } from '../warehouse/readSql.ts';
import { assembleBundle } from './assemble/assembleBundle.ts';
import { queryBreakdowns } from './breakdowns/queryBreakdowns.ts';
import { emptyBreakdownRows } from './breakdowns/BreakdownRows.ts';
import { periodOf, shiftPeriodId } from './calendar/periodOf.ts';
import { restatement } from './store/restatement.ts';
import type { PublishedFigures } from './store/PublishedFigures.ts';
import { reusableSpans } from './plan/reusableSpans.ts';
import { localTime } from './calendar/zoneClock.ts';
import type { PoolBounds } from './metrics/querySpanMetrics.ts';
import { querySpanMetrics } from './metrics/querySpanMetrics.ts';
import { emptySpanMetrics } from './metrics/SpanMetrics.ts';
import { analysisClock } from './plan/analysisClock.ts';
import { hourBuckets } from './plan/hourBuckets.ts';
import { planTargets } from './plan/planTargets.ts';
import { SpanPlan } from './plan/SpanPlan.ts';
import { allSpans, targetSpans, type Span } from './plan/targetSpans.ts';
import { queryQuality, querySnapshotIntervals } from './quality/queryQuality.ts';
import type { BundleStore } from './store/BundleStore.ts';
import type { SqlReader, SqlReaderPool } from './SqlReader.ts';
import { Publications, type SqlReadWrite } from './store/Publications.ts';

/** Connections the set-based queries share (see ReaderPool). */
const QUERY_CONNECTIONS = 2;

export interface AnalyzeOptions {
  /** The warehouse; given `readers`, independent queries run on several connections at once. */
  db: SqlReadWrite & Partial<SqlReaderPool>;
  store: BundleStore;
  logger: Logger;
  now: number;
  timeZone: string;
  /** `--through DATE`: analyze as of the end of that local day (only closed periods when it is in the past). */
  through?: string;
  /**
   * Backfill: recompute the published closed periods overlapping these local dates (inclusive). A period whose
   * figures changed is republished as a restatement (revision + 1, `restates` saying what changed); an unchanged
   * one is left as it is.
   */
  restate?: { from: string; to: string; reason: string };
  targets: { successRate: number; machineVariation: number; waitToRunRatio: number };
  pools: PoolBounds;
  version: string;
  /**
   * Stops between bundles (shutdown, timeout) by throwing its reason: every bundle written so far is whole and
   * recorded, and the next run writes the rest (they are still missing, or still open).
   */
  signal?: AbortSignal;
  /** One unit per bundle, after the set-based queries (which a year's backfill spends most of its time in). */
  progress?: ProgressFactory;
}

export interface AnalyzeResult {
  asOf: string;
  live: boolean;
  written: { kind: BundleKind; id: string; closed: boolean; file: string; bytes: number; revision: number }[];
  /** Restatement candidates whose figures did not change (left as published). */
  unchanged: { kind: BundleKind; id: string }[];
  /** Periods that ended but wait for collected data past their end. */
  waiting: { kind: BundleKind; id: string }[];
  /** Past periods whose figures were read from their published bundles instead of recomputed. */
  reused: number;
  /** Why nothing was written, when nothing was. */
  note: string | null;
  seconds: number;
}

interface Extent {
  first_ms: number | null;
  last_ms: number | null;
  last_collected_ms: number | null;
  sources: string[] | null;
}

/**
 * `almanac analyze`: writes a bundle for every closed period since the data began that has none, and refreshes
 * the open periods. All metric queries run once for all periods (set-based); assembly is pure; each bundle is
 * written atomically and recorded in report_publications. A published closed bundle is never rewritten here.
 */
export async function analyze(o: AnalyzeOptions): Promise<AnalyzeResult> {
  const started = performance.now();
  const clock = analysisClock(o.now, o.timeZone, o.through);
  const result = (partial: Partial<AnalyzeResult>): AnalyzeResult => ({
    asOf: new Date(clock.asOf).toISOString(),
    live: clock.live,
    written: [],
    unchanged: [],
    waiting: [],
    reused: 0,
    note: null,
    seconds: (performance.now() - started) / 1000,
    ...partial,
  });

  const extent = (await o.db.all<Extent>(readSql(import.meta.url, 'quality/dataExtent.sql')))[0];
  if (!extent || extent.first_ms === null) {
    return result({
      note: 'The warehouse holds no jobs or snapshots yet: run `almanac collect` (or `almanac simulate --warehouse`) first.',
    });
  }
  const dataStart = extent.first_ms;
  const dataThrough = Math.max(extent.last_collected_ms ?? 0, extent.last_ms ?? 0);
  const publications = await Publications.load(o.db);
  const isPublished = (kind: BundleKind, id: string): boolean => {
    const row = publications.get(kind, id);
    if (row) return row.closed && o.store.exists(kind, id);
    return o.store.read(kind, id)?.period.closed === true;
  };
  const restate = o.restate
    ? {
        start: periodOf('daily', o.restate.from, o.timeZone).start,
        end: periodOf('daily', o.restate.to, o.timeZone).end,
      }
    : undefined;
  const plan = planTargets({
    clock,
    timeZone: o.timeZone,
    dataStart,
    dataThrough,
    isPublished,
    ...(restate ? { restate } : {}),
  });
  if (plan.targets.length === 0) {
    return result({ waiting: plan.waiting, note: 'Every closed period is already published.' });
  }

  const withSpans = plan.targets.map((target) => ({ target, spans: targetSpans(target, o.timeZone) }));
  // Whole closed periods that already have a published bundle are read from it, not recomputed: this keeps the
  // nightly run from rescanning the months behind sparklines, trailing means and the 90-day context.
  const targeted = new Set(plan.targets.map((t) => `${t.period.kind}/${t.period.id}`));
  const published = new Map<string, PublishedFigures>();
  const candidates = new Set(
    withSpans.flatMap((t) => reusableSpans(t.target, t.spans, o.timeZone)).map((c) => `${c.kind}/${c.id}`),
  );
  for (const candidate of candidates) {
    const [kind, id] = candidate.split('/') as [BundleKind, string];
    const period = periodOf(kind, id, o.timeZone);
    const key = spanKey(period);
    if (published.has(key) || targeted.has(`${kind}/${id}`) || !isPublished(kind, id)) continue;
    const stored = o.store.readFigures(kind, id);
    if (stored?.closed) published.set(key, stored.figures);
  }
  const mustCompute = new Set<string>();
  for (const { spans } of withSpans) {
    for (const span of [spans.current, ...spans.days]) mustCompute.add(spanKey(span));
    for (const h of spans.hours) {
      mustCompute.add(spanKey(h));
      for (const b of h.baseline) mustCompute.add(spanKey(b));
    }
  }
  // Each distinct span once: a from-scratch run names about 130,000 spans, most of them many times over.
  const needed = new Map<string, Span>();
  for (const { spans } of withSpans) {
    for (const span of allSpans(spans)) {
      const key = spanKey(span);
      if (!needed.has(key) && (mustCompute.has(key) || !published.has(key))) needed.set(key, span);
    }
  }
  const earliest = Math.max(
    dataStart,
    [...needed.values()].reduce((min, s) => Math.min(min, s.start), Infinity),
  );
  const first = localTime(earliest, o.timeZone);
  const spanPlan = new SpanPlan(hourBuckets(first, clock.asOf, o.timeZone));
  for (const span of needed.values()) spanPlan.span(span.start, span.end);
  const refOf = (span: Span) => spanPlan.span(span.start, span.end);

  o.signal?.throwIfAborted();
  const progress = o.progress?.('analyze', plan.targets.length);
  progress?.update(0, 'querying');
  o.logger.debug('analysis plan ready', {
    targets: plan.targets.length,
    spans: spanPlan.all().length,
    seconds: (performance.now() - started) / 1000,
  });
  const currentRefs = withSpans.map((t) => refOf(t.spans.current));
  // Two connections: the metric queries' serial phases leave a core idle that a second query fills (on 2 cores the
  // nightly increment went from 2.21 to 1.80 s, median of 3; 90 days from scratch stayed within its spread, at
  // ~15% more peak memory). More would only compete for the same cores and memory.
  const reads = o.db.readers ? await o.db.readers(QUERY_CONNECTIONS) : null;
  const db: SqlReader = reads ?? o.db;
  const queries = [
    querySpanMetrics(db, spanPlan, o.pools),
    queryBreakdowns(db, spanPlan, currentRefs, o.pools),
    queryQuality(
      db,
      withSpans.map((t) => t.spans.current),
    ),
    querySnapshotIntervals(
      db,
      withSpans.reduce((min, t) => Math.min(min, t.target.period.start), Infinity) - 7 * 86_400_000,
      clock.asOf,
    ),
  ] as const;
  // All settle before the pool closes: a failed query must not close connections under the ones still running.
  await Promise.allSettled(queries).finally(() => reads?.close());
  const [metrics, breakdowns, quality, intervals] = await Promise.all(queries);
  o.logger.debug('analysis queries done', { seconds: (performance.now() - started) / 1000 });

  const built = new Map<string, ReportBundle>();
  const written: AnalyzeResult['written'] = [];
  const unchanged: AnalyzeResult['unchanged'] = [];
  const generatedAt = o.now;
  for (const { target, spans } of withSpans) {
    if (o.signal?.aborted) {
      progress?.finish(`stopped after ${written.length} bundles`);
      o.signal.throwIfAborted();
    }
    const { kind, id } = target.period;
    progress?.advance(1, `${kind}/${id}`);
    if (target.closed && !target.restate && isPublished(kind, id)) continue;
    const previousId = shiftPeriodId(kind, id, -1);
    const previousBundle = built.get(`${kind}/${previousId}`) ?? o.store.read(kind, previousId);
    const current = refOf(spans.current);
    const q = quality.get(`${spans.current.start}_${spans.current.end}`);
    const bundle = assembleBundle({
      target,
      spans,
      timeZone: o.timeZone,
      metricsOf: (span) => metrics.get(spanKey(span)) ?? emptySpanMetrics(),
      publishedOf: (span) => (mustCompute.has(spanKey(span)) ? undefined : published.get(spanKey(span))),
      coveredOf: (span) =>
        span.end > dataStart && span.start < Math.max(dataThrough, target.through) && span.end > span.start,
      breakdown: breakdowns.get(current.key) ?? emptyBreakdownRows(),
      quality: {
        dataStart,
        snapshotIntervals: intervals,
        gaps: q?.gaps ?? [],
        rejects: q?.rejects ?? [],
        runs: q?.runs ?? 0,
        failedRuns: q?.failedRuns ?? 0,
        lastCollectedAt: extent.last_collected_ms,
      },
      priorCovered: dataStart <= target.period.start - 7 * 86_400_000,
      previousBundle,
      targets: o.targets,
      pools: o.pools,
      generatedAt,
      version: o.version,
      sources: extent.sources ?? [],
      dataThrough,
    });
    if (target.restate) {
      const old = o.store.read(kind, id);
      const restated = old ? restatement(old, bundle, o.restate?.reason ?? 'backfill') : bundle;
      if (restated === null) {
        unchanged.push({ kind, id });
        built.set(`${kind}/${id}`, old!);
        continue;
      }
      Object.assign(bundle, restated);
    }
    const { file, sha256, bytes } = o.store.write(bundle);
    await publications.record({
      kind,
      id,
      revision: bundle.revision,
      closed: target.closed,
      start: target.period.start,
      end: target.period.end,
      generatedAt,
      sha256,
    });
    built.set(`${kind}/${id}`, bundle);
    written.push({ kind, id, closed: target.closed, file, bytes, revision: bundle.revision });
    o.logger.debug('bundle written', { kind, id, closed: target.closed, bytes });
  }
  progress?.finish(`${written.length} bundles written`);
  o.logger.debug('analysis done', { bundles: written.length, seconds: (performance.now() - started) / 1000 });
  return result({ written, unchanged, waiting: plan.waiting, reused: published.size });
}

const spanKeys = new WeakMap<object, string>();

/** The key the span plan gives `[start, end)`, remembered per span object (assembly asks for it again and again). */
function spanKey(span: { start: number; end: number }): string {
  let key = spanKeys.get(span);
  if (key === undefined) {
    key = `${span.start}_${span.end}`;
    spanKeys.set(span, key);
  }
  return key;
}
