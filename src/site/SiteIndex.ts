// The published reports in order, and the relations between them that pages link along:
// previous/next within a kind, and up from a day to its ISO week and month.
import type { ReportKind } from './PageView.ts';

export type IndexEntry = {
  kind: ReportKind;
  id: string;
  /** ISO instants of the period bounds. */
  start: string;
  end: string;
  label: string;
  /** What listing pages show about the report without opening it. */
  status: string;
  successRate: number | null;
  target: number | null;
  restated: boolean;
  partial: boolean;
  closed: boolean;
};

export type SiteIndex = {
  byKind: Record<ReportKind, IndexEntry[]>;
};

export function buildSiteIndex(entries: IndexEntry[]): SiteIndex {
  const byKind: Record<ReportKind, IndexEntry[]> = { daily: [], weekly: [], monthly: [] };
  for (const e of entries) byKind[e.kind].push(e);
  for (const list of Object.values(byKind)) list.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  return { byKind };
}

export function neighbours(
  index: SiteIndex,
  kind: ReportKind,
  id: string,
): { prev: IndexEntry | null; next: IndexEntry | null } {
  const list = index.byKind[kind];
  const i = list.findIndex((e) => e.id === id);
  if (i < 0) return { prev: null, next: null };
  return { prev: list[i - 1] ?? null, next: list[i + 1] ?? null };
}

/** The weekly and monthly reports whose period contains this period's start (for a week: its month). */
export function parents(index: SiteIndex, kind: ReportKind, start: string): IndexEntry[] {
  const kinds: ReportKind[] = kind === 'daily' ? ['weekly', 'monthly'] : kind === 'weekly' ? ['monthly'] : [];
  const t = Date.parse(start);
  return kinds.flatMap((k) => index.byKind[k].filter((e) => Date.parse(e.start) <= t && t < Date.parse(e.end)));
}

/** Reports of `kind` whose period starts inside [start, end): the days of a week or month. */
export function children(index: SiteIndex, kind: ReportKind, start: string, end: string): IndexEntry[] {
  const a = Date.parse(start);
  const b = Date.parse(end);
  return index.byKind[kind].filter((e) => {
    const t = Date.parse(e.start);
    return a <= t && t < b;
  });
}
