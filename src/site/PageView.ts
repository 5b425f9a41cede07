// The view models the Astro templates render. The engine computes them in Node (including each chart's
// SVG) and the templates only lay them out, so no bundle shape, SQL or Vega code reaches the pages.
import type { ChartTable } from '../charts/ChartModel.ts';

export type ReportKind = 'daily' | 'weekly' | 'monthly';

/** A link relative to the page that shows it (works from a web server and from file://). */
export type Link = { href: string; label: string };

export type Tone = 'good' | 'bad' | 'neutral';

export type KpiCardView = {
  name: string;
  label: string;
  description: string;
  /** Formatted value, or "no data". */
  value: string;
  /** "+1.2 pts vs Fri 20 Nov", or null when there is nothing to compare. */
  delta: string | null;
  arrow: 'up' | 'down' | 'flat' | null;
  tone: Tone;
  /** "Target 99.0%" when configured. */
  target: string | null;
  /** Further comparisons: same weekday last week, trailing mean. */
  comparisons: string[];
  sparkline: string;
  headline: boolean;
};

export type ReadinessComponentView = {
  label: string;
  value: string;
  target: string;
  score: number | null;
  weight: string;
  explanation: string;
};

export type ReadinessView = {
  key: string;
  label: string;
  score: number | null;
  grade: string;
  change: string | null;
  tone: Tone;
  components: ReadinessComponentView[];
};

export type RecommendationView = {
  id: string;
  rank: number;
  severity: string;
  status: string;
  title: string;
  what: string;
  why: string;
  action: string;
  impact: string;
  evidence: string[];
  firstSeen: string;
};

export type RenderedChart = {
  id: string;
  title: string;
  caption: string;
  alt: string;
  empty: boolean;
  svg: string;
  /** The compiled Vega spec as JSON, for the tooltip island. */
  vega: string;
  table: ChartTable;
};

export type DataTableView = {
  id: string;
  title: string;
  caption: string;
  columns: string[];
  rows: (string | number | null)[][];
  /** The CSV of the full table, relative to the page. */
  csvHref: string;
  /** Rows shown on the page; the CSV has all of them. */
  total: number;
};

export type ReportPageView = {
  kind: ReportKind;
  id: string;
  title: string;
  kindLabel: string;
  timezone: string;
  range: string;
  generated: string;
  closed: boolean;
  elapsed: string | null;
  revision: number;
  restated: { reason: string; previous: string; changes: string[] } | null;
  partial: boolean;
  qualityNotes: { severity: string; message: string }[];
  verdict: { status: string; trend: string; headline: string; topAction: string | null };
  summary: string[];
  nav: { prev: Link | null; next: Link | null; up: Link[]; days: Link[]; home: Link; archive: Link };
  kpis: KpiCardView[];
  readiness: ReadinessView[];
  recommendations: RecommendationView[];
  anomalies: { label: string; message: string; severity: string }[];
  charts: RenderedChart[];
  tables: DataTableView[];
  downloads: { json: Link; pdf: Link | null; csv: Link[] };
  /** Path prefix from this page to the site root, e.g. "../../". */
  root: string;
};

export type HomeView = {
  title: string;
  timezone: string;
  latest: {
    href: string;
    title: string;
    verdict: { status: string; trend: string; headline: string; topAction: string | null };
    summary: string[];
    kpis: KpiCardView[];
    partial: boolean;
  } | null;
  latestWeekly: Link | null;
  latestMonthly: Link | null;
  context: RenderedChart | null;
  counts: { daily: number; weekly: number; monthly: number };
  root: string;
};

export type CalendarDay = {
  day: number;
  id: string;
  href: string | null;
  /** Bucket for the cell colour, from the day's success rate against target. */
  level: 'good' | 'watch' | 'bad' | 'none';
  title: string;
  restated: boolean;
};

export type CalendarMonth = {
  id: string;
  label: string;
  href: string | null;
  /** Leading blank cells so the first day lands under its weekday (Monday first). */
  offset: number;
  days: CalendarDay[];
};

export type ArchiveEntry = {
  id: string;
  href: string;
  label: string;
  status: string;
  restated: boolean;
  partial: boolean;
};

export type ArchiveView = {
  title: string;
  months: CalendarMonth[];
  weeks: ArchiveEntry[];
  monthly: ArchiveEntry[];
  daily: number;
  root: string;
};
