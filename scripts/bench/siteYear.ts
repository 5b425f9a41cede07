// A year of report bundles for the site benchmarks (365 daily, 52 weekly, 12 monthly; the last month open),
// and the bundles one more night adds: the new day, its week and the open month rewritten.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeFixtureBundle } from '../../tests/fixtures/bundles/makeFixtureBundle.ts';
import { shiftPeriodId, periodOf, periodIdOfDay } from '../../src/analysis/calendar/periodOf.ts';
import type { BundleKind } from '../../src/report/BundleKind.ts';

export const BENCH_TZ = 'America/New_York';
const LAST_DAY = '2026-11-21';

async function write(
  reports: string,
  kind: BundleKind,
  id: string,
  generatedAt: number,
  openThrough?: number,
): Promise<void> {
  const bundle = makeFixtureBundle({
    kind,
    id,
    timezone: BENCH_TZ,
    generatedAt,
    ...(openThrough ? { openThrough } : {}),
  });
  await mkdir(path.join(reports, kind), { recursive: true });
  await writeFile(path.join(reports, kind, `${id}.json`), JSON.stringify(bundle));
}

/** Writes `days` daily bundles ending on 21 November 2026, and the weeks and months they span. */
export async function writeYear(reports: string, days = 365): Promise<number> {
  const generated = Date.parse('2026-11-22T06:15:00Z');
  const weeks = new Set<string>();
  const months = new Set<string>();
  for (let i = days - 1; i >= 0; i--) {
    const id = shiftPeriodId('daily', LAST_DAY, -i);
    await write(reports, 'daily', id, generated);
    weeks.add(weekIdOf(id));
    months.add(id.slice(0, 7));
  }
  for (const w of weeks) await write(reports, 'weekly', w, generated);
  for (const m of months)
    await write(
      reports,
      'monthly',
      m,
      generated,
      m === LAST_DAY.slice(0, 7) ? Date.parse('2026-11-22T05:00:00Z') : undefined,
    );
  return days + weeks.size + months.size;
}

/** Night `n` (1, 2, ...): the day after the last closes, its week and month are rewritten (open when not over). */
export async function writeNight(reports: string, n: number): Promise<void> {
  const day = shiftPeriodId('daily', LAST_DAY, n);
  const dayEnd = periodOf('daily', day, BENCH_TZ).end;
  const generated = dayEnd + 75 * 60_000;
  await write(reports, 'daily', day, generated);
  const week = weekIdOf(day);
  const weekEnd = periodOf('weekly', week, BENCH_TZ).end;
  await write(reports, 'weekly', week, generated, dayEnd < weekEnd ? dayEnd : undefined);
  const month = day.slice(0, 7);
  const monthEnd = periodOf('monthly', month, BENCH_TZ).end;
  await write(reports, 'monthly', month, generated, dayEnd < monthEnd ? dayEnd : undefined);
}

function weekIdOf(dayId: string): string {
  const [year, month, day] = dayId.split('-').map(Number) as [number, number, number];
  return periodIdOfDay('weekly', { year, month, day });
}
