// The fault suite's scale. `npm test` runs a shortened version (fast enough for CI on a loaded 2-core machine);
// `npm run test:faults` sets ALMANAC_FAULTS=full for the long, high-rate, many-trial version that produces the
// figures in docs/reliability.md. Tests are the same code at both scales: only the sizes change.
export const FULL = process.env['ALMANAC_FAULTS'] === 'full';

export function scaled<T>(short: T, full: T): T {
  return FULL ? full : short;
}

/** Per-test time limit: these tests start many processes on a loaded machine. */
export const TEST_TIMEOUT = FULL ? 3_600_000 : 600_000;
