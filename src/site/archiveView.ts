// The archive page: a calendar of daily reports (one cell per day, coloured by success rate against the
// target), and lists of weekly and monthly reports, newest first.
import type { ArchiveEntry, ArchiveView, CalendarDay, CalendarMonth } from './PageView.ts';
import type { IndexEntry, SiteIndex } from './SiteIndex.ts';
import { reportHref, rootPrefix } from './pagePath.ts';
import { daysInMonth } from './calendarMath.ts';

const ROOT = rootPrefix(1);
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** Within this many points under target a day is "watch" rather than "bad". */
const WATCH_BAND = 0.02;

export function archiveView(index: SiteIndex, siteTitle: string): ArchiveView {
  const daily = new Map(index.byKind.daily.map((e) => [e.id, e]));
  const monthly = new Map(index.byKind.monthly.map((e) => [e.id, e]));
  const monthIds = [...new Set(index.byKind.daily.map((e) => e.id.slice(0, 7)))].sort().reverse();
  const months: CalendarMonth[] = monthIds.map((monthId) => {
    const [year, month] = monthId.split('-').map(Number) as [number, number];
    const firstWeekday = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
    const days: CalendarDay[] = Array.from({ length: daysInMonth(year, month) }, (_, i) => {
      const id = `${monthId}-${String(i + 1).padStart(2, '0')}`;
      return calendarDay(i + 1, id, daily.get(id));
    });
    const m = monthly.get(monthId);
    return {
      id: monthId,
      label: `${MONTHS[month - 1]} ${year}`,
      href: m ? reportHref(ROOT, 'monthly', m.id) : null,
      offset: firstWeekday,
      days,
    };
  });
  return {
    title: siteTitle,
    months,
    weeks: [...index.byKind.weekly].reverse().map(entry),
    monthly: [...index.byKind.monthly].reverse().map(entry),
    daily: index.byKind.daily.length,
    root: ROOT,
  };
}

function calendarDay(day: number, id: string, e: IndexEntry | undefined): CalendarDay {
  if (!e) return { day, id, href: null, level: 'none', title: `${id}: no report`, restated: false };
  const rate = e.successRate;
  const target = e.target ?? 0.99;
  const level = rate === null ? 'none' : rate >= target ? 'good' : rate >= target - WATCH_BAND ? 'watch' : 'bad';
  const rateText = rate === null ? 'no data' : `success rate ${(rate * 100).toFixed(1)}%`;
  const notes = [
    e.restated ? 'restated' : null,
    e.partial ? 'partial data' : null,
    e.closed ? null : 'in progress',
  ].filter(Boolean);
  return {
    day,
    id,
    href: reportHref(ROOT, 'daily', id),
    level,
    title: `${e.label}: ${rateText}, ${e.status}${notes.length ? ` (${notes.join(', ')})` : ''}`,
    restated: e.restated,
  };
}

function entry(e: IndexEntry): ArchiveEntry {
  return {
    id: e.id,
    href: reportHref(ROOT, e.kind, e.id),
    label: e.label,
    status: e.closed ? e.status : `${e.status} (in progress)`,
    restated: e.restated,
    partial: e.partial,
  };
}
