/** Days in a calendar month (month 1-12); pure calendar arithmetic, no time zone involved. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
