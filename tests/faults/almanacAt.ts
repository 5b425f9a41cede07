// `almanac` with a pinned clock, for fault tests that compare runs made minutes apart:
//   node tests/faults/almanacAt.ts 2026-11-20T06:30:00Z run --json
// Everything else is the real CLI (main() is what src/cli/almanac.mjs calls).
import { main } from '../../src/cli/main.ts';

const [instant = '', ...argv] = process.argv.slice(2);
const now = new Date(instant);
if (Number.isNaN(now.getTime())) throw new Error(`almanacAt: "${instant}" is not an ISO instant`);
// The clock starts at the pinned instant and then moves with real time, so durations and timeouts still work.
const started = performance.now();
process.exitCode = await main({
  argv,
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  now: () => new Date(now.getTime() + (performance.now() - started)),
});
