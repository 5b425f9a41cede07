/** Rounds to a number of decimals, so bundles carry stable, readable figures (and equal inputs give equal JSON). */
export function roundTo(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
