/** Powers of ten spanning [min, max], for readable log axes (Vega's own log ticks crowd the grid). */
export function logTicks(min: number, max: number): number[] {
  const lo = Math.floor(Math.log10(Math.max(min, 1)));
  const hi = Math.ceil(Math.log10(Math.max(max, 10)));
  return Array.from({ length: hi - lo + 1 }, (_, i) => 10 ** (lo + i));
}
