// `node scripts/bench/simulateOnce.ts ID [--quick]`: runs one simulator benchmark once, without the harness's
// warm-up (a million-job run is its own warm-up), and prints its figure. For quick figures on a busy machine.
import { benchmarks } from './simulate.bench.ts';

const id = process.argv[2];
const quick = process.argv.includes('--quick');
const bench = benchmarks.find((b) => b.id === id);
if (!bench) {
  process.stderr.write(`usage: simulateOnce.ts ${benchmarks.map((b) => b.id).join('|')} [--quick]\n`);
  process.exit(2);
}
const figure = await bench.run(undefined, { quick, scale: 1 });
process.stdout.write(
  `${JSON.stringify({ id, ...figure, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }, null, 2)}\n`,
);
