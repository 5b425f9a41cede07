// Child process of the bench runner: runs one benchmark (warm-ups, repetitions, reference) and prints one JSON
// line with the figures and this process's peak RSS. Invoked as: node runOne.ts <module> <id> <quick 0|1>.
import type { Benchmark, Figure } from './Benchmark.ts';

const [moduleFile, id, quickFlag] = process.argv.slice(2);
const params = { quick: quickFlag === '1' };
const { benchmarks } = (await import(moduleFile!)) as { benchmarks: Benchmark[] };
const bench = benchmarks.find((b) => b.id === id);
if (!bench) throw new Error(`no benchmark ${id} in ${moduleFile}`);

const reps = params.quick ? (bench.repetitions?.quick ?? 1) : (bench.repetitions?.full ?? 3);
const state = bench.setup ? await bench.setup(params) : undefined;
const runs: Figure[] = [];
const references: Figure[] = [];
try {
  await bench.run(state, params); // warm-up
  if (bench.reference) await bench.reference.run(state, params);
  for (let i = 0; i < reps; i++) {
    runs.push(await bench.run(state, params));
    if (bench.reference) references.push(await bench.reference.run(state, params));
  }
} finally {
  if (bench.teardown) await bench.teardown(state);
}
process.stdout.write(JSON.stringify({ id, runs, references, peakRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
