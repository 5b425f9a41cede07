import type { BundleKind } from './BundleKind.ts';

/**
 * Bundle ids name a period in the report time zone: daily `2026-11-21`, weekly `2026-W47` (ISO week),
 * monthly `2026-11`. They double as file names, so the patterns are strict (digits, `-` and `W` only)
 * and the calendar is checked: `2026-02-30` and `2026-W53` are not ids.
 */
const PATTERNS: Record<BundleKind, RegExp> = {
  daily: /^(\d{4})-(\d{2})-(\d{2})$/,
  weekly: /^(\d{4})-W(\d{2})$/,
  monthly: /^(\d{4})-(\d{2})$/,
};

const MIN_YEAR = 1970;
const MAX_YEAR = 9999;

export function isBundleId(kind: BundleKind, id: string): boolean {
  const match = PATTERNS[kind].exec(id);
  if (!match) return false;
  const year = Number(match[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return false;
  const second = Number(match[2]);
  switch (kind) {
    case 'daily': {
      const day = Number(match[3]);
      return second >= 1 && second <= 12 && day >= 1 && day <= daysInMonth(year, second);
    }
    case 'weekly':
      return second >= 1 && second <= isoWeeksInYear(year);
    case 'monthly':
      return second >= 1 && second <= 12;
    default:
      throw new Error(`unknown bundle kind ${String(kind)}`);
  }
}

/** The kind an id belongs to, or null when it is no valid id of any kind. */
export function bundleKindOfId(id: string): BundleKind | null {
  if (isBundleId('daily', id)) return 'daily';
  if (isBundleId('weekly', id)) return 'weekly';
  if (isBundleId('monthly', id)) return 'monthly';
  return null;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 53 when 28 December (always in the year's last ISO week) falls in week 53, else 52. */
export function isoWeeksInYear(year: number): number {
  const dec28 = Date.UTC(year, 11, 28);
  const weekday = (new Date(dec28).getUTCDay() + 6) % 7; // Monday = 0
  const thursday = dec28 + (3 - weekday) * 86_400_000;
  const jan1 = Date.UTC(new Date(thursday).getUTCFullYear(), 0, 1);
  return Math.floor((thursday - jan1) / 86_400_000 / 7) + 1;
}
